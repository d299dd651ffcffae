"""Stripe webhooks: signatures, once-only, out of order, delayed methods, rollback
(RELIABILITY 6–10), refunds through the gateway."""

import json
import logging
import time
import uuid

import pytest
from django.core import mail
from django.test import Client

from core.models import OutgoingEmail
from marketplace.orders.models import Order, OrderEvent
from marketplace.payments.models import Payment, Refund, WebhookEvent
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory
from tests.factories.orders import place, run_at_once
from tests.payments.conftest import event, post_event, session_object, sign

pytestmark = pytest.mark.django_db

A = OrderEvent.Action


@pytest.fixture
def card_payment(stripe_stub):
    """A card checkout of 2 jars (stock 5 → 3) from a store with one owner."""
    honey = ProductFactory(stock=5, price=100_000, store=StoreFactory(owner=UserFactory(email="shop@example.vn")))
    payment = place({honey: 2}, method="stripe")
    mail.outbox.clear()
    return payment


def order_of(payment) -> Order:
    return Order.objects.get(payment=payment)


def stock_of(payment) -> int:
    return order_of(payment).lines.get().product.stock


@pytest.mark.parametrize("tamper", ["bad_secret", "tampered_body", "old_timestamp", "future_timestamp",
                                    "missing_header", "garbage"])
def test_bad_signatures_are_refused_and_nothing_is_written(client, card_payment, tamper):
    body = event("evt_1", "checkout.session.completed", session_object(card_payment))
    signature = sign(body)
    if tamper == "bad_secret":
        signature = sign(body, secret="whsec_wrong")
    elif tamper == "tampered_body":
        body = body.replace(b'"paid"', b'"PAID"')
    elif tamper == "old_timestamp":
        signature = sign(body, timestamp=int(time.time()) - 301)
    elif tamper == "future_timestamp":  # stripe-python checks only the past; we check both
        signature = sign(body, timestamp=int(time.time()) + 301)
    elif tamper == "missing_header":
        signature = ""
    elif tamper == "garbage":
        body, signature = b"not json", sign(b"not json")

    response = post_event(client, body, signature)

    assert response.status_code == 400
    assert WebhookEvent.objects.count() == 0
    assert order_of(card_payment).status == Order.Status.PENDING_PAYMENT
    card_payment.refresh_from_db()
    assert card_payment.status == Payment.Status.PENDING


def test_a_clock_a_little_ahead_or_behind_is_accepted(client, card_payment):
    body = event("evt_1", "checkout.session.completed", session_object(card_payment))
    assert post_event(client, body, sign(body, timestamp=int(time.time()) + 240)).status_code == 200
    body = event("evt_2", "checkout.session.completed", session_object(card_payment))
    assert post_event(client, body, sign(body, timestamp=int(time.time()) - 240)).status_code == 200
    assert WebhookEvent.objects.count() == 2


def _not_ours(case, payment):
    session = session_object(payment)
    if case == "payment_link":  # a Payment Link on the same Stripe account, its own reference
        session.update(client_reference_id="plink_order_42", metadata={})
        return event("evt_plink", "checkout.session.completed", session)
    if case == "no_reference":
        session.update(client_reference_id=None, metadata=None)
        return event("evt_noref", "checkout.session.completed", session)
    if case == "unknown_uuid":
        session.update(client_reference_id=str(uuid.uuid4()), metadata={"payment_reference": str(uuid.uuid4())})
        return event("evt_uuid", "checkout.session.async_payment_succeeded", session)
    if case == "async_failed_elsewhere":
        session.update(client_reference_id="something-else", metadata={})
        return event("evt_fail", "checkout.session.async_payment_failed", session)
    if case == "refund_elsewhere":
        charge = {"id": "ch_9", "object": "charge", "payment_intent": "pi_other", "amount_refunded": 5_000,
                  "refunded": True}
        return event("evt_refund", "charge.refunded", charge)
    assert case == "unhandled_type"
    return event("evt_customer", "customer.created", {"id": "cus_1", "object": "customer"})


@pytest.mark.parametrize("case", ["payment_link", "no_reference", "unknown_uuid", "async_failed_elsewhere",
                                  "refund_elsewhere", "unhandled_type"])
