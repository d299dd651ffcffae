"""The live-load benchmark's pieces (bench/live_fixture.py, bench/live.py), run against the
test client: the URL list it browses, and each write it makes through the real forms with
CSRF checks on. No timing here: bench/run.py measures."""

import pytest
from django.test import Client

from bench import live
from bench.live_fixture import SEARCH_QUERY, browse_paths, prepare
from marketplace.models import Category, Product
from marketplace.orders.models import Order
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory
from training.models import LessonProgress

pytestmark = pytest.mark.django_db


class ClientBrowser:
    """bench.live's browser interface over Django's test client, CSRF enforced."""

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)

    def cookie(self, name):
        morsel = self.client.cookies.get(name)
        return morsel.value if morsel is not None else ""

    def get(self, path):
        return self._answer(self.client.get(path))

    def post(self, path, data):
        return self._answer(self.client.post(path, data))

    @staticmethod
    def _answer(response):
        return live.Answer(response.status_code, response.get("Location", ""), response.content.decode())


@pytest.fixture
def market():
    seller = UserFactory(email="nguoiban@example.vn")
    store = StoreFactory(owner=seller, slug="htx-song-huong")
    old = ProductFactory(store=store, slug="mat-ong-cu", price=100_000, stock=30)
    new = ProductFactory(store=store, slug="mat-ong-moi", price=120_000, stock=8)
    ProductFactory(store=store, slug="het-hang", stock=0)
    Product.objects.filter(pk=old.pk).update(published_at=new.published_at.replace(year=2025))
    return {"seller": seller, "old": old, "new": new}


def test_browse_paths_lists_the_pages_of_the_scenario(market):
    groups = list(Category.objects.filter(parent=None).values_list("slug", flat=True)[:6])
    assert len(groups) == 6
    assert browse_paths() == [
        "/", "/products/", "/products/?page=2", *[f"/products/?group={slug}" for slug in groups], "/stores/",
        "/search/?q=" + SEARCH_QUERY.replace(" ", "+"),
        "/products/mat-ong-moi/", "/products/mat-ong-cu/",  # newest first, the one out of stock left out
    ]
    assert len(browse_paths()) == 11 + 2


def test_every_browsed_page_answers(market, client):
    for path in browse_paths():
        assert client.get(path).status_code == 200, path


def test_prepare_restocks_and_makes_the_accounts(market):
    fixture = prepare(learners=2, lessons=3)
    assert fixture["order_products"] == [market["new"].pk, market["old"].pk]
    assert Product.objects.get(pk=market["new"].pk).stock == 100  # below 60: restocked
    assert Product.objects.get(pk=market["old"].pk).stock == 100
    assert fixture["seller"] == {"email": "nguoiban@example.vn", "products": [
        {"id": market["old"].pk, "price": 100_000}, {"id": market["new"].pk, "price": 120_000}]}
    assert len(fixture["learners"]) == 2 and len(fixture["buyers"]) == 4
    assert fixture["lessons"] == [f"/training/bench-live-course/hoc-phan/bai-{n}/done/" for n in (1, 2, 3)]
    assert prepare(learners=2, lessons=3)["lessons"] == fixture["lessons"]  # the course is made once


def test_writes_go_through_the_real_forms(market):
    fixture = prepare(learners=2, lessons=3)
    writes = live.LiveWrites(fixture, ClientBrowser)
    writes.setup()

    buyer = ClientBrowser()
    writes.order(buyer, 0, 0)  # first order thread, first order: the first product
    order = Order.objects.get()
    assert (order.email, order.total, order.status) == ("bench-live-order@example.vn", 120_000 + 30_000, "confirmed")
    assert list(order.lines.values_list("product_id", "quantity")) == [(market["new"].pk, 1)]
    assert Product.objects.get(pk=market["new"].pk).stock == 99

    writes.lesson(0)
    writes.lesson(1)
    learner = LessonProgress.objects.filter(completed_at__isnull=False).values_list("user__email", flat=True)
    assert list(learner) == [fixture["learners"][0]] * 2

    writes.edit(0)  # the first of the seller's products: price up by 1,000 ₫, stock 40
    old = Product.objects.get(pk=market["old"].pk)
    assert (old.price, old.stock) == (101_000, 40)


def test_a_refused_write_raises(market):
    browser = ClientBrowser()
    with pytest.raises(live.WriteRefused, match="sign in nobody@example.vn: HTTP 200"):
        live.sign_in(browser, "nobody@example.vn", "wrong")
    with pytest.raises(live.WriteRefused, match=f"add product {market['new'].pk + 1000} to the cart: HTTP 409"):
        live.place_order(browser, market["new"].pk + 1000, {})


def test_writer_counts_what_was_done_and_what_failed():
    import threading

    stop = threading.Event()
    calls = []

    def action(n):
        calls.append(n)
        if n == 1:
            raise live.WriteRefused("HTTP 409")
        if n == 3:
            stop.set()

    writer = live.Writer("orders 1", 0.001, action, stop)
    writer.run()
    assert calls == [0, 1, 2, 3]
    assert (writer.stats.done, writer.stats.failed, writer.stats.last_error) == (3, 1, "HTTP 409")
    merged = live.merged([writer.stats, live.WriteStats("orders 2", 1.0, done=2)])
    assert [(m.name, m.done, m.failed, m.asked) for m in merged] == [("orders", 5, 1, 1001.0)]
