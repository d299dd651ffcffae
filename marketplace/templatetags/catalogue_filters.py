"""`{% filters_fragment_key form hide_province as key %}`: the cache key of the catalogue
filter form's fields (templates/marketplace/_filters.html), or "" when they must be rendered.

Rendering the form's widgets (34 provinces, the groups, stars, sort) was about 20 ms of an
uncached catalogue page, for HTML that only changes with the language, the values chosen and
the product groups. A form showing errors or typed prices is rendered every time (typed
values would make a key per visitor); a change of the groups bumps GROUPS
(`groups_changed`, connected in marketplace/apps.py).
"""

from django import template
from django.utils.http import urlencode
from django.utils.translation import get_language

from core import fragments

register = template.Library()
GROUPS = "catalogue-groups"
TYPED = ("min_price", "max_price")


def groups_changed(**_kwargs) -> None:
    fragments.bump(GROUPS)


@register.simple_tag
def filters_fragment_key(form, hide_province=False) -> str:
    if form.is_bound and (not form.is_valid() or any(form.data.get(name) for name in TYPED)):
        return ""
    chosen = sorted((name, str(form.data[name])) for name in form.fields if form.is_bound and form.data.get(name))
    return (f"{fragments.version(GROUPS)}:{get_language()}:{int(bool(hide_province))}:{int(form.is_bound)}:"
            f"{urlencode(chosen)}")
