"""Template tags other pages use."""

from django import template
from django.template.loader import render_to_string

from marketplace.orders.selectors import seller_orders_counts

register = template.Library()


@register.simple_tag
def seller_orders_summary(store):
    """Orders waiting for the seller's action, as HTML for the seller dashboard home
    (one query)."""
    return render_to_string("orders/seller_summary.html", {"store": store, "counts": seller_orders_counts(store)})
