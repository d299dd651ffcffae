"""Bulk orders for the scale data (bench/generate.py): one payment, one to three lines
and a "placed" event per order, spread over the last year, mostly cash on delivery as in
the provinces. Rows go straight in with bulk_create: this is data for measuring, not a
path through checkout (stock is not reserved)."""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from marketplace.models import Product
from marketplace.orders.models import Order, OrderEvent, OrderLine
from marketplace.payments.models import Payment
from marketplace.payments.providers import COD, STRIPE, VIETQR

BATCH = 2000
# (order status, payment method, payment status), weighted like a rural marketplace.
OUTCOMES = [
    (Order.Status.COMPLETED, COD, Payment.Status.CASH_ON_DELIVERY),
    (Order.Status.COMPLETED, COD, Payment.Status.CASH_ON_DELIVERY),
    (Order.Status.DELIVERED, COD, Payment.Status.CASH_ON_DELIVERY),
    (Order.Status.SHIPPED, COD, Payment.Status.CASH_ON_DELIVERY),
    (Order.Status.CONFIRMED, COD, Payment.Status.CASH_ON_DELIVERY),
    (Order.Status.PAID, VIETQR, Payment.Status.PAID),
    (Order.Status.COMPLETED, STRIPE, Payment.Status.PAID),
    (Order.Status.CANCELLED, COD, Payment.Status.CANCELLED),
]


def bulk_orders(rng, count: int, buyers: int = 2000) -> None:
    products = list(Product.objects.published().values_list(
        "pk", "store_id", "name", "sku", "price", "store__province_code", "store__ward_code"))
    if not products or not count:
        return
    by_store = {}
    for product in products:
        by_store.setdefault(product[1], []).append(product)
    unusable = make_password(None)
    now = timezone.now()
    with transaction.atomic():
        buyer_rows = User.objects.bulk_create(
            [User(email=f"bench-buyer-{i}@example.vn", full_name=f"Người mua {i}", password=unusable)
             for i in range(buyers)], batch_size=BATCH)
    for start in range(0, count, 5000):
        size = min(count, start + 5000) - start
        with transaction.atomic():
            plans = []
            for _ in range(size):
                first = rng.choice(products)
                # One order is one store's part of a checkout: its lines share the store.
                shelf = by_store[first[1]]
                lines = rng.sample(shelf, min(len(shelf), rng.choice([1, 1, 2, 3])))
                status, method, paid = rng.choice(OUTCOMES)
                created = now - timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
                quantities = [rng.randrange(1, 4) for _ in lines]
                subtotal = sum(p[4] * q for p, q in zip(lines, quantities, strict=True))
                plans.append((rng.choice(buyer_rows), lines, quantities, status, method, paid, created, subtotal))
            payments = Payment.objects.bulk_create(
                [Payment(method=method, status=paid, amount=subtotal + 30_000, email=buyer.email,
                         paid_at=created if paid == Payment.Status.PAID else None)
                 for buyer, _, _, _, method, paid, created, subtotal in plans], batch_size=BATCH)
            orders = Order.objects.bulk_create(
                [Order(number=f"BN-{start + i:08d}", store_id=lines[0][1], buyer=buyer, payment=payment,
                       email=buyer.email, contact_name=buyer.full_name, phone="0912345678",
                       province_code=lines[0][5], ward_code=lines[0][6], street="Thôn 1",
                       status=status, subtotal=subtotal,
                       shipping_fee=30_000, total=subtotal + 30_000, accepted_at=created,
                       paid_at=created if paid == Payment.Status.PAID else None,
                       delivered_at=created + timedelta(days=3)
                       if status in (Order.Status.DELIVERED, Order.Status.COMPLETED) else None)
                 for i, ((buyer, lines, _, status, _, paid, created, subtotal), payment)
                 in enumerate(zip(plans, payments, strict=True))], batch_size=BATCH)
            OrderLine.objects.bulk_create(
                [OrderLine(order=order, product_id=p[0], product_name=p[2], sku=p[3], unit_price=p[4], quantity=q)
                 for order, (_, lines, quantities, *_rest) in zip(orders, plans, strict=True)
                 for p, q in zip(lines, quantities, strict=True)], batch_size=BATCH)
            OrderEvent.objects.bulk_create(
                [OrderEvent(order=order, action=OrderEvent.Action.PLACED, status=order.status)
                 for order in orders], batch_size=BATCH)
            # auto_now_add ignores the value given: spread the dates afterwards, per batch.
            for order, plan in zip(orders, plans, strict=True):
                order.created_at = plan[6]
            Order.objects.bulk_update(orders, ["created_at"], batch_size=BATCH)
