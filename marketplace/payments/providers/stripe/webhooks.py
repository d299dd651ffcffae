"""Stripe webhooks: verify the signature, record the event id once, dispatch on a dict of
handlers (one function per event type). Fulfilment happens only here, never on the
browser's return to the success page.

Three outcomes besides success, none of them a 500:
- `InvalidWebhook`: bad or stale signature (either side of `SIGNATURE_TOLERANCE_SECONDS`),
  or a signed body that is not a Stripe event we can read (the view answers 400);
- not ours (a type we do not handle, or a session/charge that is not one of our payments,
  e.g. a Payment Link on the same Stripe account): acknowledged, logged, nothing written,
  not even the event row (`process` returns `IGNORED`);
- a duplicate event id (`DUPLICATE`).
"""

import json
import logging
import time
import uuid

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from marketplace.payments import gateway
from marketplace.payments.models import Payment, WebhookEvent
from marketplace.payments.providers import STRIPE

logger = logging.getLogger(__name__)

SIGNATURE_TOLERANCE_SECONDS = 300
# Event ids and the strings handlers look up or store (ids, references) fit the columns.
ID_MAX_LENGTH = WebhookEvent._meta.get_field("event_id").max_length

PROCESSED, DUPLICATE, IGNORED = "processed", "duplicate", "ignored"


class InvalidWebhook(Exception):
    pass


class NotOurs(Exception):
    """The event is about something this site did not create: acknowledge it, change nothing."""


def _payment_for_session(session) -> Payment:
    reference = session.get("client_reference_id") or (session.get("metadata") or {}).get("payment_reference")
    try:
        reference = uuid.UUID(reference) if reference else None
    except ValueError:  # e.g. a Payment Link's own client_reference_id
        reference = None
    # Lock the payment: concurrent events for one payment (completed and
    # async_payment_succeeded arriving together) run one after the other.
    payment = Payment.objects.select_for_update().filter(reference=reference, method=STRIPE).first() \
        if reference else None
    if payment is None:
        raise NotOurs(f"session {session.get('id')} is not for one of our payments")
    return payment


def on_session_completed(session) -> None:
    payment = _payment_for_session(session)
    gateway.record_provider_payment_id(payment=payment, provider_payment_id=session.get("payment_intent") or "")
    if session.get("payment_status") == "paid":
        gateway.confirm(payment=payment)
    else:
        # Delayed methods: wait for async_payment_succeeded/_failed; do not expire meanwhile.
        gateway.mark_processing(payment=payment)


def on_async_payment_succeeded(session) -> None:
    payment = _payment_for_session(session)
    gateway.record_provider_payment_id(payment=payment, provider_payment_id=session.get("payment_intent") or "")
    gateway.confirm(payment=payment)


def on_async_payment_failed(session) -> None:
    gateway.fail(payment=_payment_for_session(session))


def on_charge_refunded(charge) -> None:
    intent = charge.get("payment_intent")
    payment = Payment.objects.select_for_update().filter(method=STRIPE, provider_payment_id=intent).first() \
        if intent else None
    if payment is None:
        raise NotOurs(f"refund of payment intent {intent}, not one of our payments")
    gateway.record_refunded_amount(payment=payment, amount_refunded=charge.get("amount_refunded") or 0,
                                   fully_refunded=bool(charge.get("refunded")))


HANDLERS = {
    "checkout.session.completed": on_session_completed,
    "checkout.session.async_payment_succeeded": on_async_payment_succeeded,
    "checkout.session.async_payment_failed": on_async_payment_failed,
    "charge.refunded": on_charge_refunded,
}


# The fields each handler reads and their JSON types (each may also be null or absent).
# A signed event whose fields have other types is refused, not guessed at. Strings are
# ids: at most ID_MAX_LENGTH characters and no NUL (PostgreSQL refuses it).
_SESSION_FIELDS = {"id": str, "client_reference_id": str, "metadata": dict, "payment_status": str,
                   "payment_intent": str}