def test_events_that_are_not_ours_are_acknowledged_logged_and_write_nothing(client, card_payment, caplog, case):
    caplog.set_level(logging.INFO, logger="marketplace.payments")
    body = _not_ours(case, card_payment)
    event_id = json.loads(body)["id"]

    response = post_event(Client(raise_request_exception=False), body)

    assert (response.status_code, response.content) == (200, b"ignored")
    assert WebhookEvent.objects.count() == 0
    assert [r.levelname for r in caplog.records if event_id in r.getMessage() and "ignored" in r.getMessage()] \
        == ["INFO" if case == "unhandled_type" else "WARNING"]
    card_payment.refresh_from_db()
    assert (card_payment.status, card_payment.provider_payment_id, card_payment.amount_refunded) \
        == (Payment.Status.PENDING, "", 0)
    assert order_of(card_payment).status == Order.Status.PENDING_PAYMENT
    assert stock_of(card_payment) == 3
    # Our own payment's event still goes through afterwards.
    assert post_event(client, event("evt_ours", "checkout.session.completed",
                                    session_object(card_payment))).content == b"ok"
    assert order_of(card_payment).status == Order.Status.PAID


def _malformed(case, payment):
    good = json.loads(event("evt_1", "checkout.session.completed", session_object(payment)))
    if case == "id_too_long":
        good["id"] = "evt_" + "x" * 252
    elif case == "id_missing":
        del good["id"]
    elif case == "id_not_a_string":
        good["id"] = 12345
    elif case == "id_with_nul":
        good["id"] = "evt_\x00"
    elif case == "type_missing":
        del good["type"]
    elif case == "data_missing":
        del good["data"]
    elif case == "data_not_an_object":
        good["data"] = ["cs_test_1"]
    elif case == "object_not_an_object":
        good["data"]["object"] = "cs_test_1"
    elif case == "object_missing":
        good["data"] = {}
    elif case == "reference_not_a_string":
        good["data"]["object"]["client_reference_id"] = 42
    elif case == "metadata_not_an_object":
        good["data"]["object"].update(client_reference_id=None, metadata="ref")
    elif case == "refund_amount_not_a_number":
        good.update(type="charge.refunded", data={"object": {"id": "ch_1", "object": "charge",
                                                             "payment_intent": "pi_test_1",
                                                             "amount_refunded": "230000", "refunded": True}})
    elif case == "body_a_list":
        good = [good]
    return json.dumps(good).encode()


@pytest.mark.parametrize("case", ["id_too_long", "id_missing", "id_not_a_string", "id_with_nul", "type_missing",
                                  "data_missing", "data_not_an_object", "object_not_an_object", "object_missing",
                                  "reference_not_a_string", "metadata_not_an_object", "refund_amount_not_a_number",
                                  "body_a_list"])
def test_signed_but_malformed_events_are_refused_and_nothing_is_written(card_payment, case):
    body = _malformed(case, card_payment)

    response = post_event(Client(raise_request_exception=False), body)

    assert response.status_code == 400
    assert WebhookEvent.objects.count() == 0
    card_payment.refresh_from_db()
    assert (card_payment.status, card_payment.provider_payment_id, card_payment.amount_refunded) \
        == (Payment.Status.PENDING, "", 0)
    assert order_of(card_payment).status == Order.Status.PENDING_PAYMENT


def test_the_longest_event_id_that_fits_is_accepted(client, card_payment):
    body = event("evt_" + "x" * 251, "checkout.session.completed", session_object(card_payment))
    assert post_event(client, body).status_code == 200
    assert WebhookEvent.objects.get().event_id == "evt_" + "x" * 251


def test_webhook_refused_when_no_secret_is_configured(client, card_payment, settings):
    body = event("evt_1", "checkout.session.completed", session_object(card_payment))
    signature = sign(body)
    settings.STRIPE_WEBHOOK_SECRET = ""
    assert post_event(client, body, signature).status_code == 400
    assert WebhookEvent.objects.count() == 0


def test_webhook_is_the_only_csrf_exempt_form(card_payment):
    client = Client(enforce_csrf_checks=True)
    body = event("evt_1", "checkout.session.completed", session_object(card_payment))
    assert post_event(client, body).status_code == 200
    assert client.post(f"/payments/{card_payment.reference}/pay/").status_code == 403


