"""Template tags the seller dashboard uses."""

from django import template
from django.template.loader import render_to_string

from marketplace.checklist import store_checklist

register = template.Library()


@register.simple_tag
def checklist_panel(store):
    """The go-live checklist of `store`, as HTML for the seller dashboard (empty without a store)."""
    if store is None:
        return ""
    return render_to_string("onboarding/checklist_panel.html", {"store": store, "checklist": store_checklist(store)})
