"""What is searchable, read from the owning apps: one `Record` per product, store or course.

Only published products of active stores, active stores and live course pages are
searchable; everything else is absent from both backends. Both backends are fed from
these records, so they index exactly the same things.
"""

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.utils.html import strip_tags

from core import divisions
from marketplace.models import Product, Store

DESCRIPTION_CHARS = 2000
# Tags that end a line or a block: replaced by a space before the tags go, so
# "<p>củi.</p><p>Bảo</p>" reads "củi. Bảo" (strip_tags alone would glue "củi.Bảo").
_BLOCK_TAG = re.compile(r"<(?:br|hr|/?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|blockquote|section|article|"
                        r"figure|figcaption|pre|address))\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Record:
    kind: str
    object_id: int
    name: str
    url: str
    description: str = ""
    price: int | None = None
    stars: int | None = None
    group: str = ""
    group_name: str = ""
    province_code: int | None = None
    store_name: str = ""
    store_slug: str = ""
    in_stock: bool = False
    published_at: datetime.datetime | None = None

    @property
    def province_name(self) -> str:
        return short_province(self.province_code)

    @property
    def searchable_text(self) -> str:
        """Everything a query word may match: name, description, store, group and province."""
        return " ".join(filter(None, [self.name, self.description, self.store_name, self.group_name,
                                      self.province_name]))


def short_province(code: int | None) -> str:
    return divisions.short_province_name(divisions.province_name(code)) if code else ""


def plain(html: str) -> str:
    """Rich text to one line of plain text, at most DESCRIPTION_CHARS (cut at a word, "…")."""
    html = html or ""
    text = " ".join(strip_tags(_BLOCK_TAG.sub(" ", html)).split()) if "<" in html else " ".join(html.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    return text[:DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def course_model():
    """training.CoursePage (owned by the training app)."""
    return apps.get_model("training", "CoursePage")


Fingerprint = tuple[int | None, int | None, bool] | None


def fingerprints(kind: str) -> dict[int, Fingerprint]:
    """{id: (OCOP stars, price, in stock)} of everything searchable, what reconciliation
    compares with each index: stars lapse without any save when a certificate expires, and
    stock and price may change in bulk. Stores and courses have none (None)."""
    if kind == "product":
        return {pk: (stars, price, stock > 0)
                for pk, stars, price, stock in products().values_list("pk", "ocop_stars", "price", "stock")}
    return dict.fromkeys(QUERYSETS[kind]().values_list("pk", flat=True))


# --- querysets of what may be indexed --------------------------------------------------------

def products():
    return (Product.objects.published().with_ocop_stars()
            .select_related("store", "category", "category__parent").order_by("pk"))


def stores():
    return Store.objects.active().order_by("pk")


def courses():
    return course_model().objects.live().order_by("pk")


QUERYSETS = {"product": products, "store": stores, "course": courses}


# --- records ------------------------------------------------------------------------------

def product_record(product) -> Record:
    top = product.category
    while top.parent_id is not None:  # facets count the six OCOP groups, not sub-groups
        top = top.parent
    return Record(
        kind="product", object_id=product.pk, name=product.name, url=product.get_absolute_url(),
        description=" ".join(filter(None, [product.category.name if top != product.category else "",
                                           plain(product.description)])),
        price=product.price, stars=product.ocop_stars, group=top.slug, group_name=top.name,
        province_code=product.store.province_code, store_name=product.store.name, store_slug=product.store.slug,
        in_stock=product.stock > 0, published_at=product.published_at,
    )


def store_record(store) -> Record:
    return Record(
        kind="store", object_id=store.pk, name=store.name, url=store.get_absolute_url(), description=plain(store.story),
        province_code=store.province_code, store_name=store.name, store_slug=store.slug,
        published_at=store.went_live_at or store.created_at,
    )


def course_record(page) -> Record:
    return Record(
        kind="course", object_id=page.pk, name=page.title, url=page.url or "",
        description=plain(" ".join(filter(None, [page.summary, page.audience]))),
        published_at=page.last_published_at or page.first_published_at,
    )


TO_RECORD = {"product": product_record, "store": store_record, "course": course_record}


def records(kind: str, ids: Iterable[int] | None = None, chunk_size: int = 2000) -> Iterator[Record]:
    """Records of the searchable `kind` objects (all, or those among `ids`)."""
    queryset = QUERYSETS[kind]()
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    to_record = TO_RECORD[kind]
    for obj in queryset.iterator(chunk_size=chunk_size):
        yield to_record(obj)
