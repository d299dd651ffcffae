"""Stripe webhooks: verify the signature, record the event id once, dispatch on a dict of
handlers (one function per event type). Fulfilment happens only here, never on the
browser's return to the success page."""

import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from marketplace.payments import gateway
from marketplace.payments.models import Payment, WebhookEvent

logger = logging.getLogger(__name__)

SIGNATURE_TOLERANCE_SECONDS = 300


class InvalidWebhook(Exception):
    pass


def _payment_for_session(session) -> Payment | None:
    reference = session.get("client_reference_id") or (session.get("metadata") or {}).get("payment_reference")
    if not reference:
        return None
    # Lock the payment: concurrent events for one payment (completed and
    # async_payment_succeeded arriving together) run one after the other.
    return Payment.objects.select_for_update().filter(reference=reference, method="stripe").first()


def on_session_completed(session) -> None:
    payment = _payment_for_session(session)
    if payment is None:
        logger.warning("Stripe session %s for an unknown payment", session.get("id"))
        return
    gateway.record_provider_payment_id(payment=payment, provider_payment_id=session.get("payment_intent") or "")
    if session.get("payment_status") == "paid":
        gateway.confirm(payment=payment)
    else:
        # Delayed methods: wait for async_payment_succeeded/_failed; do not expire meanwhile.
        gateway.mark_processing(payment=payment)


def on_async_payment_succeeded(session) -> None:
    payment = _payment_for_session(session)
    if payment is not None:
        gateway.record_provider_payment_id(payment=payment, provider_payment_id=session.get("payment_intent") or "")
        gateway.confirm(payment=payment)


def on_async_payment_failed(session) -> None:
    payment = _payment_for_session(session)
    if payment is not None:
        gateway.fail(payment=payment)


def on_charge_refunded(charge) -> None:
    intent = charge.get("payment_intent")
    payment = Payment.objects.select_for_update().filter(method="stripe", provider_payment_id=intent).first() \
        if intent else None
    if payment is None:
        logger.warning("Stripe refund for unknown payment intent %s", intent)
        return
    gateway.record_refunded_amount(payment=payment, amount_refunded=int(charge.get("amount_refunded") or 0),
                                   fully_refunded=bool(charge.get("refunded")))


HANDLERS = {
    "checkout.session.completed": on_session_completed,
    "checkout.session.async_payment_succeeded": on_async_payment_succeeded,
    "checkout.session.async_payment_failed": on_async_payment_failed,
    "charge.refunded": on_charge_refunded,
}


def verify(payload: bytes, signature: str) -> dict:
    """The verified event as a plain dict (handlers read it with .get())."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise InvalidWebhook("STRIPE_WEBHOOK_SECRET is not set")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret, tolerance=SIGNATURE_TOLERANCE_SECONDS)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise InvalidWebhook(str(exc)) from exc
    return event.to_dict()


def process(event: dict) -> bool:
    """Handle one verified event at most once. Returns False for a duplicate.

    The event row and the handler's effects commit together: if the handler fails, both
    roll back and the exception propagates (the view answers 500, Stripe redelivers).
    A concurrent duplicate waits on the unique index and then sees IntegrityError.
    """
    handler = HANDLERS.get(event["type"])
    with transaction.atomic():
        try:
            with transaction.atomic():
                WebhookEvent.objects.create(provider="stripe", event_id=event["id"], type=event["type"])
        except IntegrityError:
            logger.info("Stripe event %s already processed", event["id"])
            return False
        if handler is not None:
            handler(event["data"]["object"])
    return True
