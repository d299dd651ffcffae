"""Stripe Checkout Sessions in VND. VND is a zero-decimal currency for Stripe: amounts
are sent in whole đồng, exactly as stored (never ×100)."""

import time

import stripe
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.payments.exceptions import PaymentProviderError
from marketplace.payments.providers import STRIPE
from marketplace.payments.providers.base import PaymentProvider, StartResult
from marketplace.payments.providers.stripe import client as stripe_client

# Stripe refuses a Checkout Session that expires sooner than 30 minutes after creation.
MIN_SESSION_MINUTES = 30


def session_params(*, payment, success_url: str, cancel_url: str) -> dict:
    orders = list(payment.orders.select_related("store").order_by("pk"))
    minutes = max(settings.ORDERS_PAYMENT_TIMEOUT_MINUTES, MIN_SESSION_MINUTES)
    return {
        "mode": "payment",
        "client_reference_id": str(payment.reference),
        "customer_email": payment.email,
        "metadata": {"payment_reference": str(payment.reference)},
        "line_items": [
            {"quantity": 1,
             "price_data": {"currency": "vnd", "unit_amount": int(order.total),
                            "product_data": {"name": gettext("Order %(number)s — %(store)s")
                                             % {"number": order.number, "store": order.store.name}}}}
            for order in orders
        ],
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": int(time.time()) + minutes * 60 + 60,
    }


class StripeCheckout(PaymentProvider):
    code = STRIPE
    label = _("Card (Visa, Mastercard, JCB)")
    description = _("Pay now on Stripe's secure page; your order is confirmed as soon as the payment goes through.")
    initial_order_status = "pending_payment"
    redirects = True

    def is_available(self) -> bool:
        return bool(settings.STRIPE_SECRET_KEY)

    def start(self, *, payment, attempt, success_url, cancel_url) -> StartResult:
        params = session_params(payment=payment, success_url=success_url, cancel_url=cancel_url)
        try:
            session = stripe_client.get_client().v1.checkout.sessions.create(
                params=params, options={"idempotency_key": attempt.idempotency_key})
        except stripe.StripeError as exc:
            raise PaymentProviderError(str(exc)) from exc
        return StartResult(provider_reference=session["id"], redirect_url=session["url"])

    def refund(self, *, refund) -> str:
        try:
            result = stripe_client.get_client().v1.refunds.create(
                params={"payment_intent": refund.payment.provider_payment_id, "amount": int(refund.amount)},
                options={"idempotency_key": refund.idempotency_key})
        except stripe.StripeError as exc:
            raise PaymentProviderError(str(exc)) from exc
        return result["id"]

    def cancel(self, *, payment) -> None:
        """Expire the open Checkout Sessions so a buyer cannot pay an order we cancelled."""
        for attempt in payment.attempts.exclude(provider_reference=""):
            try:
                stripe_client.get_client().v1.checkout.sessions.expire(
                    attempt.provider_reference, options={"idempotency_key": f"{attempt.idempotency_key}-expire"})
            except stripe.InvalidRequestError:
                continue  # already completed or expired: nothing to close
            except stripe.StripeError as exc:
                raise PaymentProviderError(str(exc)) from exc
