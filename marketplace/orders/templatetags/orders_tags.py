"""Template tags other pages use."""

from django import template
from django.template.loader import render_to_string

from marketplace.orders.selectors import cart_item_count, seller_orders_counts

register = template.Library()


@register.simple_tag
def seller_orders_summary(store):
    """Orders waiting for the seller's action, as HTML for the seller dashboard home
    (one query)."""
    return render_to_string("orders/seller_summary.html", {"store": store, "counts": seller_orders_counts(store)})


@register.simple_tag(takes_context=True)
def cart_count(context) -> int:
    """Units in the visitor's cart, for the header (signed in: one query, then none while
    the cached count lasts; a visitor without a session costs nothing and keeps pages
    cacheable)."""
    request = context.get("request")
    return cart_item_count(request) if request is not None else 0
