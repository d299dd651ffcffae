"""Card checkout against a stubbed Stripe client (RELIABILITY 4, 5)."""

import pytest

from marketplace.orders.models import Order
from marketplace.payments import gateway
from marketplace.payments.models import Payment, PaymentAttempt
from tests.factories.marketplace import HUE, ProductFactory, first_ward

pytestmark = pytest.mark.django_db


def checkout_by_card(client, *products):
    for product in products:
        client.post("/cart/add/", {"product": product.pk, "quantity": 2})
    return client.post("/checkout/", {
        "email": "lan@example.vn", "contact_name": "Nguyễn Thị Lan", "phone": "0912345678", "province_code": HUE,
        "ward_code": first_ward(HUE), "street": "12 Lê Lợi", "method": "stripe"})


def test_card_checkout_creates_one_checkout_session_in_vnd(client, stripe_stub):
    honey = ProductFactory(price=150_000)
    tea = ProductFactory(price=85_500)

    response = checkout_by_card(client, honey, tea)

    payment = Payment.objects.get()
    attempt = PaymentAttempt.objects.get()
    assert len(stripe_stub.sessions.calls) == 1
    call = stripe_stub.sessions.calls[0]
    assert response.status_code == 302 and response.url == attempt.redirect_url
    assert call["options"] == {"idempotency_key": attempt.idempotency_key}
    params = call["params"]
    orders = list(Order.objects.order_by("pk"))
    # Zero-decimal currency: the đồng integer as is, never ×100 (RELIABILITY 5).
    assert [(li["price_data"]["currency"], li["price_data"]["unit_amount"], li["quantity"])
            for li in params["line_items"]] == [("vnd", 330_000, 1), ("vnd", 201_000, 1)]
    assert [o.total for o in orders] == [330_000, 201_000]
    assert payment.amount == 531_000
    assert params["client_reference_id"] == str(payment.reference)
    assert params["success_url"].endswith(f"/payments/{payment.reference}/return/")
    assert params["cancel_url"].endswith(f"/payments/{payment.reference}/cancelled/")
    assert all(o.status == Order.Status.PENDING_PAYMENT for o in orders)
    assert payment.status == Payment.Status.PENDING


def test_retry_after_a_timeout_reuses_the_saved_idempotency_key(client, stripe_stub):
    stripe_stub.sessions.fail_next = 1
    response = checkout_by_card(client, ProductFactory())
    payment = Payment.objects.get()
    assert response.status_code == 302 and response.url == f"/checkout/placed/{payment.reference}/"
    attempt = PaymentAttempt.objects.get()
    assert attempt.redirect_url == ""  # the key was saved before the call that timed out
    first_key = stripe_stub.sessions.calls[0]["options"]["idempotency_key"]
    assert first_key == attempt.idempotency_key

    retry = client.post(f"/payments/{payment.reference}/pay/")
    again = client.post(f"/payments/{payment.reference}/pay/")

    assert [c["options"]["idempotency_key"] for c in stripe_stub.sessions.calls] == [first_key, first_key]
    assert PaymentAttempt.objects.count() == 1
    attempt.refresh_from_db()
    assert retry.url == again.url == attempt.redirect_url != ""


def test_success_and_cancel_pages_fulfil_nothing(client, stripe_stub):
    checkout_by_card(client, ProductFactory())
    payment = Payment.objects.get()
    assert client.get(f"/payments/{payment.reference}/return/").status_code == 200
    cancelled = client.get(f"/payments/{payment.reference}/cancelled/")
    assert cancelled.status_code == 200
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING
    assert Order.objects.get().status == Order.Status.PENDING_PAYMENT


def test_card_is_refused_when_stripe_is_not_configured(settings):
    settings.STRIPE_SECRET_KEY = ""
    assert [p.code for p in gateway.available_methods()] == ["cod"]


def test_only_the_stripe_provider_imports_stripe():
    from pathlib import Path

    from django.conf import settings

    offenders = [str(p) for p in Path(settings.BASE_DIR).glob("*/**/*.py")
                 if not {".venv", "var", "tests"} & set(p.parts)
                 and ("import stripe" in p.read_text(encoding="utf-8", errors="ignore")
                      or "from stripe" in p.read_text(encoding="utf-8", errors="ignore"))]
    assert sorted(offenders) == sorted(str(Path(settings.BASE_DIR) / f"marketplace/payments/providers/stripe/{n}")
                                       for n in ("client.py", "provider.py", "webhooks.py"))


def test_card_order_becomes_paid_only_from_a_signed_webhook(client, stripe_stub):
    from tests.payments.conftest import event, post_event, session_object, sign

    checkout_by_card(client, ProductFactory(price=120_000))
    payment = Payment.objects.get()
    client.get(f"/payments/{payment.reference}/return/")  # the buyer comes back: nothing happens
    assert Order.objects.get().status == Order.Status.PENDING_PAYMENT

    body = event("evt_1", "checkout.session.completed", session_object(payment))
    assert post_event(client, body, sign(body, secret="whsec_forged")).status_code == 400
    assert Order.objects.get().status == Order.Status.PENDING_PAYMENT

    assert post_event(client, body).status_code == 200
    order = Order.objects.get()
    assert order.status == Order.Status.PAID and order.expires_at is None
    page = client.get(f"/payments/{payment.reference}/return/").content.decode()
    assert "Đã nhận thanh toán" in page
