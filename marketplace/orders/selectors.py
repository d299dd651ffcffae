"""Reads of the orders app (other capabilities call `product_reviews`)."""

import secrets

from django.db.models import Avg, Count, Q, Sum

from marketplace.orders.models import LedgerEntry, Order, Payout, PayoutBatch, Review

REVIEWS_SHOWN = 20


def product_reviews(product) -> dict:
    """Context for templates/orders/product_reviews.html on the product page:
    {"reviews": [...], "average": float | None, "count": int}. Two queries."""
    stats = Review.objects.filter(product=product).aggregate(average=Avg("rating"), count=Count("pk"))
    reviews = list(Review.objects.filter(product=product).select_related("buyer")[:REVIEWS_SHOWN]) \
        if stats["count"] else []
    average = round(float(stats["average"]), 1) if stats["average"] is not None else None
    return {"reviews": reviews, "average": average, "count": stats["count"], "product": product}


def buyer_orders(user):
    return Order.objects.for_buyer(user).for_listing()


def order_for_buyer(*, number: str, user, token: str | None) -> Order | None:
    """The buyer's own order, or a guest's with the secret link's token."""
    order = (Order.objects.select_related("store", "payment").prefetch_related("lines", "events")
             .filter(number=number).first())
    if order is None:
        return None
    if user.is_authenticated and order.buyer_id == user.pk:
        return order
    if token and secrets.compare_digest(token, order.access_token):
        return order
    return None


def seller_orders(user, *, status: str = ""):
    orders = Order.objects.for_seller(user).for_listing()
    if status == "to_confirm":
        return orders.awaiting_seller()
    if status in Order.Status.values:
        return orders.filter(status=status)
    return orders


def seller_order(user, number: str) -> Order | None:
    return (Order.objects.for_seller(user).select_related("store", "payment")
            .prefetch_related("lines", "events__actor").filter(number=number).first())


def seller_orders_counts(store) -> dict:
    return Order.objects.filter(store=store).aggregate(
        to_confirm=Count("pk", filter=Q(status__in=[Order.Status.CONFIRMED, Order.Status.PAID],
                                        accepted_at__isnull=True)),
        to_ship=Count("pk", filter=Q(status__in=[Order.Status.CONFIRMED, Order.Status.PAID],
                                     accepted_at__isnull=False)),
        shipped=Count("pk", filter=Q(status=Order.Status.SHIPPED)),
    )


def store_settlement(store) -> dict:
    """Balance owed, recent entries and paid payouts for the seller's balance page."""
    owed = (LedgerEntry.objects.filter(store=store).exclude(payout__batch__status=PayoutBatch.Status.PAID)
            .aggregate(total=Sum("amount"))["total"] or 0)
    return {
        "balance": owed,
        "entries": list(LedgerEntry.objects.filter(store=store).select_related("order", "payout__batch")[:50]),
        "payouts": list(Payout.objects.filter(store=store).select_related("batch").order_by("-batch__created_at")),
    }


def payout_batches():
    return PayoutBatch.objects.annotate(total=Sum("payouts__amount"), stores=Count("payouts"))
