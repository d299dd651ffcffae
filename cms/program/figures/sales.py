"""Orders, sales value by payment method, sales by product group, reviews.

An order counts as a sale once it is confirmed (cash on delivery) or paid, and stops
counting if it is cancelled or refunded; orders still waiting for a card payment are
not sales yet.
"""

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from cms.program.figures.scope import Scope, share
from cms.program.figures.weekly import per_week
from marketplace.models import Category, Product, Store
from marketplace.orders.models import Order, OrderLine, Review
from marketplace.payments.providers import COD

SALE_STATUSES = (Order.Status.CONFIRMED, Order.Status.PAID, Order.Status.SHIPPED, Order.Status.DELIVERED,
                 Order.Status.COMPLETED)


def sales_in(scope: Scope):
    """Orders that are sales, placed in the period, of stores in the provinces in view."""
    return Order.objects.filter(status__in=SALE_STATUSES, **scope.between("created_at"),
                                **scope.province_q("store__province_code"))


def payment_figures(scope: Scope) -> dict:
    """Orders and sales value per payment method, and the share of cashless orders.

    The sales value is what buyers paid: goods (`subtotal`) + shipping (`shipping_fee`),
    both summed too (same query) so the product-group table can reconcile with it."""
    rows = list(sales_in(scope).values("payment__method")
                .annotate(orders=Count("pk"), sales=Sum("total"), goods=Sum("subtotal"), shipping=Sum("shipping_fee"))
                .order_by("-sales", "payment__method"))
    methods = [{"method": r["payment__method"], "orders": r["orders"], "sales": r["sales"] or 0} for r in rows]
    orders = sum(m["orders"] for m in methods)
    sales = sum(m["sales"] for m in methods)
    cashless = [m for m in methods if m["method"] != COD]
    for m in methods:
        m["share"] = share(m["orders"], orders)
    return {
        "methods": methods, "orders": orders, "sales": sales,
        "goods": sum(r["goods"] or 0 for r in rows), "shipping": sum(r["shipping"] or 0 for r in rows),
        "cashless_orders": sum(m["orders"] for m in cashless),
        "cashless_share": share(sum(m["orders"] for m in cashless), orders),
        "cashless_value_share": share(sum(m["sales"] for m in cashless), sales),
    }


def review_figures(scope: Scope) -> dict:
    """Average rating of the reviews written in the period."""
    result = Review.objects.filter(**scope.between("created_at"),
                                   **scope.province_q("product__store__province_code")).aggregate(
        average=Avg("rating"), count=Count("pk"))
    result["average"] = None if result["average"] is None else round(result["average"], 2)
    return result


def top_groups(scope: Scope, limit: int = 8) -> list[dict]:
    """Product groups by sales value in the period (the goods: unit price × quantity of
    their lines, without shipping, which belongs to no group), then by products online now."""
    online = Q(products__status=Product.Status.PUBLISHED, products__store__status=Store.Status.ACTIVE)
    if scope.provinces is not None:
        online &= Q(products__store__province_code__in=sorted(scope.provinces))
    line_sales = (OrderLine.objects.filter(product__category=OuterRef("pk"), order__in=sales_in(scope))
                  .values("product__category").annotate(value=Sum(F("unit_price") * F("quantity")))
                  .values("value"))
    rows = (Category.objects
            .annotate(products_online=Count("products", filter=online), sales=Coalesce(Subquery(line_sales), 0))
            .filter(Q(products_online__gt=0) | Q(sales__gt=0))
            .order_by("-sales", "-products_online", "name")
            .values("pk", "name", "products_online", "sales")[:limit])
    return list(rows)


def province_sales(scope: Scope) -> dict[int, dict]:
    rows = (sales_in(scope).values("store__province_code").annotate(orders=Count("pk"), sales=Sum("total"))
            .order_by())
    return {r["store__province_code"]: {"orders": r["orders"], "sales": r["sales"] or 0} for r in rows}


def weekly_sales(scope: Scope) -> dict:
    return per_week(sales_in(scope), "created_at", scope, total="total")

