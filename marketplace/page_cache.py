"""Which cached pages a marketplace change reaches: the page cache's tags (core/cache.py)
for products, stores, certificates, photos, groups and reviews.

Tags the marketplace's pages declare:

| tag | declared by |
|---|---|
| `product:<id>` | the product's page |
| `card:<id>` | any page showing the product's card (home, related products, listings) |
| `store:<id>` | the storefront, the store's product pages (store card), home's store tiles |
| `listing:store:<id>` | the storefront's product grid |
| `listing`, `listing:products` | /products/ (`listing:group:<slug>` instead when filtered by a group) |
| `listing:stores` | /stores/ |
| `home` | the home page: which products and stores are featured |
| `figures` | the programme figures band (stores live, OCOP products online, sellers trained) |

What changes reach (bumped on commit):

- an order or a stock change that leaves the product in stock (or out of it): its own page
  only, and an order only when the page shows the stock (fewer than Product.LOW_STOCK left)
  — a listing shows neither the stock nor, up to PAGE_CACHE_SECONDS, the units sold;
- a change a product card shows (price, name, unit, photo, group, OCOP stars, in/out of
  stock) of a public product: its page, its card, its storefront grid, /products/ and the
  listings of its group and the groups above it — not other groups, stores or products;
  in/out of stock and stars also change which products home features;
- publishing, unpublishing or deleting: the above, plus its store (product counts, OCOP
  summary), /stores/, home and the programme figures;
- a review: the product's page and home (ratings on listing cards follow within
  PAGE_CACHE_SECONDS, like units sold);
- a store saved: its pages, every listing, home and the figures; a group: every page.

Editing a draft reaches nothing: no visitor has seen it.
"""

from django.db.models.signals import post_delete, post_save, pre_save

from core.cache import SITE, bump_page_tags_on_commit
from marketplace.models import Category, OcopCertificate, Product, ProductPhoto, Store, StoreMember
from marketplace.orders.models import Review
from marketplace.signals import products_changed as bulk_changed

LISTINGS, PRODUCTS, STORES, HOME, FIGURES = "listing", "listing:products", "listing:stores", "home", "figures"
CARD, STORE = "card:", "store:"
# A product listing (/products/, a group; a storefront for its cards) needs no tag per card:
# every change of a card bumps the listings showing it (card_change_tags), and every change
# of a store's name or place bumps them all (_store_changed).
COVERED_BY_LISTINGS = (CARD, STORE)
# What a product card (and the listings' filters and sorts) shows of the product row itself.
CARD_FIELDS = ("name", "slug", "price", "unit", "category_id", "store_id", "published_at")
WATCHED = (*CARD_FIELDS, "status", "stock")


def product_tag(pk) -> str:
    return f"product:{pk}"


def card_tag(pk) -> str:
    return f"{CARD}{pk}"


def store_tag(pk) -> str:
    return f"{STORE}{pk}"


def storefront_tag(pk) -> str:
    return f"listing:store:{pk}"


def group_tag(slug: str) -> str:
    return f"listing:group:{slug}"


def catalogue_tags(filters) -> tuple[str, ...]:
    """What /products/ with `filters` depends on: a group's products only, or all of them."""
    return (LISTINGS, group_tag(filters.group) if filters.group else PRODUCTS)


def _group_tags(category_ids) -> set[str]:
    """The group tags of these groups and of every group above them (one query)."""
    groups = {pk: (slug, parent) for pk, slug, parent in Category.objects.values_list("id", "slug", "parent_id")}
    tags, seen = set(), set()
    for pk in category_ids:
        while pk in groups and pk not in seen:
            seen.add(pk)
            slug, pk = groups[pk]
            tags.add(group_tag(slug))
    return tags


def card_change_tags(rows) -> set[str]:
    """Tags reached when the cards of these products change; `rows` are (id, store id, group id)."""
    rows = list(rows)
    if not rows:
        return set()
    tags = {PRODUCTS, *_group_tags({category for _, _, category in rows})}
    for pk, store, _ in rows:
        tags |= {product_tag(pk), card_tag(pk), storefront_tag(store)}
    return tags


