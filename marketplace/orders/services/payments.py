"""What the payments gateway asks of orders. The caller holds the Payment row lock."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.orders.exceptions import InvalidTransition
from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.services.orders import ALLOWED_FROM, _apply, _check, _locked, order_cancel, release_stock

S = Order.Status
A = OrderEvent.Action


def orders_payment_succeeded(*, payment) -> None:
    """Mark the payment's unpaid orders paid (once: already-paid orders are skipped)."""
    for order_id in payment.orders.order_by("pk").values_list("pk", flat=True):
        order = _locked(order_id)
        if order.status == S.PENDING_PAYMENT:
            _apply(order, action=A.PAID, status=S.PAID, actor=None, note="", paid_at=timezone.now(), expires_at=None)


def order_transfer_received(*, order_id: int, actor) -> Order:
    """One store confirmed its bank transfer arrived (caller holds the payment lock)."""
    order = _locked(order_id)
    _check(order, A.PAID)
    return _apply(order, action=A.PAID, status=S.PAID, actor=actor, note=_("Bank transfer received"),
                  paid_at=timezone.now(), expires_at=None)


def orders_payment_failed(*, payment) -> None:
    for order_id in payment.orders.order_by("pk").values_list("pk", flat=True):
        order = _locked(order_id)
        if order.status == S.PENDING_PAYMENT:
            order_cancel(order=order, actor=None, reason=_("The payment failed."))


def order_check_refundable(*, order: Order) -> None:
    order = Order.objects.get(pk=order.pk)
    if order.status not in ALLOWED_FROM[A.REFUNDED]:
        raise InvalidTransition(_("Order %(number)s cannot be refunded now.") % {"number": order.number})


@transaction.atomic
def order_mark_refunded(*, order_id: int, actor, note: str) -> Order:
    """Idempotent. Unshipped goods go back into stock; money already credited to the
    store is reversed in the ledger."""
    from marketplace.orders.services.ledger import ledger_reverse_order

    order = _locked(order_id)
    if order.status not in ALLOWED_FROM[A.REFUNDED]:
        return order
    if order.status == S.PAID:
        release_stock(order=order)
    order = _apply(order, action=A.REFUNDED, status=S.REFUNDED, actor=actor, note=note)
    ledger_reverse_order(order=order)
    return order
