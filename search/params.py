"""The query service's vocabulary: what a search asks (`SearchParams`) and answers
(`SearchResults`). Both backends take and return exactly these."""

from dataclasses import dataclass, field, replace
from typing import Literal

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from core.money import format_vnd

PAGE_SIZE = 20
KINDS = ("product", "store", "course")
SORTS = ("relevance", "newest", "price_asc", "price_desc", "stars")
SORT_LABELS = {
    "relevance": _("Most relevant"),
    "newest": _("Newest"),
    "price_asc": _("Price: low to high"),
    "price_desc": _("Price: high to low"),
    "stars": _("OCOP stars"),
}
# Price facet buckets (VND): (value, from, to) — `to` exclusive, None = open.
PRICE_RANGES: tuple[tuple[str, int | None, int | None], ...] = (
    ("0-100000", None, 100_000),
    ("100000-300000", 100_000, 300_000),
    ("300000-500000", 300_000, 500_000),
    ("500000-", 500_000, None),
)
MAX_QUERY_LENGTH = 100

Sort = Literal["relevance", "newest", "price_asc", "price_desc", "stars"]


def price_range_label(low: int | None, high: int | None) -> str:
    if low is None:
        return str(_("Under %(price)s") % {"price": format_vnd(high)})
    if high is None:
        return str(_("%(price)s and more") % {"price": format_vnd(low)})
    return f"{format_vnd(low)} – {format_vnd(high)}"


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    type: str | None = None  # one of KINDS, or None for everything
    group: str = ""
    province: int | None = None
    stars: int | None = None
    min_price: int | None = None
    max_price: int | None = None
    in_stock: bool = False
    sort: Sort = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE

    @property
    def has_product_filters(self) -> bool:
        return bool(self.group or self.stars or self.min_price is not None or self.max_price is not None
                    or self.in_stock)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def but(self, **changes) -> "SearchParams":
        return replace(self, **changes)


@dataclass
class Hit:
    type: str
    id: int
    name: str
    url: str
    price: int | None = None
    ocop_stars: int | None = None
    store_name: str = ""
    store_slug: str = ""
    province: str = ""
    group: str = ""
    highlight: SafeString = SafeString("")
    extract: SafeString = SafeString("")
    # The product as the catalogue's card shows it (photo, rating, sold): attached by
    # search.pages for the page of hits shown, never by a backend.
    card: object | None = None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str = ""
    backend: str = "database"
    # True when more entries matched than the backend considered: `total` is then a floor
    # ("more than 1,000") and facets count the entries considered (database backend).
    capped: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.params.page_size))

    @property
    def has_next(self) -> bool:
        return self.params.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.params.page > 1


@dataclass
class Suggestion:
    text: str
    type: str
    url: str
