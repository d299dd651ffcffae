from django import template
from django.utils.safestring import mark_safe

from core import cache as page_cache
from core.money import format_vnd, format_vnd_number

register = template.Library()
NBSP = "\u00a0"


@register.filter
def vnd(amount):
    """{{ product.price|vnd }} → "125.000 ₫" with a no-break space: on a page a price never
    wraps between the number and "₫". Text outside pages (CSV, e-mails, the API) keeps
    `format_vnd`'s plain space."""
    return format_vnd(amount).replace(" ", NBSP)


@register.filter
def vnd_number(amount):
    """{{ product.price|vnd_number }} → "125.000": a price as a price field shows it."""
    return format_vnd_number(amount)


@register.simple_tag
def page_depends_on(*parts):
    """{% page_depends_on "card" product.pk %}: the page being cached shows this (tag "card:42");
    see core/cache.py."""
    page_cache.page_depends_on(":".join(str(part) for part in parts))
    return ""


@register.simple_tag(takes_context=True)
def visitor_part(context, template_name):
    """{% visitor_part "includes/visitor_quick_nav.html" %}: a part of the layout that differs per
    visitor. The page cache cuts it out of the shared copy and renders it again for each
    request with the context processors' variables only (user, request, csrf_token), so the
    part must not use the page's own context."""
    html = context.template.engine.get_template(template_name).render(context)
    return mark_safe(page_cache.visitor_part_markup(template_name, html))  # noqa: S308 - a template's own output
