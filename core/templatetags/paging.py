"""`{% page_url n %}` for templates/includes/pagination.html, the one page-links partial,
and `{{ n|grouped }}` for the counts beside it."""

from django import template
from django.http import QueryDict
from django.utils.formats import get_format

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """"?…" for page `number`: the current query string with `param` set, every other
    parameter (filters, sort, tag) kept."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query[param] = str(number)
    return f"?{query.urlencode()}"


@register.filter
def grouped(number):
    """{{ 10000|grouped }} → "10.000" on the Vietnamese site, "10,000" on the English one."""
    # Django's Vietnamese formats name the separator but group nothing (no NUMBER_GROUPING).
    return f"{int(number):,}".replace(",", get_format("THOUSAND_SEPARATOR"))
