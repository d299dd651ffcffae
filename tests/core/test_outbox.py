"""RELIABILITY 11 and 25: the transactional outbox. A write that committed always answers
as a success, whatever the broker does; the work it promised goes out once the broker is
back; a checkout form submitted twice is one order.

"The broker is down" is a Redis URL on a port nothing listens on, with the Celery app
switched from eager to publishing (`broker_down`). "The broker is back" is either eager
mode again (the embedded default: the relay runs the tasks in-process) or, when
CELERY_BROKER_URL is set, the real Redis with a worker (`test_broker_back_with_a_real_worker`).
"""

import contextlib
import datetime
import os
import socket
import time

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from config.celery import app
from core import outbox
from core.models import OutboxMessage, OutgoingEmail
from core.services import email_enqueue
from marketplace.models import Product
from marketplace.orders.models import Order
from marketplace.payments.models import Payment
from search.models import SearchEntry
from tests.factories import UserFactory
from tests.factories.marketplace import HUE, ProductFactory, StoreFactory, first_ward

pytestmark = pytest.mark.django_db


def _forget_connections() -> None:
    """Make the app build its connection pools from the current broker_url again."""
    app._pool = None
    app.amqp._producer_pool = None


@contextlib.contextmanager
def broker_at(url: str, *, eager: bool = False):
    # broker_write_url: Celery prefers the CELERY_BROKER_URL environment variable to a
    # broker_url set in code, but not to an explicit write URL.
    saved = {key: app.conf.get(key) for key in ("broker_write_url", "broker_read_url")}
    saved["task_always_eager"] = app.conf.task_always_eager
    app.conf.update(broker_write_url=url, broker_read_url=url, task_always_eager=eager)
    _forget_connections()
    outbox.reset()
    try:
        yield
    finally:
        app.conf.update(**saved)
        _forget_connections()
        outbox.reset()


@pytest.fixture
def broker_down():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with broker_at(f"redis://127.0.0.1:{port}/0"):
        yield


def _queue_state() -> dict:
    """What the broker holds, for a failure message: messages waiting, taken but not acknowledged."""
    client = app.connection_for_write().default_channel.client
    return {"waiting": client.llen(app.conf.task_default_queue), "unacked": client.hlen("unacked"),
            "emails": list(OutgoingEmail.objects.values_list("to", "attempts", "sent_at"))}


def broker_back() -> int:
    """The embedded default again (tasks run in-process), then the relay."""
    app.conf.update(task_always_eager=True)
    outbox.reset()
    return outbox.relay()


def unsent() -> list[tuple[str, list]]:
    return list(OutboxMessage.objects.filter(sent_at=None).order_by("pk").values_list("task", "args"))


# --- the outbox itself ---------------------------------------------------------------------------

def test_a_rolled_back_transaction_leaves_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), contextlib.suppress(RuntimeError), transaction.atomic():
        email_enqueue(key="never", to="x@example.vn", subject="x", template="emails/welcome.txt",
                      context={"user": {"get_short_name": "X"}})
        raise RuntimeError("rolled back")
    assert (OutboxMessage.objects.count(), OutgoingEmail.objects.count(), mail.outbox) == (0, 0, [])


