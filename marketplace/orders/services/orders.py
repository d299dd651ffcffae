"""Order state changes. Each runs in one transaction with the order row locked, checks
the transition is allowed, writes an OrderEvent (who, when, note) and notifies on commit."""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import Product
from marketplace.orders.exceptions import InvalidTransition
from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.services.notifications import order_notify
from marketplace.signals import announce_products_changed

S = Order.Status
A = OrderEvent.Action

# Where each action may start from.
ALLOWED_FROM = {
    A.ACCEPTED: {S.CONFIRMED, S.PAID},
    A.SHIPPED: {S.CONFIRMED, S.PAID},
    A.DELIVERED: {S.SHIPPED},
    A.COMPLETED: {S.DELIVERED},
    A.CANCELLED: {S.PENDING_PAYMENT, S.CONFIRMED},
    A.EXPIRED: {S.PENDING_PAYMENT},
    A.PAID: {S.PENDING_PAYMENT},
    A.REFUNDED: {S.PAID, S.SHIPPED, S.DELIVERED, S.COMPLETED},
}


def _lock_payment_of(order_id: int):
    """Lock the order's payment row only (no join in the FOR UPDATE, so the order row is
    not locked in the same statement): payment first, then orders, like the webhooks."""
    from marketplace.payments.models import Payment

    payment_id = Order.objects.filter(pk=order_id).values_list("payment_id", flat=True).get()
    return Payment.objects.select_for_update().get(pk=payment_id)


def _locked(order_id: int) -> Order:
    return Order.objects.select_for_update().select_related("store").get(pk=order_id)


def _check(order: Order, action: str) -> None:
    if order.status not in ALLOWED_FROM[action]:
        raise InvalidTransition(_("Order %(number)s is %(status)s: this action is not possible now.")
                                % {"number": order.number, "status": order.get_status_display().lower()})


def record_event(*, order: Order, action: str, actor=None, note: str = "") -> OrderEvent:
    return OrderEvent.objects.create(order=order, action=action, status=order.status,
                                     actor=actor if actor is not None and actor.is_authenticated else None,
                                     note=note[:300])


def release_stock(*, order: Order) -> bool:
    """Put the order's reserved quantities back, once (caller holds the order lock)."""
    if order.stock_released_at is not None:
        return False
    lines = sorted(order.lines.exclude(product=None), key=lambda line: line.product_id)
    for line in lines:  # pk order, like reservation: no deadlock with a checkout
        Product.objects.filter(pk=line.product_id).update(stock=models.F("stock") + line.quantity)
    announce_products_changed(line.product_id for line in lines)  # update() sends no post_save
    order.stock_released_at = timezone.now()
    order.save(update_fields=["stock_released_at", "updated_at"])
    return True


def _apply(order: Order, *, action: str, status: str | None, actor, note: str, **fields) -> Order:
    if status is not None:
        order.status = status
    for name, value in fields.items():
        setattr(order, name, value)
    order.full_clean()
    order.save()
    record_event(order=order, action=action, actor=actor, note=note)
    order_notify(order=order, step=action)
    return order


@transaction.atomic
def order_accept(*, order: Order, actor) -> Order:
    order = _locked(order.pk)
    _check(order, A.ACCEPTED)
    if order.accepted_at is not None:
        raise InvalidTransition(_("Order %(number)s is already confirmed.") % {"number": order.number})
    return _apply(order, action=A.ACCEPTED, status=None, actor=actor, note="", accepted_at=timezone.now())


@transaction.atomic
def order_ship(*, order: Order, actor, carrier: str, tracking_code: str) -> Order:
    order = _locked(order.pk)
    _check(order, A.SHIPPED)
    if order.accepted_at is None:
        raise InvalidTransition(_("Confirm order %(number)s before shipping it.") % {"number": order.number})
    note = f"{carrier} {tracking_code}".strip()
    return _apply(order, action=A.SHIPPED, status=S.SHIPPED, actor=actor, note=note, carrier=carrier.strip(),
                  tracking_code=tracking_code.strip(), shipped_at=timezone.now())


@transaction.atomic
def order_deliver(*, order: Order, actor) -> Order:
    from marketplace.orders.services.ledger import ledger_credit_order

    order = _locked(order.pk)
    _check(order, A.DELIVERED)
    order = _apply(order, action=A.DELIVERED, status=S.DELIVERED, actor=actor, note="", delivered_at=timezone.now())
    ledger_credit_order(order=order)
    return order


@transaction.atomic
def order_complete(*, order: Order, actor) -> Order:
    order = _locked(order.pk)
    _check(order, A.COMPLETED)
    return _apply(order, action=A.COMPLETED, status=S.COMPLETED, actor=actor, note="")


@transaction.atomic
def order_cancel(*, order: Order, actor, reason: str, action: str = A.CANCELLED) -> Order:
    """Cancel an unpaid or cash-on-delivery order and release its stock exactly once.
    Cancelling an already cancelled order is a no-op (RELIABILITY 2). Paid card orders
    are refunded instead (gateway.refund)."""
    from marketplace.payments import gateway

    # Lock the payment before the order, as the webhook handlers do: no lock cycle
    # between an expiry and a payment arriving for the same checkout.
    payment = _lock_payment_of(order.pk)
    order = _locked(order.pk)
    if order.status == S.CANCELLED:
        return order
    _check(order, action)
    release_stock(order=order)
    order = _apply(order, action=action, status=S.CANCELLED, actor=actor, note=reason, cancel_reason=reason[:300])
    if not payment.orders.exclude(status=S.CANCELLED).exists():
        gateway.cancel(payment=payment)
    return order


def orders_expire_unpaid(*, now=None) -> int:
    """Cancel card orders still unpaid after the timeout; rerunning finds nothing new."""
    from marketplace.payments.models import Payment

    now = now or timezone.now()
    expired = 0
    ids = list(Order.objects.expired_unpaid(now).exclude(payment__status=Payment.Status.PROCESSING)
               .values_list("pk", flat=True))
    for order_id in ids:
        with transaction.atomic():
            payment = _lock_payment_of(order_id)
            order = Order.objects.get(pk=order_id)
            if order.status != S.PENDING_PAYMENT or payment.status == Payment.Status.PROCESSING:
                continue  # paid or being paid meanwhile
            order_cancel(order=order, actor=None, reason=_("Not paid in time."), action=A.EXPIRED)
            expired += 1
    return expired