def product_change_tags(pk, before: dict | None, after: dict | None) -> set[str]:
    """Tags reached when a product row goes from `before` to `after` (WATCHED fields;
    None: not there)."""
    public = [state for state in (before, after) if state is not None and state["status"] == Product.Status.PUBLISHED]
    if not public:
        return set()  # a draft, archived or new unpublished product: nobody saw it
    appeared = len(public) == 1  # published, unpublished, created published or deleted
    stock_flip = not appeared and (before["stock"] > 0) != (after["stock"] > 0)
    tags = {product_tag(pk)}
    if appeared or stock_flip or any(before[field] != after[field] for field in CARD_FIELDS):
        tags |= card_change_tags((pk, state["store_id"], state["category_id"]) for state in public)
    if appeared or stock_flip:
        tags.add(HOME)
    if appeared:
        tags |= {store_tag(state["store_id"]) for state in public} | {STORES, FIGURES}
    return tags


# --- receivers ---------------------------------------------------------------------------

def _product_before(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        instance._page_cache_before = sender.objects.filter(pk=instance.pk).values(*WATCHED).first()


def _product_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = instance.__dict__.pop("_page_cache_before", None)
    bump_page_tags_on_commit(*product_change_tags(instance.pk, before, {f: getattr(instance, f) for f in WATCHED}))


def _product_deleted(sender, instance, **kwargs):
    bump_page_tags_on_commit(*product_change_tags(instance.pk, {f: getattr(instance, f) for f in WATCHED}, None))


def _changed_in_bulk(sender, ids, listed=None, shown=None, **kwargs):
    """Bulk stock or price changes (marketplace.signals): the own pages of `shown`, the
    cards of `listed` (all of them when not told), plus home when those changed."""
    listed = ids if listed is None else listed
    tags = {product_tag(pk) for pk in (ids if shown is None else {*shown, *listed})}
    if listed:
        tags |= card_change_tags(Product.objects.filter(pk__in=listed).values_list("pk", "store_id", "category_id"))
        tags.add(HOME)
    bump_page_tags_on_commit(*tags)


def _public_product_row(pk):
    return Product.objects.published().filter(pk=pk).values_list("pk", "store_id", "category_id").first()


def _photo_changed(sender, instance, **kwargs):
    row = _public_product_row(instance.product_id)
    if row is not None:
        bump_page_tags_on_commit(*card_change_tags([row]))


def _certificate_before(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        before = sender.objects.filter(pk=instance.pk).values_list("product_id", flat=True)
        instance._page_cache_product = before.first()


def _certificate_changed(sender, instance, raw=False, **kwargs):
    """Stars are on cards and filters, and count in the store's summary, home and the figures."""
    if raw:
        return
    rows = [row for pk in {instance.product_id, instance.__dict__.pop("_page_cache_product", None)} - {None}
            if (row := _public_product_row(pk)) is not None]
    if rows:
        bump_page_tags_on_commit(*card_change_tags(rows), *(store_tag(store) for _, store, _ in rows), HOME, FIGURES)


def _store_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_page_tags_on_commit(store_tag(instance.pk), storefront_tag(instance.pk), LISTINGS, STORES, HOME, FIGURES)


def _review_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_page_tags_on_commit(product_tag(instance.product_id), HOME)


def _group_changed(sender, raw=False, **kwargs):
    if not raw:
        bump_page_tags_on_commit(SITE)  # its name is in breadcrumbs, filters and cards


def _sellers_changed(sender, raw=False, **kwargs):
    if not raw:
        bump_page_tags_on_commit(FIGURES)  # the trained share counts store owners


def connect() -> None:
    bulk_changed.connect(_changed_in_bulk, dispatch_uid="page-cache-products-changed")
    pre_save.connect(_product_before, sender=Product, dispatch_uid="page-cache-product-before")
    post_save.connect(_product_saved, sender=Product, dispatch_uid="page-cache-product-saved")
    post_delete.connect(_product_deleted, sender=Product, dispatch_uid="page-cache-product-deleted")
    pre_save.connect(_certificate_before, sender=OcopCertificate, dispatch_uid="page-cache-certificate-before")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(_photo_changed, sender=ProductPhoto, dispatch_uid=f"page-cache-photo-{name}")
        signal.connect(_certificate_changed, sender=OcopCertificate, dispatch_uid=f"page-cache-certificate-{name}")
        signal.connect(_store_changed, sender=Store, dispatch_uid=f"page-cache-store-{name}")
        signal.connect(_review_changed, sender=Review, dispatch_uid=f"page-cache-review-{name}")
        signal.connect(_group_changed, sender=Category, dispatch_uid=f"page-cache-group-{name}")
        signal.connect(_sellers_changed, sender=StoreMember, dispatch_uid=f"page-cache-member-{name}")
