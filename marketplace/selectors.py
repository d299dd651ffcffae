"""Reads for the public catalogue, the API and the seller dashboard.

Every listing here returns a queryset whose rows are rendered without further queries
(RELIABILITY 24): store and group joined, OCOP stars annotated, photos and their
renditions prefetched.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q
from wagtail.images import get_image_model

from marketplace.models import Category, OcopCertificate, Product, ProductPhoto, Store
from marketplace.orders.selectors import product_stats

# The renditions the templates ask for; prefetched so a card costs no query.
CARD_RENDITIONS = ("fill-400x400|format-webp",)
GALLERY_RENDITIONS = ("width-480|format-webp", "width-960|format-webp")
# The picture a shared link shows (og:image, cms/seo.py): prefetched with the product page's gallery.
OG_RENDITION = "fill-1200x630"
LOGO_RENDITIONS = ("fill-160x160|format-webp",)
BANNER_RENDITIONS = ("fill-960x320|format-webp",)

SORTS = {
    "newest": ("-published_at", "-pk"),
    "price_asc": ("price", "pk"),
    "price_desc": ("-price", "-pk"),
    "stars": (F("ocop_stars").desc(nulls_last=True), "-published_at", "-pk"),
}


@dataclass(frozen=True)
class CatalogueFilters:
    group: str = ""
    province: int | None = None
    stars: int | None = None
    min_price: int | None = None
    max_price: int | None = None
    in_stock: bool = False
    store: Store | None = None
    sort: str = "newest"


def _images_with(renditions):
    return get_image_model().objects.prefetch_renditions(*renditions)


def photos_prefetch(renditions=CARD_RENDITIONS) -> Prefetch:
    return Prefetch("photos", queryset=ProductPhoto.objects.select_related(None).prefetch_related(
        Prefetch("image", queryset=_images_with(renditions))))


def group_ids(slug: str) -> list[int]:
    """The group with `slug` and all its sub-groups (one query: the taxonomy is small)."""
    rows = list(Category.objects.values_list("id", "slug", "parent_id"))
    root = next((pk for pk, s, _ in rows if s == slug), None)
    if root is None:
        return []
    found, frontier = {root}, {root}
    while frontier:
        frontier = {pk for pk, _, parent in rows if parent in frontier and pk not in found}
        found |= frontier
    return sorted(found)


def public_products():
    return Product.objects.published().with_ocop_stars()


def with_card_stats(queryset):
    """What every product card shows beside the product's own fields: `rating`,
    `review_count` and `sold` (templates/marketplace/_product_card.html), in the same query."""
    return queryset.annotate(**product_stats())


def product_cards(ids) -> dict:
    """{id: product} of the published products among `ids`, ready for the card (store,
    stars, rating, sold, photo with its rendition): one query and the photo prefetches."""
    products = (with_card_stats(public_products().filter(pk__in=list(ids))).select_related("store", "category")
                .prefetch_related(photos_prefetch()))
    return {product.pk: product for product in products}


def product_list(filters: CatalogueFilters):
    """Published products matching `filters`, sorted, ready for cards."""
    qs = public_products()
    if filters.group:
        qs = qs.filter(category_id__in=group_ids(filters.group))
    if filters.province:
        qs = qs.filter(store__province_code=filters.province)
    if filters.stars:
        # "best stars ≥ n" is "some valid certificate has ≥ n stars": a semi-join, not the
        # stars subquery evaluated for every product.
        qs = qs.filter(Exists(OcopCertificate.objects.valid().filter(product=OuterRef("pk"),
                                                                     stars__gte=filters.stars)))
    if filters.min_price is not None:
        qs = qs.filter(price__gte=filters.min_price)
    if filters.max_price is not None:
        qs = qs.filter(price__lte=filters.max_price)
    if filters.in_stock:
        qs = qs.in_stock()
    if filters.store is not None:
        qs = qs.for_store(filters.store)
    return (with_card_stats(qs).select_related("store", "category").prefetch_related(photos_prefetch())
            .order_by(*SORTS.get(filters.sort, SORTS["newest"])))


def product_detail(slug: str) -> Product | None:
    """The product page's product with its card figures (`rating`, `review_count`, `sold`:
    the reviews block, the sold count and the structured data read them, no query of their
    own) and its photos with the gallery's and og:image's renditions."""
    return (with_card_stats(public_products()).select_related("store", "category", "store__logo")
            .prefetch_related(photos_prefetch((*GALLERY_RENDITIONS, OG_RENDITION))).filter(slug=slug).first())


def product_certificate(product: Product) -> OcopCertificate | None:
    """The verified, unexpired certificate that backs the stars shown (the best one)."""
    return OcopCertificate.objects.valid().filter(product=product).order_by("-stars", "-decision_date").first()


def store_ocop_summary(store: Store) -> dict:
    """{"stars": the best OCOP stars the store's published products hold (None if none),
    "products": how many hold stars}, from verified, unexpired certificates. One query."""
    return (OcopCertificate.objects.valid()
            .filter(product__store=store, product__status=Product.Status.PUBLISHED)
            .aggregate(stars=Max("stars"), products=Count("product", distinct=True)))


def related_products(product: Product, limit: int = 4):
    return list(with_card_stats(public_products()).filter(category=product.category).exclude(pk=product.pk)
                .select_related("store", "category").prefetch_related(photos_prefetch())
                .order_by("-published_at", "-pk")[:limit])


def public_stores(province: int | None = None):
    qs = Store.objects.active()
    if province:
        qs = qs.filter(province_code=province)
    published = Q(products__status=Product.Status.PUBLISHED)
    return (qs.annotate(product_count=Count("products", filter=published))
            .prefetch_related(Prefetch("logo", queryset=_images_with(LOGO_RENDITIONS))).order_by("name"))


def store_detail(slug: str) -> Store | None:
    return (Store.objects.active().prefetch_related(
        Prefetch("logo", queryset=_images_with(LOGO_RENDITIONS)),
        Prefetch("banner", queryset=_images_with(BANNER_RENDITIONS))).filter(slug=slug).first())


def seller_products(store: Store, status: str = ""):
    qs = Product.objects.for_store(store).with_ocop_stars().select_related("category")
    if status:
        qs = qs.filter(status=status)
    return qs.prefetch_related(photos_prefetch()).order_by("-updated_at", "-pk")


def seller_store_counts(store: Store) -> dict:
    rows = Product.objects.for_store(store).values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    return {status: counts.get(status, 0) for status in Product.Status.values}
