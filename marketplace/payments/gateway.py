"""The payments entry point: `start_payment`, `confirm`, `refund` (+ `fail`, `cancel`).

Callers never name a provider: they pass a Payment whose `method` picks one from
`providers.PROVIDERS`. Order state changes are delegated to
`marketplace.orders.services.payments` so the rules about orders stay in one app.
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.outbox import enqueue_on_commit
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.models import Payment, PaymentAttempt, Refund
from marketplace.payments.providers import PROVIDERS, Provider


def get_provider(method: str) -> Provider:
    try:
        return PROVIDERS[method]
    except KeyError as exc:
        raise PaymentError(_("This payment method is not available.")) from exc


def stores_refused(provider: Provider, stores) -> list:
    """The stores this provider cannot pay (VietQR: stores without a bank account).
    `accepts_store` is optional: providers that pay the platform accept every store."""
    accepts = getattr(provider, "accepts_store", None)
    return [store for store in stores if accepts is not None and not accepts(store)]


def available_methods(stores=None) -> list[Provider]:
    """Methods on offer for a cart's `stores`: only those every store accepts. Without a
    cart, methods that depend on the store (VietQR) are not offered."""
    return [p for p in PROVIDERS.values() if p.is_available()
            and (not stores_refused(p, stores) if stores else not hasattr(p, "accepts_store"))]


def pays_store_directly(method: str) -> bool:
    """True when the money goes straight to the seller (VietQR): the ledger owes nothing."""
    return bool(getattr(get_provider(method), "pays_store_directly", False))


def payment_deadline(*, method: str):
    """When unpaid orders of this method expire (None: they never wait for a payment)."""
    provider = get_provider(method)
    if provider.initial_order_status != "pending_payment":
        return None
    minutes = getattr(provider, "payment_timeout_minutes", settings.ORDERS_PAYMENT_TIMEOUT_MINUTES)
    return timezone.now() + datetime.timedelta(minutes=minutes)


def payment_create(*, method: str, amount: int, email: str, stores=(), submission_key: str | None = None) -> Payment:
    """Called inside the checkout transaction, before the orders are written."""
    provider = get_provider(method)
    if not provider.is_available() or stores_refused(provider, stores):
        raise PaymentError(_("This payment method is not available."))
    # Card and bank transfer wait for the money; cash on delivery has nothing to wait for.
    status = (Payment.Status.PENDING if provider.initial_order_status == "pending_payment"
              else Payment.Status.CASH_ON_DELIVERY)
    payment = Payment(method=method, amount=amount, email=email, status=status, submission_key=submission_key)
    payment.full_clean(validate_unique=False)  # the key's uniqueness is the database's to enforce (races)
    payment.save()
    return payment


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def start_payment(*, payment: Payment) -> str | None:
    """Send the buyer to pay. Returns the provider's URL, or None when nothing is to be
    paid online (cash on delivery). Must run outside a transaction: the attempt and its
    idempotency key are committed before the provider is called, so a retry after a
    timeout reuses the key and the provider returns the same session."""
    provider = get_provider(payment.method)
    if not provider.redirects:
        return None
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status != Payment.Status.PENDING:
            raise PaymentError(_("This payment is no longer waiting to be paid."))
        attempt = payment.attempts.order_by("-created_at", "-pk").first()
        if attempt is None:
            attempt = PaymentAttempt.objects.create(payment=payment, idempotency_key=f"pay-{uuid.uuid4()}")
    if attempt.redirect_url:
        return attempt.redirect_url
    ref = str(payment.reference)
    result = provider.start(
        payment=payment, attempt=attempt,
        success_url=_absolute(reverse("payments:return", args=[ref])),
        cancel_url=_absolute(reverse("payments:cancelled", args=[ref])))
    attempt.provider_reference = result.provider_reference
    attempt.redirect_url = result.redirect_url
    attempt.save(update_fields=["provider_reference", "redirect_url"])
    return result.redirect_url


def record_provider_payment_id(*, payment: Payment, provider_payment_id: str) -> None:
    if provider_payment_id and payment.provider_payment_id != provider_payment_id:
        payment.provider_payment_id = provider_payment_id
        payment.save(update_fields=["provider_payment_id"])


def mark_processing(*, payment: Payment) -> None:
    if payment.status == Payment.Status.PENDING:
        payment.status = Payment.Status.PROCESSING
        payment.save(update_fields=["status"])


def confirm(*, payment: Payment) -> None:
    """The provider says the money arrived (caller holds the payment row lock).
    Idempotent: a second confirmation changes nothing. A payment for orders that were
    already cancelled (paid after the time ran out) is refunded in full."""
    from marketplace.orders.services.payments import orders_payment_succeeded

    if payment.status in (Payment.Status.PAID, Payment.Status.REFUNDED):
        return
    was_cancelled = payment.status in (Payment.Status.CANCELLED, Payment.Status.FAILED)
    payment.status = Payment.Status.PAID
    payment.paid_at = timezone.now()
    payment.save(update_fields=["status", "paid_at"])
    if was_cancelled:
        refund = Refund.objects.create(payment=payment, amount=payment.amount, idempotency_key=f"late-{payment.pk}",
                                       reason="Paid after the order was cancelled")
        from marketplace.payments.tasks import execute_refund

        enqueue_on_commit(execute_refund, refund.pk)
        return
    orders_payment_succeeded(payment=payment)


def fail(*, payment: Payment) -> None:
    from marketplace.orders.services.payments import orders_payment_failed

    if payment.status not in (Payment.Status.PENDING, Payment.Status.PROCESSING):
        return
    payment.status = Payment.Status.FAILED
    payment.save(update_fields=["status"])
    orders_payment_failed(payment=payment)


def cancel(*, payment: Payment) -> None:
    """All orders of an unpaid payment were cancelled: close it and, after commit, tell
    the provider (a Stripe session is expired so it cannot be paid any more)."""
    if payment.status not in (Payment.Status.PENDING, Payment.Status.PROCESSING):
        return
    payment.status = Payment.Status.CANCELLED
    payment.save(update_fields=["status"])
    if get_provider(payment.method).redirects and payment.attempts.exclude(provider_reference="").exists():
        from marketplace.payments.tasks import expire_provider_session

        enqueue_on_commit(expire_provider_session, payment.pk)


def refund(*, order, actor, reason: str = "") -> Refund:
    """Refund one order of a card payment (seller or staff). Writes the Refund with its
    idempotency key and commits before calling the provider; calling again after a failure
    reuses the pending refund and its key."""
    from marketplace.orders.services.payments import order_check_refundable

    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=order.payment_id)
        if pays_store_directly(payment.method):
            return _refund_by_store(payment=payment, order=order, actor=actor, reason=reason)
        if not get_provider(payment.method).redirects:
            raise PaymentError(_("Cash on delivery orders are refunded in cash by the seller."))
        order_check_refundable(order=order)
        existing = Refund.objects.filter(order=order).exclude(status=Refund.Status.FAILED).first()
        refund_row = existing or Refund.objects.create(
            payment=payment, order=order, amount=order.total, reason=reason[:300], created_by=actor,
            idempotency_key=f"refund-{uuid.uuid4()}")
    if refund_row.status == Refund.Status.PENDING:
        execute_refund(refund_id=refund_row.pk, actor=actor)
        refund_row.refresh_from_db()
    return refund_row


def _refund_by_store(*, payment: Payment, order, actor, reason: str) -> Refund:
    """VietQR: the store holds the money and pays the buyer back by bank transfer itself;
    the platform records it (order refunded, unshipped stock back). Caller holds the
    payment lock; a second call is refused by `order_check_refundable`."""
    from marketplace.orders.services.payments import order_check_refundable, order_mark_refunded

    order_check_refundable(order=order)
    refund_row = Refund.objects.create(payment=payment, order=order, amount=order.total, reason=reason[:300],
                                       created_by=actor, idempotency_key=f"store-refund-{order.pk}",
                                       status=Refund.Status.SUCCEEDED)
    payment.amount_refunded = min(payment.amount, payment.amount_refunded + order.total)
    if payment.amount_refunded >= payment.amount:
        payment.status = Payment.Status.REFUNDED
    payment.save(update_fields=["amount_refunded", "status"])
    order_mark_refunded(order_id=order.pk, actor=actor, note=reason)
    return refund_row


def execute_refund(*, refund_id: int, actor=None) -> bool:
    """Call the provider for a pending refund (same key on every try) and record success.
    Returns False if there was nothing left to do (already succeeded)."""
    from marketplace.orders.services.payments import order_mark_refunded

    refund_row = Refund.objects.select_related("payment").get(pk=refund_id)
    if refund_row.status != Refund.Status.PENDING:
        return False
    provider_reference = get_provider(refund_row.payment.method).refund(refund=refund_row)
    with transaction.atomic():
        refund_row = Refund.objects.select_for_update().get(pk=refund_id)
        if refund_row.status != Refund.Status.PENDING:
            return False
        payment = Payment.objects.select_for_update().get(pk=refund_row.payment_id)
        refund_row.status = Refund.Status.SUCCEEDED
        refund_row.provider_reference = provider_reference
        refund_row.save(update_fields=["status", "provider_reference"])
        payment.amount_refunded = min(payment.amount, payment.amount_refunded + refund_row.amount)
        if payment.amount_refunded >= payment.amount:
            payment.status = Payment.Status.REFUNDED
        payment.save(update_fields=["amount_refunded", "status"])
        if refund_row.order_id:
            order_mark_refunded(order_id=refund_row.order_id, actor=actor, note=refund_row.reason)
    return True


def record_refunded_amount(*, payment: Payment, amount_refunded: int, fully_refunded: bool) -> None:
    """From the provider (e.g. a refund made in Stripe's dashboard). Idempotent."""
    from marketplace.orders.services.payments import order_mark_refunded

    payment.amount_refunded = max(payment.amount_refunded, min(amount_refunded, payment.amount))
    if fully_refunded:
        payment.status = Payment.Status.REFUNDED
    payment.save(update_fields=["amount_refunded", "status"])
    if fully_refunded:
        for order_id in payment.orders.values_list("pk", flat=True):
            order_mark_refunded(order_id=order_id, actor=None, note="")
