"""Read-only catalogue API: products and stores (mounted under /api/v1/ by config/api.py).

Field names are a contract: add fields, never rename. Only public data: no stock counts
beyond "in stock", no reservations, no owner contacts except the store's public phone.
"""

import math
from typing import Literal

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from core import divisions
from core.api import errors, province_schema
from marketplace import selectors
from marketplace.models import Product, Store

router = Router(tags=["catalogue"])

PAGE_SIZE = 24


class CategoryOut(Schema):
    slug: str
    name: str


class StoreBrief(Schema):
    slug: str
    name: str
    province_code: int
    province: str
    url: str


class PhotoOut(Schema):
    url: str
    alt: str
    width: int
    height: int


class ProductOut(Schema):
    slug: str
    name: str
    price: int = Field(description="Whole đồng (VND has no minor unit).")
    unit: str
    in_stock: bool
    ocop_stars: int | None = Field(description="Stars of a verified, unexpired OCOP certificate, else null.")
    category: CategoryOut
    store: StoreBrief
    photos: list[PhotoOut]
    url: str
    published_at: str | None


class ProductDetailOut(ProductOut):
    description: str = Field(description="Sanitised HTML.")
    weight_grams: int | None


class StoreOut(Schema):
    slug: str
    name: str
    producer_type: str
    province_code: int
    province: str
    ward: str
    phone: str = Field(description="The store's public phone.")
    logo_url: str | None
    url: str


class StoreDetailOut(StoreOut):
    story: str = Field(description="Sanitised HTML.")
    product_count: int


class ProductPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ProductOut]


class StorePage(Schema):
    count: int
    page: int
    pages: int
    results: list[StoreOut]


class ProductFilters(Schema):
    group: str = Field("", description="Product group slug; includes its sub-groups.")
    province: int | None = Field(None, json_schema_extra=province_schema)
    stars: int | None = Field(None, ge=3, le=5, description="At least this many OCOP stars (3, 4 or 5).")
    min_price: int | None = Field(None, ge=0)
    max_price: int | None = Field(None, ge=0)
    in_stock: bool = False
    store: str = Field("", description="Store slug.")
    sort: Literal["newest", "price_asc", "price_desc", "stars"] = "newest"
    page: int = Field(1, ge=1)


class StoreFilters(Schema):
    province: int | None = Field(None, json_schema_extra=province_schema)
    page: int = Field(1, ge=1)


def _province(code: int | None) -> None:
    if code is not None and not divisions.province_name(code):
        raise HttpError(422, _("Unknown province code %(code)s.") % {"code": code})


def _store_brief(store: Store) -> dict:
    return {"slug": store.slug, "name": store.name, "province_code": store.province_code,
            "province": store.province_name, "url": store.get_absolute_url()}


def _product(p: Product, detail=False) -> dict:
    data = {
        "slug": p.slug, "name": p.name, "price": p.price, "unit": p.unit, "in_stock": p.stock > 0,
        "ocop_stars": p.ocop_stars, "category": {"slug": p.category.slug, "name": p.category.name},
        "store": _store_brief(p.store), "url": p.get_absolute_url(),
        "photos": [{"url": ph.image.file.url, "alt": ph.alt_text or p.name, "width": ph.image.width,
                    "height": ph.image.height} for ph in p.photos.all()],
        "published_at": p.published_at.isoformat() if p.published_at else None,
    }
    if detail:
        data.update(description=p.description, weight_grams=p.weight_grams)
    return data


def _store(s: Store, detail=False) -> dict:
    data = {"slug": s.slug, "name": s.name, "producer_type": s.producer_type, "province_code": s.province_code,
            "province": s.province_name, "ward": s.ward_name, "phone": s.phone, "url": s.get_absolute_url(),
            "logo_url": s.logo.file.url if s.logo else None}
    if detail:
        data.update(story=s.story, product_count=getattr(s, "product_count", 0))
    return data


def _paginate(queryset, page: int, serialize) -> dict:
    paginator = Paginator(queryset, PAGE_SIZE)
    pages = max(1, math.ceil(paginator.count / PAGE_SIZE))
    if page > pages:
        raise HttpError(422, _("Page %(page)s does not exist: the last page is %(pages)s.")
                        % {"page": page, "pages": pages})
    return {"count": paginator.count, "page": page, "pages": pages,
            "results": [serialize(obj) for obj in paginator.page(page).object_list]}


@router.get("/products", response={200: ProductPage, **errors()}, summary="Published products, filtered and sorted",
            description="422: a parameter of the wrong type or out of its range, an unknown province or store, "
                        "a page past the last, or min_price above max_price.")
def list_products(request, filters: Query[ProductFilters]):
    _province(filters.province)
    if filters.min_price is not None and filters.max_price is not None and filters.min_price > filters.max_price:
        raise HttpError(422, _("min_price must not be greater than max_price."))
    store = None
    if filters.store:
        store = Store.objects.active().filter(slug=filters.store).first()
        if store is None:
            raise HttpError(422, _("Unknown store “%(store)s”.") % {"store": filters.store})
    query = selectors.CatalogueFilters(group=filters.group, province=filters.province, stars=filters.stars,
                                       min_price=filters.min_price, max_price=filters.max_price,
                                       in_stock=filters.in_stock, store=store, sort=filters.sort)
    return _paginate(selectors.product_list(query).prefetch_related(None).prefetch_related("photos__image"),
                     filters.page, _product)


@router.get("/products/{slug}", response={200: ProductDetailOut, **errors(not_found=True, invalid=False)},
            summary="One published product",
            description="404: no published product of an active store has this slug.")
def get_product(request, slug: str):
    product = (selectors.public_products().select_related("store", "category")
               .prefetch_related("photos__image").filter(slug=slug).first())
    if product is None:
        raise HttpError(404, _("Product not found."))
    return _product(product, detail=True)


@router.get("/stores", response={200: StorePage, **errors()}, summary="Active stores",
            description="422: a parameter of the wrong type or out of its range, an unknown province, or a page "
                        "past the last.")
def list_stores(request, filters: Query[StoreFilters]):
    _province(filters.province)
    return _paginate(Store.objects.active().filter(**({"province_code": filters.province} if filters.province else {}))
                     .select_related("logo").order_by("name"), filters.page, _store)


@router.get("/stores/{slug}", response={200: StoreDetailOut, **errors(not_found=True, invalid=False)},
            summary="One active store", description="404: no active store has this slug.")
def get_store(request, slug: str):
    store = selectors.public_stores().select_related("logo").prefetch_related(None).filter(slug=slug).first()
    if store is None:
        raise HttpError(404, _("Store not found."))
    return _store(store, detail=True)
