"""The payments entry point: `start_payment`, `confirm`, `refund` (+ `fail`, `cancel`).

Callers never name a provider: they pass a Payment whose `method` picks one from
`providers.registry()`, and what a provider can do is read from its `PaymentProvider`
attributes and methods. The gateway writes Payment and Refund rows; what the orders do
meanwhile is in `marketplace.orders.services.payment_events` (one module, one lock order:
payment, orders, products). That module imports this one, so it is imported here where it
is used.
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.outbox import enqueue_on_commit
from marketplace.payments import providers
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.models import Payment, PaymentAttempt, Refund
from marketplace.payments.providers import PaymentProvider


def get_provider(method: str) -> PaymentProvider:
    try:
        return providers.registry()[method]
    except KeyError as exc:
        raise PaymentError(_("This payment method is not available.")) from exc


def stores_refused(provider: PaymentProvider, stores) -> list:
    """The stores this provider cannot pay (VietQR: stores without a bank account)."""
    return [store for store in stores if not provider.accepts_store(store)]


def available_methods(stores=None) -> list[PaymentProvider]:
    """Methods on offer for a cart's `stores`: only those every store accepts. Without a
    cart, methods that depend on the store (VietQR) are not offered."""
    return [p for p in providers.registry().values() if p.is_available()
            and (not stores_refused(p, stores) if stores else not p.depends_on_store)]


def pays_store_directly(method: str) -> bool:
    """True when the money goes straight to the seller (VietQR): the ledger owes nothing."""
    return get_provider(method).pays_store_directly


def refund_supported(method: str) -> bool:
    """Whether `refund` takes this method: through the provider (card) or recording the
    store's own transfer back (VietQR). Cash is handed back by the seller, off the site."""
    provider = get_provider(method)
    return provider.redirects or provider.pays_store_directly


def payment_deadline(*, method: str):
    """When unpaid orders of this method expire (None: they never wait for a payment)."""
    provider = get_provider(method)
    if provider.initial_order_status != "pending_payment":
        return None
    return timezone.now() + datetime.timedelta(minutes=provider.payment_timeout_minutes)


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


def mark_paid(*, payment: Payment) -> None:
    """All the money arrived (the caller holds the payment lock and has decided so)."""
    payment.status = Payment.Status.PAID
    payment.paid_at = timezone.now()
    payment.save(update_fields=["status", "paid_at"])


def confirm(*, payment: Payment) -> None:
    """The provider says the money arrived (caller holds the payment row lock).
    Idempotent: a second confirmation changes nothing. A payment for orders that were
    already cancelled (paid after the time ran out) is refunded in full."""
    from marketplace.orders.services import payment_events

    if payment.status in (Payment.Status.PAID, Payment.Status.REFUNDED):
        return
    was_cancelled = payment.status in (Payment.Status.CANCELLED, Payment.Status.FAILED)
    mark_paid(payment=payment)
    if was_cancelled:
        refund = Refund.objects.create(payment=payment, amount=payment.amount, idempotency_key=f"late-{payment.pk}",
                                       reason="Paid after the order was cancelled")
        from marketplace.payments.tasks import execute_refund

        enqueue_on_commit(execute_refund, refund.pk)
        return
    payment_events.orders_payment_succeeded(payment=payment)


def fail(*, payment: Payment) -> None:
    """The provider says the payment failed (caller holds the payment row lock)."""
    from marketplace.orders.services import payment_events

    if payment.status not in (Payment.Status.PENDING, Payment.Status.PROCESSING):
        return
    payment.status = Payment.Status.FAILED
    payment.save(update_fields=["status"])
    payment_events.orders_payment_failed(payment=payment)


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


def close_at_provider(*, payment_id: int) -> None:
    """After `cancel`: close what the buyer could still pay at the provider. Safe to rerun
    (the provider is called with the same keys); a payment no longer cancelled is left."""
    payment = Payment.objects.filter(pk=payment_id, status=Payment.Status.CANCELLED).first()
    if payment is not None:
        get_provider(payment.method).cancel(payment=payment)