OBJECT_FIELDS = {
    "checkout.session.completed": _SESSION_FIELDS,
    "checkout.session.async_payment_succeeded": _SESSION_FIELDS,
    "checkout.session.async_payment_failed": _SESSION_FIELDS,
    "charge.refunded": {"payment_intent": str, "amount_refunded": int, "refunded": bool},
}


def _is_id(value) -> bool:
    return isinstance(value, str) and 0 < len(value) <= ID_MAX_LENGTH and "\x00" not in value


def _has_type(value, kind) -> bool:
    if value is None or (value == "" and kind is str):
        return True
    if kind is int:  # JSON true is not a number
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return _is_id(value) if kind is str else isinstance(value, kind)


def _signed_at(signature: str) -> int:
    """The `t=` of a header `verify_header` accepted (read the way stripe-python reads it)."""
    return int([item.split("=", 2)[1] for item in signature.split(",") if item.split("=", 2)[0] == "t"][0])


def _check_shape(event) -> dict:
    if not isinstance(event, dict):
        raise InvalidWebhook("the body is not a JSON object")
    if event.get("object", "event") != "event":
        raise InvalidWebhook(f"not a snapshot event: object={event.get('object')!r}")
    event_id, event_type, data = event.get("id"), event.get("type"), event.get("data")
    if not _is_id(event_id):
        raise InvalidWebhook(f"event id missing, not a string or longer than {ID_MAX_LENGTH} characters")
    if not _is_id(event_type):
        raise InvalidWebhook(f"event {event_id} has no type")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        raise InvalidWebhook(f"event {event_id} has no data.object")
    obj = data["object"]
    for name, kind in OBJECT_FIELDS.get(event_type, {}).items():
        if not _has_type(obj.get(name), kind):
            raise InvalidWebhook(f"event {event_id}: data.object.{name} is not a {kind.__name__}")
    if not _has_type((obj.get("metadata") or {}).get("payment_reference"), str):
        raise InvalidWebhook(f"event {event_id}: data.object.metadata.payment_reference is not a str")
    return event


def verify(payload: bytes, signature: str) -> dict:
    """The verified event as a plain dict, its fields checked (handlers read it with .get()).
    Raises InvalidWebhook for a bad signature, a timestamp more than the tolerance away
    in either direction, or a body that is not a readable Stripe event."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise InvalidWebhook("STRIPE_WEBHOOK_SECRET is not set")
    try:
        # Checks the HMAC and that the timestamp is not too old; the future is ours to check.
        stripe.WebhookSignature.verify_header(payload, signature, secret, tolerance=SIGNATURE_TOLERANCE_SECONDS)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise InvalidWebhook(str(exc)) from exc
    if _signed_at(signature) > time.time() + SIGNATURE_TOLERANCE_SECONDS:
        raise InvalidWebhook("signature timestamp in the future")
    try:
        event = json.loads(payload)
    except ValueError as exc:
        raise InvalidWebhook("the body is not JSON") from exc
    return _check_shape(event)


def process(event: dict) -> str:
    """Handle one verified event at most once: PROCESSED, DUPLICATE or IGNORED (not ours).

    The event row and the handler's effects commit together: if the handler fails, both
    roll back and the exception propagates (the view answers 500, Stripe redelivers).
    A concurrent duplicate waits on the unique index and then sees IntegrityError.
    An event that is not ours rolls back its row too: nothing is written for it.
    """
    handler = HANDLERS.get(event["type"])
    if handler is None:
        logger.info("Stripe event %s ignored: type %s is not handled", event["id"], event["type"])
        return IGNORED
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    WebhookEvent.objects.create(provider=STRIPE, event_id=event["id"], type=event["type"])
            except IntegrityError:
                logger.info("Stripe event %s already processed", event["id"])
                return DUPLICATE
            handler(event["data"]["object"])
    except NotOurs as exc:
        logger.warning("Stripe event %s (%s) ignored: %s", event["id"], event["type"], exc)
        return IGNORED
    return PROCESSED