def test_completed_paid_fulfils_once_even_when_delivered_twice(client, card_payment,
                                                               django_capture_on_commit_callbacks):
    body = event("evt_paid", "checkout.session.completed", session_object(card_payment))
    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(client, body)
        second = post_event(client, body)

    assert (first.status_code, second.status_code) == (200, 200)
    order = order_of(card_payment)
    card_payment.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert (card_payment.status, card_payment.provider_payment_id) == (Payment.Status.PAID, "pi_test_1")
    assert order.events.filter(action=A.PAID).count() == 1
    assert WebhookEvent.objects.filter(event_id="evt_paid").count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["khach@example.vn", "shop@example.vn"]
    assert stock_of(card_payment) == 3


def test_async_succeeded_before_completed_ends_paid_once(client, card_payment):
    session = session_object(card_payment)
    assert post_event(client, event("evt_a", "checkout.session.async_payment_succeeded", session)).status_code == 200
    assert post_event(client, event("evt_b", "checkout.session.completed", session)).status_code == 200
    order = order_of(card_payment)
    assert order.status == Order.Status.PAID
    assert order.events.filter(action=A.PAID).count() == 1
    assert OutgoingEmail.objects.filter(key=f"order-{order.pk}-paid-buyer").count() == 1


def test_unpaid_completed_waits_for_async_success(client, card_payment):
    unpaid = session_object(card_payment, payment_status="unpaid")
    assert post_event(client, event("evt_1", "checkout.session.completed", unpaid)).status_code == 200
    assert order_of(card_payment).status == Order.Status.PENDING_PAYMENT
    card_payment.refresh_from_db()
    assert card_payment.status == Payment.Status.PROCESSING

    paid = session_object(card_payment, payment_status="paid")
    assert post_event(client, event("evt_2", "checkout.session.async_payment_succeeded", paid)).status_code == 200
    assert order_of(card_payment).status == Order.Status.PAID


def test_async_failure_cancels_and_frees_stock(client, card_payment):
    unpaid = session_object(card_payment, payment_status="unpaid")
    post_event(client, event("evt_1", "checkout.session.completed", unpaid))
    assert stock_of(card_payment) == 3

    assert post_event(client, event("evt_2", "checkout.session.async_payment_failed", unpaid)).status_code == 200

    order = order_of(card_payment)
    card_payment.refresh_from_db()
    assert order.status == Order.Status.CANCELLED
    assert card_payment.status == Payment.Status.FAILED
    assert stock_of(card_payment) == 5
    # A late success after the failure does not revive the order.
    post_event(client, event("evt_3", "checkout.session.async_payment_failed", unpaid))
    assert stock_of(card_payment) == 5


def test_a_handler_failing_midway_rolls_back_and_answers_500(card_payment, monkeypatch):
    import marketplace.orders.services.payment_events as order_payments

    real = order_payments.orders_payment_succeeded

    def half_then_crash(*, payment):
        real(payment=payment)  # the order is marked paid...
        raise RuntimeError("database went away")  # ...then the handler dies

    monkeypatch.setattr(order_payments, "orders_payment_succeeded", half_then_crash)
    client = Client(raise_request_exception=False)
    body = event("evt_x", "checkout.session.completed", session_object(card_payment))

    assert post_event(client, body).status_code == 500
    assert WebhookEvent.objects.count() == 0
    assert order_of(card_payment).status == Order.Status.PENDING_PAYMENT
    card_payment.refresh_from_db()
    assert card_payment.status == Payment.Status.PENDING

    monkeypatch.setattr(order_payments, "orders_payment_succeeded", real)
    assert post_event(client, body).status_code == 200  # Stripe's redelivery now succeeds
    assert order_of(card_payment).status == Order.Status.PAID


