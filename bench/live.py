"""The live-load scenario's HTTP side (bench/run.py): visitors that keep cookies like a
browser, the writes a live market makes, and the threads that make them at a fixed pace
while wrk browses (bench/browse.lua).

Writes go through the site's real forms, with their CSRF tokens, exactly as a browser
sends them: an order is "add to cart" then the checkout (cash on delivery), a lesson is
its "done" button as a signed-in learner, a seller edit is the quick price and stock form.
Nothing here imports Django: the same actions run against gunicorn over HTTP
(`HttpBrowser`) or against Django's test client (tests/bench/).
"""

import http.client
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.cookies import SimpleCookie
from urllib.parse import urlencode

# Cookies a browser would have used up before the next page (a flash message is shown once
# by the page the form redirects to): never carried, so a message never sticks to a visitor.
TRANSIENT_COOKIES = {"messages"}
_SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]*)"')


@dataclass
class Answer:
    status: int
    location: str
    text: str


class HttpBrowser:
    """One visitor talking HTTP/1.1 to the benchmark server on loopback. Keeps every cookie,
    Secure ones included (production settings mark them Secure; the benchmark speaks plain
    HTTP to 127.0.0.1), and follows no redirect."""

    def __init__(self, host: str, port: int, timeout: float = 60.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}

    def cookie(self, name: str) -> str:
        return self.cookies.get(name, "")

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in sorted(self.cookies.items()) if k not in TRANSIENT_COOKIES)

    def get(self, path: str) -> Answer:
        return self._send("GET", path)

    def post(self, path: str, data: dict) -> Answer:
        return self._send("POST", path, urlencode(data))

    def _send(self, method: str, path: str, body: str | None = None) -> Answer:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                self._remember(header)
            return Answer(response.status, response.headers.get("Location", ""), text)
        finally:
            connection.close()

    def _remember(self, header: str) -> None:
        for name, morsel in SimpleCookie(header).items():
            if name in TRANSIENT_COOKIES:
                continue
            if morsel.value == "" or morsel["max-age"] == "0":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value


class WriteRefused(Exception):
    """The site did not answer a write as a browser expects (status and redirect)."""


def _expect_redirect(answer: Answer, what: str, to: str = "") -> Answer:
    if answer.status != 302 or (to and to not in answer.location):
        raise WriteRefused(f"{what}: HTTP {answer.status} → {answer.location or '-'}")
    return answer


def csrf_token(browser, page: str = "/cart/") -> str:
    """The visitor's CSRF token (its cookie, which Django accepts as the form's value),
    after opening `page` if the visitor has none yet."""
    if not browser.cookie("csrftoken"):
        browser.get(page)
    token = browser.cookie("csrftoken")
    if not token:
        raise WriteRefused(f"no CSRF cookie after GET {page}")
    return token


def sign_in(browser, email: str, password: str) -> None:
    token = csrf_token(browser, "/accounts/login/")
    answer = browser.post("/accounts/login/", {"csrfmiddlewaretoken": token, "username": email, "password": password})
    _expect_redirect(answer, f"sign in {email}")


def add_to_cart(browser, product_id: int, quantity: int = 1) -> None:
    token = csrf_token(browser)
    answer = browser.post("/cart/add/", {"csrfmiddlewaretoken": token, "product": product_id, "quantity": quantity})
    _expect_redirect(answer, f"add product {product_id} to the cart", "/cart/")


def place_order(browser, product_id: int, delivery: dict) -> str:
    """One order of one unit, cash on delivery: "add to cart", the checkout form (for its
    one-time key), then the checkout. Returns the confirmation page's URL."""
    add_to_cart(browser, product_id)
    form = browser.get("/checkout/")
    found = _SUBMISSION_KEY.search(form.text)
    if form.status != 200 or found is None:
        raise WriteRefused(f"checkout form: HTTP {form.status}")
    answer = browser.post("/checkout/", {**delivery, "submission_key": found.group(1),
                                         "csrfmiddlewaretoken": csrf_token(browser)})
    return _expect_redirect(answer, f"checkout of product {product_id}", "/checkout/placed/").location


def complete_lesson(browser, done_url: str) -> str:
    """The lesson's "done" button. Returns where it leads (next lesson, or the certificate)."""
    answer = browser.post(done_url, {"csrfmiddlewaretoken": csrf_token(browser, "/training/")})
    return _expect_redirect(answer, f"lesson {done_url}").location


def edit_price_stock(browser, product_id: int, price: int, stock: int) -> None:
    """The seller's quick edit of one product's price and stock (/seller/products/)."""
    answer = browser.post(f"/seller/products/{product_id}/quick/", {
        "csrfmiddlewaretoken": csrf_token(browser, "/seller/products/"), "price": price, "stock": stock,
        "next": "/seller/products/"})
    _expect_redirect(answer, f"quick edit of product {product_id}", "/seller/products/")


# --- the writers ---------------------------------------------------------------------------------

