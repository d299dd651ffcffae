"""What the search page shows, computed once in Python (templates do no querying)."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from marketplace.selectors import product_cards
from search import service
from search.params import KINDS, PRICE_RANGES, SORT_LABELS, SearchParams, SearchResults

SIDE_SECTION_SIZE = 3
FACET_TITLES = {"group": _("Product group"), "stars": _("OCOP stars"), "price": _("Price"), "province": _("Province")}
KIND_TITLES = {"product": _("Products"), "store": _("Stores"), "course": _("Courses")}
FACETS_BY_KIND = {"product": ("group", "stars", "price", "province"), "store": ("province",), "course": ()}
# Which query-string parameters a facet value sets; price buckets set a range (inclusive).
PRICE_BOUNDS = {value: (low, None if high is None else high - 1) for value, low, high in PRICE_RANGES}


@dataclass
class FacetLink:
    label: str
    count: int
    url: str
    active: bool


@dataclass
class FacetBlock:
    name: str
    title: str
    links: list[FacetLink]


@dataclass
class Tab:
    kind: str | None
    title: str
    count: int | None
    url: str
    active: bool
    capped: bool = False  # more than `count` (search.params.SearchResults.capped)


@dataclass
class SearchPage:
    params: SearchParams
    main: SearchResults
    sections: dict[str, SearchResults] = field(default_factory=dict)
    tabs: list[Tab] = field(default_factory=list)
    facets: list[FacetBlock] = field(default_factory=list)
    active_filters: list[FacetLink] = field(default_factory=list)
    popular_groups: list[FacetLink] = field(default_factory=list)
    sort_choices: list = field(default_factory=list)

    @property
    def nothing_found(self) -> bool:
        return self.main.total == 0 and not any(s.total for s in self.sections.values())


def _url(query: QueryDict, **changes) -> str:
    q = query.copy()
    q.pop("page", None)
    for key, value in changes.items():
        if value is None:
            q.pop(key, None)
        else:
            q[key] = str(value)
    return f"?{q.urlencode()}" if q else "?"


def _facet_changes(name: str, value: str) -> dict:
    if name == "price":
        low, high = PRICE_BOUNDS[value]
        return {"min_price": low, "max_price": high}
    return {name: value}


def _is_active(name: str, value: str, params: SearchParams) -> bool:
    if name == "price":
        return PRICE_BOUNDS[value] == (params.min_price, params.max_price)
    return str(getattr(params, name) or "") == value


def facet_blocks(query: QueryDict, results: SearchResults, kind: str) -> list[FacetBlock]:
    blocks = []
    for name in FACETS_BY_KIND[kind]:
        # On the page a price never wraps before "₫" (the API keeps the plain label).
        links = [FacetLink(f.label.replace(" ₫", "\u00a0₫"), f.count, _url(query, **_facet_changes(name, f.value)),
                           _is_active(name, f.value, results.params)) for f in results.facets.get(name, [])]
        if links:
            blocks.append(FacetBlock(name, FACET_TITLES[name], links))
    return blocks


def active_filters(query: QueryDict, results: SearchResults) -> list[FacetLink]:
    """Each applied filter, named by its facet value when shown, with a link removing it."""
    params, out = results.params, []

    def label(name: str, value) -> str:
        found = [f.label for f in results.facets.get(name, []) if f.value == str(value)]
        return found[0] if found else str(FACET_TITLES[name])

    if params.group:
        out.append(FacetLink(label("group", params.group), 0, _url(query, group=None), True))
    if params.stars:
        out.append(FacetLink(label("stars", params.stars), 0, _url(query, stars=None), True))
    if params.min_price is not None or params.max_price is not None:
        out.append(FacetLink(str(FACET_TITLES["price"]), 0, _url(query, min_price=None, max_price=None), True))
    if params.province:
        out.append(FacetLink(label("province", params.province), 0, _url(query, province=None), True))
    if params.in_stock:
        out.append(FacetLink(str(_("In stock only")), 0, _url(query, in_stock=None), True))
    return out


def popular_groups() -> list[FacetLink]:
    everything = service.search(SearchParams(type="product", page_size=1))
    return [FacetLink(f.label, f.count, _url(QueryDict(), group=f.value, type="product"), False)
            for f in everything.facets.get("group", [])]


def attach_cards(results: SearchResults) -> None:
    """Give each product hit of the page its catalogue card (photo, stars, rating, sold,
    store), looked up by id in one query plus the photo prefetches, whatever the backend.
    A hit whose product is no longer public keeps no card (and shows as text)."""
    ids = [hit.id for hit in results.hits if hit.type == "product"]
    if not ids:
        return
    cards = product_cards(ids)
    for hit in results.hits:
        if hit.type == "product":
            hit.card = cards.get(hit.id)


def build(query: QueryDict, params: SearchParams) -> SearchPage:
    """The main results for the chosen type (products by default) and, beside them, the
    first stores and courses with their counts for the tabs."""
    main_kind = params.type or "product"
    main = service.search(params.but(type=main_kind))
    attach_cards(main)
    page = SearchPage(params=params, main=main)
    others = {}
    for kind in KINDS:
        if kind != main_kind:
            # Product filters narrow products only; other kinds keep the text and province.
            others[kind] = service.search(SearchParams(text=params.text, type=kind, province=params.province
                                                       if kind == "store" else None, page_size=SIDE_SECTION_SIZE))
    if params.type is None and not params.has_product_filters:
        page.sections = {k: r for k, r in others.items() if r.total}
    answered = {main_kind: main, **others}
    page.tabs = [Tab(kind, KIND_TITLES[kind], answered[kind].total, _url(query, type=kind), kind == params.type
                     or (params.type is None and kind == "product"), answered[kind].capped) for kind in KINDS]
    page.facets = facet_blocks(query, main, main_kind)
    page.active_filters = active_filters(query, main)
    page.sort_choices = [(value, label) for value, label in SORT_LABELS.items()]
    if page.nothing_found:
        page.popular_groups = popular_groups()
    return page