def test_a_committed_message_is_sent_once_and_marked(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(key="hello", to="x@example.vn", subject="Xin chào", template="emails/welcome.txt",
                      context={"user": {"get_short_name": "X"}})
    message = OutboxMessage.objects.get()
    assert (message.task, message.attempts, message.sent_at is not None) == ("core.tasks.deliver_email", 1, True)
    assert [m.subject for m in mail.outbox] == ["Xin chào"]
    assert outbox.relay() == 0  # nothing left to send
    assert len(mail.outbox) == 1


def test_broker_down_keeps_the_message_and_rests_then_the_relay_sends_it(broker_down, monkeypatch,
                                                                          django_capture_on_commit_callbacks):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(key="a", to="a@example.vn", subject="A", template="emails/welcome.txt",
                      context={"user": {"get_short_name": "A"}})
    assert time.monotonic() - started < 2  # a refused connection fails fast (no publish retries)
    message = OutboxMessage.objects.get()
    assert (message.sent_at, message.attempts) == (None, 1)
    assert message.last_error.startswith("OperationalError")
    assert message.next_attempt_at > timezone.now() + datetime.timedelta(seconds=25)  # back-off: 30 s
    assert outbox.broker_resting()

    # While it rests, new messages are not even tried (one failure per process, not per request).
    tried = []
    monkeypatch.setattr(app.tasks["core.tasks.deliver_email"], "apply_async", lambda **kw: tried.append(kw))
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(key="b", to="b@example.vn", subject="B", template="emails/welcome.txt",
                      context={"user": {"get_short_name": "B"}})
    assert tried == [] and OutboxMessage.objects.filter(sent_at=None).count() == 2
    monkeypatch.undo()

    # Back: the relay sends what is due (the second at once; the first after its back-off).
    assert broker_back() == 1
    assert [m.subject for m in mail.outbox] == ["B"]
    OutboxMessage.objects.filter(sent_at=None).update(next_attempt_at=timezone.now())
    assert outbox.relay() == 1
    assert sorted(m.subject for m in mail.outbox) == ["A", "B"]
    assert OutboxMessage.objects.filter(sent_at=None).count() == 0


def test_the_next_hand_over_that_succeeds_sends_what_waited(django_capture_on_commit_callbacks):
    message = OutboxMessage.objects.create(task="core.tasks.deliver_email", args=[
        email_enqueue(key="old", to="o@example.vn", subject="Old", template="emails/welcome.txt",
                      context={"user": {"get_short_name": "O"}}).pk])
    OutboxMessage.objects.exclude(pk=message.pk).delete()
    outbox._state["pending"] = True  # this process saw a failure earlier
    with django_capture_on_commit_callbacks(execute=True):
        email_enqueue(key="new", to="n@example.vn", subject="New", template="emails/welcome.txt",
                      context={"user": {"get_short_name": "N"}})
    assert sorted(m.subject for m in mail.outbox) == ["New", "Old"]
    assert not OutboxMessage.objects.filter(sent_at=None).exists()


def test_a_task_that_fails_eagerly_is_kept_and_run_again(monkeypatch, django_capture_on_commit_callbacks):
    from core import tasks

    calls = []

    def flaky(email_id):
        calls.append(email_id)
        if len(calls) == 1:
            raise OSError("smtp down")

    monkeypatch.setattr(tasks.deliver_email, "run", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        email = email_enqueue(key="k", to="k@example.vn", subject="K", template="emails/welcome.txt",
                              context={"user": {"get_short_name": "K"}})
    assert not outbox.broker_resting()  # the broker is not to blame
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    assert outbox.relay() == 1
    assert calls == [email.pk, email.pk]


def test_the_relay_task_prunes_old_sent_messages():
    from core.tasks import relay_outbox

    old = OutboxMessage.objects.create(task="core.tasks.deliver_email", args=[1],
                                       sent_at=timezone.now() - datetime.timedelta(days=8))
    recent = OutboxMessage.objects.create(task="core.tasks.deliver_email", args=[2], sent_at=timezone.now())
    assert relay_outbox.delay().get() == 0
    assert list(OutboxMessage.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not OutboxMessage.objects.filter(pk=old.pk).exists()


def test_emails_whose_delivery_gave_up_are_sent_later():
    from core.tasks import resend_unsent_emails

    stale = OutgoingEmail.objects.create(key="stale", to="s@example.vn", subject="Cũ", body="x", attempts=5)
    OutgoingEmail.objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    OutgoingEmail.objects.create(key="fresh", to="f@example.vn", subject="Mới", body="x")  # its task may still run
    assert resend_unsent_emails.delay().get() == 1
    assert [m.subject for m in mail.outbox] == ["Cũ"]
    assert resend_unsent_emails.delay().get() == 0


# --- every committed write answers as a success with the broker down -------------------------------

def _checkout_form(**extra) -> dict:
    data = {"email": "lan@example.vn", "contact_name": "Nguyễn Thị Lan", "phone": "0912 345 678",
            "province_code": HUE, "ward_code": first_ward(HUE), "street": "12 Lê Lợi", "method": "cod",
            "submission_key": "k" * 32}
    data.update(extra)
    return data


def test_guest_checkout_submitted_twice_with_the_broker_down_is_one_order(broker_down, client,
                                                                          django_capture_on_commit_callbacks):
    honey = ProductFactory(price=150_000, stock=5)
    client.post("/cart/add/", {"product": honey.pk, "quantity": 2})
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/checkout/", _checkout_form())
    payment = Payment.objects.get()
    assert (first.status_code, first.url) == (302, f"/checkout/placed/{payment.reference}/")
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post("/checkout/", _checkout_form())  # the browser retries the same form
    assert (again.status_code, again.url) == (302, first.url)
    assert (Order.objects.count(), Payment.objects.count()) == (1, 1)
    honey.refresh_from_db()
    assert honey.stock == 3  # taken once
    assert client.get("/checkout/").url == "/cart/"  # the cart was emptied by the first answer
    order = Order.objects.get()
    assert mail.outbox == [] and OutgoingEmail.objects.filter(to="lan@example.vn", sent_at=None).count() == 1
    assert ("search.tasks.index_objects", ["product", [honey.pk]]) in unsent()  # the stock change, for search
    assert {task for task, _args in unsent()} >= {"core.tasks.deliver_email"}

    broker_back()
    OutboxMessage.objects.filter(sent_at=None).update(next_attempt_at=timezone.now())
    outbox.relay()
    confirmations = [m for m in mail.outbox if m.to == ["lan@example.vn"]]
    assert len(confirmations) == 1 and order.number in confirmations[0].subject + confirmations[0].body
    assert SearchEntry.objects.get(kind="product", object_id=honey.pk).in_stock is True  # 3 left
    assert unsent() == []


def test_signup_password_reset_and_seller_edits_succeed_with_the_broker_down(broker_down, client):
    response = client.post("/accounts/signup/", {
        "full_name": "Trần Văn Bình", "email": "binh@example.vn", "phone": "", "password1": "mat-ong-rung-2026",
        "password2": "mat-ong-rung-2026"})
    assert response.status_code == 302 and User.objects.filter(email="binh@example.vn").exists()
    client.logout()

    known = client.post("/accounts/password-reset/", {"email": "binh@example.vn"})
    unknown = client.post("/accounts/password-reset/", {"email": "khong-co@example.vn"})
    sent_page = (302, "/accounts/password-reset/sent/")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url) == sent_page

    seller = UserFactory()
    store = StoreFactory(owner=seller)
    product = ProductFactory(store=store, price=100_000, stock=5)
    client.force_login(seller)
    quick = client.post(f"/seller/products/{product.pk}/quick/", {"price": "125000", "stock": "4"})
    assert quick.status_code == 302
    product.refresh_from_db()
    assert (product.price, product.stock) == (125_000, 4)
    from marketplace.models import Category

    new = client.post("/seller/products/new/", {"name": "Mật ong hoa nhãn", "category": Category.objects.get(
        slug="thuc-pham").pk, "price": "185000", "unit": "chai", "stock": "12", "description": ""})
    assert new.status_code == 302 and Product.objects.filter(name="Mật ong hoa nhãn").exists()
    assert mail.outbox == []
    assert {task for task, _args in unsent()} >= {"core.tasks.deliver_email", "search.tasks.index_objects"}

    broker_back()
    OutboxMessage.objects.filter(sent_at=None).update(next_attempt_at=timezone.now())
    outbox.relay()
    assert sorted(m.to[0] for m in mail.outbox) == ["binh@example.vn", "binh@example.vn"]  # welcome, reset link
    assert unsent() == []


def test_a_checkout_form_submitted_at_the_same_moment_twice_is_one_order(client):
    """The second submission finds the key taken (here, by a payment committed just before
    it looked), and answers with the first one's confirmation."""
    from marketplace.orders.checkout import build_checkout_context
    from marketplace.orders.services.checkout import checkout_place
    from tests.factories.orders import delivery

    honey = ProductFactory(price=150_000, stock=5)
    context = build_checkout_context({honey.pk: 1})
    first = checkout_place(context=context, details=delivery(), method="cod", buyer=None, submission_key="same")
    second = checkout_place(context=build_checkout_context({honey.pk: 1}), details=delivery(), method="cod",
                            buyer=None, submission_key="same")
    assert second.pk == first.pk
    assert (Order.objects.count(), Product.objects.get(pk=honey.pk).stock) == (1, 4)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_of_one_checkout_form_make_one_order():
    from marketplace.orders.checkout import build_checkout_context
    from marketplace.orders.services.checkout import checkout_place
    from tests.factories.orders import delivery, run_at_once

    honey = ProductFactory(price=150_000, stock=5)
    results = run_at_once(lambda: checkout_place(context=build_checkout_context({honey.pk: 1}), details=delivery(),
                                                 method="cod", buyer=None, submission_key="twice"), 4)
    assert all(isinstance(r, Payment) for r in results), results
    assert len({r.pk for r in results}) == 1
    assert (Order.objects.count(), Product.objects.get(pk=honey.pk).stock) == (1, 4)


@pytest.mark.broker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_broker_back_with_a_real_worker(client):
    """With the broker at a closed port, a guest checkout submitted twice is one order and
    2xx/3xx both times; once the real Redis is back, a worker sends the confirmation."""
    from celery.contrib.testing.worker import start_worker

    honey = ProductFactory(price=150_000, stock=5)
    client.post("/cart/add/", {"product": honey.pk, "quantity": 1})
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"redis://127.0.0.1:{sock.getsockname()[1]}/0"
    with broker_at(closed):
        first = client.post("/checkout/", _checkout_form(submission_key="w" * 32))
        again = client.post("/checkout/", _checkout_form(submission_key="w" * 32))
    assert (first.status_code, again.status_code, again.url) == (302, 302, first.url)
    assert Order.objects.count() == 1 and mail.outbox == []
    with broker_at(os.environ["CELERY_BROKER_URL"]):
        app.control.purge()  # an empty queue; the exchange bindings stay
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            OutboxMessage.objects.filter(sent_at=None).update(next_attempt_at=timezone.now())
            # The buyer's confirmation: an order that leaves the product in stock is not indexed again.
            assert outbox.relay() == 1
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not any(m.to == ["lan@example.vn"] for m in mail.outbox):
                time.sleep(0.1)
            waiting = _queue_state()
    assert len([m for m in mail.outbox if m.to == ["lan@example.vn"]]) == 1, waiting
    assert OutboxMessage.objects.filter(sent_at=None).count() == 0
