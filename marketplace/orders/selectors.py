"""Reads of the orders app (other capabilities call `product_reviews`)."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, FloatField, OuterRef, Prefetch, Subquery, Sum, prefetch_related_objects
from django.db.models.functions import Coalesce

from core import cache as page_cache
from marketplace.orders.models import CartItem, LedgerEntry, Order, OrderLine, Payout, PayoutBatch, Review
from marketplace.orders.services.cart import SESSION_KEY as CART_SESSION_KEY

REVIEWS_SHOWN = 20
# How long a signed-in buyer's header count is kept; every change of their CartItem rows
# forgets it on commit (marketplace/orders/signals.py).
CART_COUNT_SECONDS = 300

# Orders that are sales ("Đã bán"): placed and not waiting for payment, cancelled or refunded.
SALE_STATUSES = (Order.Status.CONFIRMED, Order.Status.PAID, Order.Status.SHIPPED, Order.Status.DELIVERED,
                 Order.Status.COMPLETED)


def sold_count(product) -> int:
    """Units of `product` sold: the quantities of its lines in orders that are sales. One query."""
    return (OrderLine.objects.filter(product=product, order__status__in=SALE_STATUSES)
            .aggregate(sold=Sum("quantity"))["sold"] or 0)


def product_stats() -> dict:
    """Annotations for a product queryset: `rating` (average, None without reviews),
    `review_count` and `sold` (as `sold_count`). Correlated subqueries, so a page of cards
    stays one query and the products are not grouped."""
    reviews = Review.objects.filter(product=OuterRef("pk")).order_by().values("product")
    sales = (OrderLine.objects.filter(product=OuterRef("pk"), order__status__in=SALE_STATUSES)
             .order_by().values("product"))
    return {
        "rating": Subquery(reviews.annotate(v=Avg("rating")).values("v"), output_field=FloatField()),
        "review_count": Coalesce(Subquery(reviews.annotate(v=Count("pk")).values("v")), 0),
        "sold": Coalesce(Subquery(sales.annotate(v=Sum("quantity")).values("v")), 0),
    }


def cart_count_key(user_id) -> str:
    return f"cart-count:{user_id}"


@page_cache.read_ahead
def _cart_count_read_ahead(request) -> str | None:
    """A cached page's header shows a signed-in buyer's count: read with the page."""
    user = getattr(request, "user", None)
    return cart_count_key(user.pk) if user is not None and user.is_authenticated else None


def cart_item_count(request) -> int:
    """Units in the visitor's cart, for the header: a sum in SQL when signed in, the
    session's when not. The signed-in sum is kept in the cache (`cart_count_key`, up to
    CART_COUNT_SECONDS, forgotten when their cart rows change), so a repeat view costs no
    query. A visitor without a session cookie has no cart, and their session is not
    touched (their pages stay cacheable)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        key = cart_count_key(user.pk)
        count = page_cache.cached_for(request, key)
        if count is None:
            count = CartItem.objects.filter(user=user).aggregate(n=Sum("quantity"))["n"] or 0
            cache.set(key, count, CART_COUNT_SECONDS)
        return count
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or not hasattr(request, "session"):
        return 0
    return sum(int(qty) for qty in request.session.get(CART_SESSION_KEY, {}).values())


def product_reviews(product) -> dict:
    """Context for templates/orders/product_reviews.html on the product page:
    {"reviews": [...], "average": float | None, "count": int}. The average and count come
    from the product's `rating` and `review_count` when its query annotated them
    (`product_stats`), else from one aggregate; the reviews shown are one more query."""
    if hasattr(product, "rating") and hasattr(product, "review_count"):
        stats = {"average": product.rating, "count": product.review_count}
    else:
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
    orders = Order.objects.for_seller(user).for_listing().with_awaiting_seller()
    if status == "to_confirm":
        return orders.awaiting_seller()
    if status in Order.Status.values:
        return orders.filter(status=status)
    return orders


def seller_order(user, number: str) -> Order | None:
    return (Order.objects.for_seller(user).select_related("store", "payment")
            .prefetch_related("lines", "events__actor").filter(number=number).first())


def seller_orders_counts(store) -> dict:
    return Order.objects.filter(store=store).seller_counts()


def store_settlements(stores) -> list[tuple]:
    """[(store, settlement)] for the seller's balance page, where a settlement is the balance
    owed, the 50 latest ledger entries and the payouts. Three queries whatever the number of
    stores (the entries are a sliced prefetch: one window query)."""
    stores = list(stores)
    owed = dict(LedgerEntry.objects.filter(store__in=stores).exclude(payout__batch__status=PayoutBatch.Status.PAID)
                .order_by().values("store_id").annotate(total=Sum("amount")).values_list("store_id", "total"))
    prefetch_related_objects(
        stores,
        Prefetch("ledger_entries", to_attr="recent_entries",
                 queryset=LedgerEntry.objects.select_related("order", "payout__batch")[:50]),
        Prefetch("payouts", to_attr="payout_list",
                 queryset=Payout.objects.select_related("batch").order_by("-batch__created_at")))
    return [(store, {"balance": owed.get(store.pk) or 0, "entries": store.recent_entries,
                     "payouts": store.payout_list}) for store in stores]


def payout_batches():
    return PayoutBatch.objects.annotate(total=Sum("payouts__amount"), stores=Count("payouts"))
