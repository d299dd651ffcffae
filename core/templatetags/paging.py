"""`{% page_url n %}` for templates/includes/pagination.html, the one page-links partial."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """"?…" for page `number`: the current query string with `param` set, every other
    parameter (filters, sort, tag) kept."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query[param] = str(number)
    return f"?{query.urlencode()}"