def _add_refunded(payment: Payment, amount: int) -> None:
    payment.amount_refunded = min(payment.amount, payment.amount_refunded + amount)
    if payment.amount_refunded >= payment.amount:
        payment.status = Payment.Status.REFUNDED
    payment.save(update_fields=["amount_refunded", "status"])


def refund(*, order, actor, reason: str = "") -> Refund:
    """Refund one order (seller or staff). Card: writes the Refund with its idempotency key
    and commits before calling the provider; calling again after a failure reuses the
    pending refund and its key. Bank transfer: records the store's own transfer back."""
    from marketplace.orders.services import payment_events

    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=order.payment_id)
        provider = get_provider(payment.method)
        if provider.pays_store_directly:
            return _refund_by_store(payment=payment, order=order, actor=actor, reason=reason)
        if not provider.redirects:
            raise PaymentError(_("Cash on delivery orders are refunded in cash by the seller."))
        payment_events.order_check_refundable(order=order)
        existing = Refund.objects.filter(order=order).exclude(status=Refund.Status.FAILED).first()
        refund_row = existing or Refund.objects.create(
            payment=payment, order=order, amount=order.total, reason=reason[:300], created_by=actor,
            idempotency_key=f"refund-{uuid.uuid4()}")
    if refund_row.status == Refund.Status.PENDING:
        send_refund(refund_id=refund_row.pk, actor=actor)
        refund_row.refresh_from_db()
    return refund_row


def _refund_by_store(*, payment: Payment, order, actor, reason: str) -> Refund:
    """VietQR: the store holds the money and pays the buyer back by bank transfer itself;
    the platform records it (order refunded, unshipped stock back). Caller holds the
    payment lock; a second call is refused by `order_check_refundable`."""
    from marketplace.orders.services import payment_events

    payment_events.order_check_refundable(order=order)
    refund_row = Refund.objects.create(payment=payment, order=order, amount=order.total, reason=reason[:300],
                                       created_by=actor, idempotency_key=f"store-refund-{order.pk}",
                                       status=Refund.Status.SUCCEEDED)
    _add_refunded(payment, order.total)
    payment_events.order_mark_refunded(order_id=order.pk, actor=actor, note=reason)
    return refund_row


def send_refund(*, refund_id: int, actor=None) -> bool:
    """Call the provider for a pending refund and record its success; the task
    `tasks.execute_refund` runs this after commit and on retries. Must run outside a
    transaction: the Refund row and its idempotency key were committed before, so every
    try sends the same key and the provider refunds once. Returns False if there was
    nothing left to do (already succeeded)."""
    from marketplace.orders.services import payment_events

    refund_row = Refund.objects.select_related("payment").get(pk=refund_id)
    if refund_row.status != Refund.Status.PENDING:
        return False
    provider_reference = get_provider(refund_row.payment.method).refund(refund=refund_row)
    with transaction.atomic():
        # Payment first, then the refund and the order: the lock order of payment_events.
        payment = Payment.objects.select_for_update().get(pk=refund_row.payment_id)
        refund_row = Refund.objects.select_for_update().get(pk=refund_id)
        if refund_row.status != Refund.Status.PENDING:
            return False
        refund_row.status = Refund.Status.SUCCEEDED
        refund_row.provider_reference = provider_reference
        refund_row.save(update_fields=["status", "provider_reference"])
        _add_refunded(payment, refund_row.amount)
        if refund_row.order_id:
            payment_events.order_mark_refunded(order_id=refund_row.order_id, actor=actor, note=refund_row.reason)
    return True


def record_refunded_amount(*, payment: Payment, amount_refunded: int, fully_refunded: bool) -> None:
    """From the provider (e.g. a refund made in Stripe's dashboard; caller holds the payment
    lock). Idempotent."""
    from marketplace.orders.services import payment_events

    payment.amount_refunded = max(payment.amount_refunded, min(amount_refunded, payment.amount))
    if fully_refunded:
        payment.status = Payment.Status.REFUNDED
    payment.save(update_fields=["amount_refunded", "status"])
    if fully_refunded:
        for order_id in payment.orders.order_by("pk").values_list("pk", flat=True):
            payment_events.order_mark_refunded(order_id=order_id, actor=None, note="")
