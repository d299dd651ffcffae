from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def header_menu(context):
    """Live children of the site root marked "show in menus" (one query)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().only("id", "title", "url_path", "depth", "path"))
