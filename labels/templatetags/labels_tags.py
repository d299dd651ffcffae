"""Template tags other pages use."""

from django import template
from django.template.loader import render_to_string

from labels.selectors import store_scan_summary

register = template.Library()


@register.simple_tag
def label_scans_summary(store):
    """The store's label scans (last 30 days, in all, the products scanned most) as HTML
    for the seller dashboard home (two queries)."""
    return render_to_string("labels/seller_summary.html", {"summary": store_scan_summary(store)})
