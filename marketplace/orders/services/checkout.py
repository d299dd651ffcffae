"""Placing an order: one checkout → one order per store and one payment, stock reserved
under row locks in one transaction."""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from marketplace.models import Product, Store
from marketplace.orders.checkout import CheckoutContext, DeliveryDetails
from marketplace.orders.exceptions import EmptyCart, OutOfStock
from marketplace.orders.models import Order, OrderEvent, OrderLine
from marketplace.orders.services.notifications import order_notify
from marketplace.orders.services.orders import record_event
from marketplace.payments import gateway
from marketplace.payments.models import Payment
from marketplace.signals import announce_products_changed


def _reserve(context: CheckoutContext) -> dict[int, Product]:
    """Lock the products in primary-key order (two checkouts never wait on each other in
    a cycle), re-check availability under the lock, then decrement. A plain F() update
    without the re-check oversells the last unit (RELIABILITY 1)."""
    wanted = {line.product.pk: line.quantity for line in context.lines}
    locked = {p.pk: p for p in Product.objects.select_for_update().filter(pk__in=wanted).order_by("pk")}
    active_stores = set(Store.objects.filter(pk__in={p.store_id for p in locked.values()},
                                             status=Store.Status.ACTIVE).values_list("pk", flat=True))
    shortages = []
    for line in context.lines:
        product = locked.get(line.product.pk)
        if product is None or product.status != Product.Status.PUBLISHED or product.store_id not in active_stores:
            shortages.append((line.product.name, 0))
        elif product.stock < line.quantity:
            shortages.append((product.name, product.stock))
    if shortages:
        raise OutOfStock(shortages)
    for product_id in sorted(wanted):
        Product.objects.filter(pk=product_id).update(stock=models.F("stock") - wanted[product_id])
    # update() sends no post_save: search and the page cache; listings change only for the sold out.
    announce_products_changed(wanted, listed=[pk for pk, qty in wanted.items() if locked[pk].stock <= qty],
                              shown=[pk for pk, qty in wanted.items()
                                     if Product.stock_change_shown(locked[pk].stock, locked[pk].stock - qty)])
    return locked


def _order_number(order: Order) -> str:
    """Human number: "OC-2611-000123" (year, month, then the id)."""
    return f"OC-{timezone.localtime(order.created_at):%y%m}-{order.pk:06d}"


def checkout_place(*, context: CheckoutContext, details: DeliveryDetails, method: str, buyer,
                   submission_key: str | None = None) -> Payment:
    """Create the payment and one order per store; nothing is saved if any line is short.
    Prices are taken from the locked rows, not from what the cart page showed.

    `submission_key` (the checkout form's one-time key) makes placing idempotent: a form
    submitted again — also at the same moment, from two requests — gets the payment the
    first submission made, and nothing more is written (RELIABILITY 25)."""
    if submission_key:
        placed = Payment.objects.filter(submission_key=submission_key).first()
        if placed is not None:
            return placed
    try:
        return _place(context=context, details=details, method=method, buyer=buyer, submission_key=submission_key)
    except IntegrityError:
        placed = Payment.objects.filter(submission_key=submission_key).first() if submission_key else None
        if placed is None:
            raise
        return placed  # a concurrent submission of the same form won; its payment is the answer


@transaction.atomic
def _place(*, context: CheckoutContext, details: DeliveryDetails, method: str, buyer,
           submission_key: str | None) -> Payment:
    if context.is_empty:
        raise EmptyCart("empty cart")
    locked = _reserve(context)
    provider = gateway.get_provider(method)
    shipping = settings.ORDERS_SHIPPING_FEE_VND
    totals = {g.store.pk: sum(locked[line.product.pk].price * line.quantity for line in g.lines) + shipping
              for g in context.groups}
    payment = gateway.payment_create(method=method, amount=sum(totals.values()), email=details.email,
                                     stores=[g.store for g in context.groups], submission_key=submission_key)
    expires_at = gateway.payment_deadline(method=method)
    buyer = buyer if buyer is not None and buyer.is_authenticated else None
    for group in context.groups:
        subtotal = totals[group.store.pk] - shipping
        order = Order(store=group.store, buyer=buyer, payment=payment, email=details.email,
                      contact_name=details.contact_name, phone=details.phone, province_code=details.province_code,
                      ward_code=details.ward_code, street=details.street, status=provider.initial_order_status,
                      subtotal=subtotal, shipping_fee=shipping, total=subtotal + shipping, expires_at=expires_at,
                      number="T" + secrets.token_hex(9))
        order.full_clean()
        order.save()
        order.number = _order_number(order)
        order.save(update_fields=["number"])
        OrderLine.objects.bulk_create([
            OrderLine(order=order, product=locked[line.product.pk], product_name=locked[line.product.pk].name,
                      sku=locked[line.product.pk].sku, unit_price=locked[line.product.pk].price,
                      quantity=line.quantity)
            for line in group.lines])
        record_event(order=order, action=OrderEvent.Action.PLACED, actor=buyer)
        if not provider.redirects:  # placed for good now (cash, bank transfer); card: once paid
            order_notify(order=order, step=OrderEvent.Action.PLACED)
    return payment
