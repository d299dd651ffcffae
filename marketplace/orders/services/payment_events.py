"""Where a payment and its orders change together:

- the payment is confirmed: its unpaid orders become paid;
- one store confirms its VietQR transfer: that order is paid, the payment once none waits;
- the payment fails, or its time runs out: the unpaid orders are cancelled, stock back;
- an order is cancelled (buyer, seller): stock back, the payment closed once none is open;
- an order's money goes back: the order is refunded, unshipped stock back, the store's
  ledger credit reversed.

Why here, in orders, and not in payments: what is applied are the orders' rules (which
states may be paid, cancelled or refunded, stock, ledger), and payments stays the one
package that knows the providers. The gateway writes the Payment row and calls in here;
this module writes orders through the public `lock_order` / `order_transition` of
`orders.py` and hands payment writes back to the gateway (`mark_paid`, `cancel`). The
gateway imports this module where it uses it, because this one imports the gateway.

Locks, always in this order: the payment row, then its order rows by primary key, then
product rows by primary key (stock). Checkouts, expiries, webhooks, refunds and the
stores' transfer confirmations therefore never wait on each other in a cycle. Each row is
written once per call.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.orders.exceptions import InvalidTransition
from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.services.ledger import ledger_reverse_order
from marketplace.orders.services.orders import ALLOWED_FROM, lock_order, order_transition
from marketplace.payments import gateway
from marketplace.payments.models import Payment

S = Order.Status
A = OrderEvent.Action


def lock_payment_of(order_id: int) -> Payment:
    """Lock the order's payment row only (no join in the FOR UPDATE, so the order row is
    not locked in the same statement): payment first, then orders, like the webhooks."""
    payment_id = Order.objects.filter(pk=order_id).values_list("payment_id", flat=True).get()
    return Payment.objects.select_for_update().get(pk=payment_id)


def _order_ids(payment) -> list[int]:
    return list(payment.orders.order_by("pk").values_list("pk", flat=True))


def orders_payment_succeeded(*, payment) -> None:
    """The money arrived (the gateway marked the payment paid and holds its lock): the
    unpaid orders become paid, once (paid orders are skipped). The store's ledger credit
    comes at delivery (`order_deliver`), not now."""
    for order_id in _order_ids(payment):
        order = lock_order(order_id)
        if order.status == S.PENDING_PAYMENT:
            order_transition(order, action=A.PAID, actor=None, paid_at=timezone.now(), expires_at=None)


def order_transfer_received(*, payment, order_id: int, actor) -> Order:
    """One store confirmed its bank transfer arrived (the caller, the VietQR provider, holds
    the payment lock and checked the method). Refused unless the order still waits."""
    order = order_transition(lock_order(order_id), action=A.PAID, actor=actor, note=_("Bank transfer received"),
                             paid_at=timezone.now(), expires_at=None)
    if payment.status == Payment.Status.PENDING and not payment.orders.filter(status=S.PENDING_PAYMENT).exists():
        gateway.mark_paid(payment=payment)  # every store has now seen its money
    return order


def orders_payment_failed(*, payment) -> None:
    """The payment failed (the gateway marked it and holds its lock): unpaid orders are
    cancelled and their stock goes back."""
    for order_id in _order_ids(payment):
        order = lock_order(order_id)
        if order.status == S.PENDING_PAYMENT:
            _cancel(payment, order, actor=None, reason=_("The payment failed."), action=A.CANCELLED)


def _cancel(payment, order: Order, *, actor, reason: str, action: str) -> Order:
    """Both locks held. Stock back once; with no open order left, the payment is closed
    (the gateway leaves a payment that is no longer waiting as it is)."""
    order = order_transition(order, action=action, actor=actor, note=reason, release_stock=True,
                             cancel_reason=reason[:300])
    if not payment.orders.exclude(status=S.CANCELLED).exists():
        gateway.cancel(payment=payment)
    return order


@transaction.atomic
def order_cancel(*, order: Order, actor, reason: str, action: str = A.CANCELLED) -> Order:
    """Cancel an unpaid or cash-on-delivery order and release its stock exactly once.
    Cancelling an already cancelled order is a no-op (RELIABILITY 2). Paid card orders
    are refunded instead (gateway.refund)."""
    # Lock the payment before the order, as the webhook handlers do: no lock cycle
    # between an expiry and a payment arriving for the same checkout.
    payment = lock_payment_of(order.pk)
    order = lock_order(order.pk)
    if order.status == S.CANCELLED:
        return order
    return _cancel(payment, order, actor=actor, reason=reason, action=action)


def orders_expire_unpaid(*, now=None) -> int:
    """Cancel orders still unpaid after their deadline (card, bank transfer); rerunning
    finds nothing new."""
    now = now or timezone.now()
    expired = 0
    ids = list(Order.objects.expired_unpaid(now).exclude(payment__status=Payment.Status.PROCESSING)
               .values_list("pk", flat=True))
    for order_id in ids:
        with transaction.atomic():
            payment = lock_payment_of(order_id)
            order = lock_order(order_id)
            if order.status != S.PENDING_PAYMENT or payment.status == Payment.Status.PROCESSING:
                continue  # paid or being paid meanwhile
            _cancel(payment, order, actor=None, reason=_("Not paid in time."), action=A.EXPIRED)
            expired += 1
    return expired


def order_check_refundable(*, order: Order) -> None:
    order = Order.objects.get(pk=order.pk)
    if order.status not in ALLOWED_FROM[A.REFUNDED]:
        raise InvalidTransition(_("Order %(number)s cannot be refunded now.") % {"number": order.number})


@transaction.atomic
def order_mark_refunded(*, order_id: int, actor, note: str) -> Order:
    """The order's money went back (the caller holds the payment lock). Idempotent.
    Unshipped goods go back into stock; money already credited to the store is reversed
    in the ledger."""
    order = lock_order(order_id)
    if order.status not in ALLOWED_FROM[A.REFUNDED]:
        return order
    order = order_transition(order, action=A.REFUNDED, actor=actor, note=note, release_stock=order.status == S.PAID)
    ledger_reverse_order(order=order)
    return order
