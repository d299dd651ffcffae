"""Facets as both backends answer them: counts in, labelled values out, in one order."""

from collections import Counter

from django.core.cache import cache
from django.utils.translation import ngettext

from marketplace.models import Category
from search.params import PRICE_RANGES, FacetValue, price_range_label
from search.sources import short_province


def province(code: int | None) -> str:
    return short_province(code)


GROUP_NAMES_KEY = "search:group-names"


def group_names() -> dict[str, str]:
    """Top-level product groups in their editorial order: read once, kept in the cache until
    a product group is saved or deleted (`forget_group_names`), not queried per search."""
    names = cache.get(GROUP_NAMES_KEY)
    if names is None:
        names = list(Category.objects.filter(parent=None).order_by("sort_order", "name").values_list("slug", "name"))
        cache.set(GROUP_NAMES_KEY, names, timeout=3600)
    return dict(names)


def forget_group_names(**_kwargs) -> None:
    cache.delete(GROUP_NAMES_KEY)


def stars_label(stars: int) -> str:
    return ngettext("%(n)d OCOP star", "%(n)d OCOP stars", stars) % {"n": stars}


def facets(*, group, province, stars, price) -> dict[str, list[FacetValue]]:
    """Facet values with labels from (value, count) pairs; empty buckets are left out."""
    names = group_names() if group else {}
    bounds = {value: (low, high) for value, low, high in PRICE_RANGES}
    return {
        "group": [FacetValue(str(v), names.get(v, v), n) for v, n in group if n],
        "province": [FacetValue(str(v), short_province(int(v)) or str(v), n) for v, n in province if n],
        "stars": [FacetValue(str(v), stars_label(int(v)), n) for v, n in stars if n],
        "price": [FacetValue(v, price_range_label(*bounds[v]), n) for v, n in price if n and v in bounds],
    }


def facets_from_counts(counts: dict[str, Counter]) -> dict[str, list[FacetValue]]:
    """{"group"|"province"|"stars"|"price": Counter(value → count)} → labelled facets: groups
    and provinces by count (then value), stars from 5 down, price ranges in their order."""
    def ranked(name):
        return sorted(((v, n) for v, n in counts[name].items() if v not in ("", None)),
                      key=lambda pair: (-pair[1], str(pair[0])))
    return facets(group=ranked("group"), province=ranked("province"),
                  stars=[(stars, counts["stars"][stars]) for stars in (5, 4, 3)],
                  price=[(value, counts["price"][value]) for value, _low, _high in PRICE_RANGES])