def test_seller_refund_goes_through_the_gateway_with_a_saved_key(client, card_payment, stripe_stub):
    post_event(client, event("evt_1", "checkout.session.completed", session_object(card_payment)))
    order = order_of(card_payment)
    seller = order.store.memberships.get().user
    client.force_login(seller)

    response = client.post(f"/seller/orders/{order.number}/cancel/", {"reason": "Hết hàng trong kho"})

    assert response.status_code == 302
    refund = Refund.objects.get()
    assert stripe_stub.refunds.calls == [{"params": {"payment_intent": "pi_test_1", "amount": 230_000},
                                          "options": {"idempotency_key": refund.idempotency_key}}]
    order.refresh_from_db()
    card_payment.refresh_from_db()
    assert (order.status, refund.status) == (Order.Status.REFUNDED, Refund.Status.SUCCEEDED)
    assert (card_payment.status, card_payment.amount_refunded) == (Payment.Status.REFUNDED, 230_000)
    assert stock_of(card_payment) == 5

    # Stripe then reports the refund: nothing happens twice.
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_test_1", "amount_refunded": 230_000,
              "refunded": True}
    assert post_event(client, event("evt_r", "charge.refunded", charge)).status_code == 200
    assert order.events.filter(action=A.REFUNDED).count() == 1
    assert stock_of(card_payment) == 5


def test_refund_made_in_stripe_dashboard_marks_orders_refunded(client, card_payment):
    post_event(client, event("evt_1", "checkout.session.completed", session_object(card_payment)))
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_test_1", "amount_refunded": 230_000,
              "refunded": True}
    assert post_event(client, event("evt_r", "charge.refunded", charge)).status_code == 200
    assert order_of(card_payment).status == Order.Status.REFUNDED
    assert stock_of(card_payment) == 5


def test_payment_after_expiry_is_refunded_once(client, card_payment, stripe_stub,
                                               django_capture_on_commit_callbacks):
    from marketplace.orders.services.payment_events import order_cancel
    from marketplace.payments.tasks import execute_refund

    order_cancel(order=order_of(card_payment), actor=None, reason="hết giờ", action=A.EXPIRED)
    card_payment.refresh_from_db()
    assert card_payment.status == Payment.Status.CANCELLED

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, event("evt_late", "checkout.session.completed", session_object(card_payment)))
    assert response.status_code == 200

    refund = Refund.objects.get()
    assert refund.amount == 230_000 and refund.status == Refund.Status.SUCCEEDED
    assert execute_refund.apply(args=[refund.pk]).get() is False  # RELIABILITY 12: second run, no effect
    assert len(stripe_stub.refunds.calls) == 1
    assert order_of(card_payment).status == Order.Status.CANCELLED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_duplicate_deliveries_fulfil_once(card_payment):
    """RELIABILITY 7 (concurrent): four threads deliver the same event at once."""
    body = event("evt_race", "checkout.session.completed", session_object(card_payment))
    signature = sign(body)
    codes = run_at_once(lambda: post_event(Client(), body, signature).status_code, 4)

    assert codes == [200, 200, 200, 200]
    order = order_of(card_payment)
    assert order.status == Order.Status.PAID
    assert order.events.filter(action=A.PAID).count() == 1
    assert WebhookEvent.objects.count() == 1
    assert OutgoingEmail.objects.filter(key__startswith=f"order-{order.pk}-paid").count() == 2  # buyer + seller


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_expiry_racing_a_payment_never_leaves_a_paid_order_without_stock(card_payment, stripe_stub):
    """Expiry (order → payment) and webhook (payment → orders) take locks in the same order:
    no deadlock, and either the order is paid with its stock held, or it is cancelled,
    its stock released and the late payment refunded."""
    import datetime

    from django.utils import timezone

    from marketplace.orders.services.payment_events import orders_expire_unpaid

    Order.objects.filter(payment=card_payment).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    body = event("evt_race", "checkout.session.completed", session_object(card_payment))
    signature = sign(body)

    def work(i):
        return orders_expire_unpaid() if i == 0 else post_event(Client(), body, signature).status_code

    counter = iter(range(2))
    results = run_at_once(lambda: work(next(counter)), 2)

    assert not any(isinstance(r, Exception) for r in results), results
    order = order_of(card_payment)
    if order.status == Order.Status.PAID:
        assert order.stock_released_at is None and stock_of(card_payment) == 3
    else:
        assert order.status == Order.Status.CANCELLED and stock_of(card_payment) == 5
        assert Refund.objects.filter(payment=card_payment, amount=230_000).count() == 1