@dataclass
class WriteStats:
    name: str
    asked: float  # writes a second asked for
    done: int = 0
    failed: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    last_error: str = ""

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        p50 = statistics.median(self.latencies) * 1000 if self.latencies else 0.0
        text = f"{self.name} {self.rate:.2f}/s (asked {self.asked:.2f}/s, p50 {p50:.0f} ms"
        return text + (f", {self.failed} failed: {self.last_error})" if self.failed else ")")


class Writer(threading.Thread):
    """Calls `action(n)` every `interval` seconds until stopped; an action slower than the
    interval delays the next one (no burst to catch up), so `rate` is what the site managed."""

    def __init__(self, name: str, interval: float, action, stop: threading.Event):
        super().__init__(name=name, daemon=True)
        self.stats = WriteStats(name, 1 / interval)
        self.interval, self.action, self.stop = interval, action, stop

    def run(self) -> None:
        started = time.monotonic()
        due = started + self.interval / 2  # mid-interval: n intervals hold n writes, not n + 1
        n = 0
        while not self.stop.is_set():
            pause = due - time.monotonic()
            if pause > 0 and self.stop.wait(pause):
                break
            began = time.monotonic()
            try:
                self.action(n)
                self.stats.done += 1
                self.stats.latencies.append(time.monotonic() - began)
            except Exception as error:  # noqa: BLE001 - counted and shown in the report, the run goes on
                self.stats.failed += 1
                self.stats.last_error = str(error)[:120]
            n += 1
            due = max(due + self.interval, time.monotonic())
        self.stats.seconds = time.monotonic() - started


class LiveWrites:
    """The market's writes while visitors browse: orders at `orders_per_second` (one
    anonymous buyer per order thread, each placing one order a second), a lesson a second
    by signed-in learners (each learner through the course, then the next), and a seller
    price and stock edit every two seconds, alternating price up and down, stock never 0.

    `make_browser()` gives a new visitor; `setup()` signs the learners and the seller in
    (before the measurement: a sign-in hashes a password, which is not the load measured)."""

    def __init__(self, fixture: dict, make_browser, orders_per_second: int = 2, lessons_per_second: float = 1.0,
                 edits_per_second: float = 0.5):
        self.fixture, self.make_browser = fixture, make_browser
        self.orders_per_second = orders_per_second
        self.lessons_per_second, self.edits_per_second = lessons_per_second, edits_per_second
        self.learners: list = []
        self.seller = None
        self._lesson = 0
        self._stop = threading.Event()
        self._threads: list[Writer] = []

    def setup(self) -> None:
        password = self.fixture["password"]
        self.learners = []
        for email in self.fixture["learners"]:
            browser = self.make_browser()
            sign_in(browser, email, password)
            self.learners.append(browser)
        self.seller = self.make_browser()
        sign_in(self.seller, self.fixture["seller"]["email"], password)

    # One write each; `n` counts the writer's calls.
    def order(self, buyer, offset: int, n: int) -> None:
        products = self.fixture["order_products"]
        place_order(buyer, products[(offset + n * self.orders_per_second) % len(products)], self.fixture["delivery"])

    def lesson(self, _n: int) -> None:
        lessons = self.fixture["lessons"]
        learner = self._lesson // len(lessons)
        if learner >= len(self.learners):
            raise WriteRefused("every learner has finished the course: give bench/live_fixture.py more --learners")
        complete_lesson(self.learners[learner], lessons[self._lesson % len(lessons)])
        self._lesson += 1

    def edit(self, n: int) -> None:
        products = self.fixture["seller"]["products"]
        product = products[n % len(products)]
        edit_price_stock(self.seller, product["id"], product["price"] + (1000 if n // len(products) % 2 == 0 else 0),
                         40 + n % 7)

    def start(self) -> None:
        self._stop.clear()
        self._threads = [Writer(f"orders {k + 1}", 1.0, partial(self.order, self.make_browser(), k), self._stop)
                         for k in range(self.orders_per_second)]
        if self.learners and self.lessons_per_second:
            self._threads.append(Writer("lessons", 1 / self.lessons_per_second, self.lesson, self._stop))
        if self.seller is not None and self.edits_per_second:
            self._threads.append(Writer("seller edits", 1 / self.edits_per_second, self.edit, self._stop))
        for thread in self._threads:
            thread.start()

    def stop(self) -> list[WriteStats]:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=120)
        return [thread.stats for thread in self._threads]


def merged(stats: list[WriteStats]) -> list[WriteStats]:
    """The order threads' figures as one line ("orders"), the others as they are."""
    out: dict[str, WriteStats] = {}
    for s in stats:
        name = "orders" if s.name.startswith("orders") else s.name
        m = out.setdefault(name, WriteStats(name, 0.0))
        m.asked += s.asked
        m.done, m.failed, m.latencies = m.done + s.done, m.failed + s.failed, m.latencies + s.latencies
        m.seconds = max(m.seconds, s.seconds)
        m.last_error = s.last_error or m.last_error
    return list(out.values())
