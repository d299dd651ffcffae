"""Order state changes. Each runs in one transaction with the order row locked, checks
the transition is allowed, writes an OrderEvent (who, when, note) and notifies on commit.

The seller's and buyer's steps that touch only the order are here. Changes that touch the
order's payment too (paid, cancelled, expired, refunded) are in `payment_events`, which
takes the payment lock first and then uses the public `lock_order` and `order_transition`.
"""

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
# Where each action leads (None: the status stays; the seller's "confirm" is an event).
STATUS_AFTER = {
    A.ACCEPTED: None,
    A.SHIPPED: S.SHIPPED,
    A.DELIVERED: S.DELIVERED,
    A.COMPLETED: S.COMPLETED,
    A.CANCELLED: S.CANCELLED,
    A.EXPIRED: S.CANCELLED,
    A.PAID: S.PAID,
    A.REFUNDED: S.REFUNDED,
}


def lock_order(order_id: int) -> Order:
    """The order row, locked until the transaction ends (with its store, for the e-mails).
    A change that also writes the payment locks the payment before calling this."""
    return Order.objects.select_for_update().select_related("store").get(pk=order_id)


def _check(order: Order, action: str) -> None:
    if order.status not in ALLOWED_FROM[action]:
        raise InvalidTransition(_("Order %(number)s is %(status)s: this action is not possible now.")
                                % {"number": order.number, "status": order.get_status_display().lower()})


def record_event(*, order: Order, action: str, actor=None, note: str = "") -> OrderEvent:
    return OrderEvent.objects.create(order=order, action=action, status=order.status,
                                     actor=actor if actor is not None and actor.is_authenticated else None,
                                     note=note[:300])


def _release_stock(order: Order) -> None:
    """Put the order's reserved quantities back, once: `stock_released_at` is the guard,
    saved with the transition (RELIABILITY 2)."""
    if order.stock_released_at is not None:
        return
    lines = sorted(order.lines.exclude(product=None), key=lambda line: line.product_id)
    # Rows locked in pk order, like reservation (no deadlock with a checkout); the stock read
    # under the lock says which products come back in stock (their cards change).
    stock = dict(Product.objects.select_for_update().filter(pk__in=[line.product_id for line in lines])
                 .order_by("pk").values_list("pk", "stock"))
    for line in lines:
        Product.objects.filter(pk=line.product_id).update(stock=models.F("stock") + line.quantity)
    announce_products_changed((line.product_id for line in lines),  # update() sends no post_save
                              listed=[line.product_id for line in lines if stock.get(line.product_id, 1) <= 0],
                              shown=[line.product_id for line in lines if Product.stock_change_shown(
                                  stock.get(line.product_id, 0), stock.get(line.product_id, 0) + line.quantity)])
    order.stock_released_at = timezone.now()


def order_transition(order: Order, *, action: str, actor, note: str = "", release_stock: bool = False,
                     **fields) -> Order:
    """The one way an order changes state. The caller holds the order lock (`lock_order`,
    after the payment lock when the payment changes too). Checks `action` is allowed, puts
    the reserved stock back when `release_stock` (once, product rows in pk order), sets
    `fields`, saves the row once, writes the event and notifies on commit."""
    _check(order, action)
    if release_stock:
        _release_stock(order)
    if STATUS_AFTER[action] is not None:
        order.status = STATUS_AFTER[action]
    for name, value in fields.items():
        setattr(order, name, value)
    order.full_clean()
    order.save()
    record_event(order=order, action=action, actor=actor, note=note)
    order_notify(order=order, step=action)
    return order


@transaction.atomic
def order_accept(*, order: Order, actor) -> Order:
    order = lock_order(order.pk)
    _check(order, A.ACCEPTED)
    if order.accepted_at is not None:
        raise InvalidTransition(_("Order %(number)s is already confirmed.") % {"number": order.number})
    return order_transition(order, action=A.ACCEPTED, actor=actor, accepted_at=timezone.now())


@transaction.atomic
def order_ship(*, order: Order, actor, carrier: str, tracking_code: str) -> Order:
    order = lock_order(order.pk)
    _check(order, A.SHIPPED)
    if order.accepted_at is None:
        raise InvalidTransition(_("Confirm order %(number)s before shipping it.") % {"number": order.number})
    note = f"{carrier} {tracking_code}".strip()
    return order_transition(order, action=A.SHIPPED, actor=actor, note=note, carrier=carrier.strip(),
                            tracking_code=tracking_code.strip(), shipped_at=timezone.now())


@transaction.atomic
def order_deliver(*, order: Order, actor) -> Order:
    from marketplace.orders.services.ledger import ledger_credit_order

    order = lock_order(order.pk)
    order = order_transition(order, action=A.DELIVERED, actor=actor, delivered_at=timezone.now())
    ledger_credit_order(order=order)
    return order


@transaction.atomic
def order_complete(*, order: Order, actor) -> Order:
    return order_transition(lock_order(order.pk), action=A.COMPLETED, actor=actor)
