"""The home page's live sections (`cms.models.home_sections`): featured products and
stores (editors' choice, else the best: OCOP stars then reviews), a band of programme
figures, the latest news and the starter course. A fixed number of queries whatever the
amount of data: every list is one query plus fixed prefetches.

Ranking the best products and stores and counting the programme's figures was about 80% of
an uncached home page (400 ms at 100,000 products), so it happens off the request path:
`refresh_rankings` (Celery beat, every few minutes: cms.tasks) stores the ranked ids and the
figures in the cache, and a request reads them, computing them itself only when the cache
has none. The cards themselves (price, stock, stars, rating) are read fresh for those ids;
a product that went out of stock or offline meanwhile is left out. The changes that can
change a ranking or a figure (a certificate, a review, a store, a product published or
withdrawn, a course completed) forget the stored copy (`connect`).
"""

import logging

from django.core.cache import cache
from django.db.models import Avg, Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from wagtail.images import get_image_model

from cms.program.figures import Scope
from cms.program.figures.catalogue import ocop_figures, store_figures
from cms.program.figures.sellers import training_figures
from cms.program.periods import preset_period
from core.commit import after_commit
from marketplace.models import OcopCertificate, Product, Store
from marketplace.orders.models import Review
from marketplace.selectors import LOGO_RENDITIONS, photos_prefetch, with_card_stats
from training.selectors import starter_course

logger = logging.getLogger(__name__)

PRODUCTS_SHOWN = 8
STORES_SHOWN = 6
NEWS_SHOWN = 3
RANKINGS_KEY = "home:rankings"
# The beat task refreshes every REFRESH_SECONDS; past RANKINGS_SECONDS a request computes them.
REFRESH_SECONDS = 300
RANKINGS_SECONDS = 900


def build_home_sections(page) -> dict:
    return {
        "products": {"template": "cms/home/products.html", "products": featured_products(page)},
        "figures": {"template": "cms/home/figures.html", **rankings()["figures"]},
        "stores": {"template": "cms/home/stores.html", "stores": featured_stores(page)},
        "news": {"template": "cms/home/news.html", **latest_news()},
        "course": {"template": "cms/home/course.html", "course": starter_course()},
    }


def product_cards(queryset):
    """Everything the catalogue's product card shows (templates/marketplace/_product_card.html:
    stars, rating, sold), in one query and the catalogue's photo prefetch (with renditions)."""
    return with_card_stats(queryset.with_ocop_stars()).select_related("store").prefetch_related(photos_prefetch())


def featured_products(page) -> list:
    from cms.models import HomeFeaturedProduct

    chosen = HomeFeaturedProduct.objects.filter(page=page)
    order = chosen.filter(product=OuterRef("pk")).values("sort_order")[:1]
    picked = list(product_cards(Product.objects.published().filter(pk__in=chosen.values("product_id")))
                  .annotate(feature_order=Subquery(order)).order_by("feature_order", "pk")[:PRODUCTS_SHOWN])
    if picked:
        return picked
    return _in_order(product_cards(Product.objects.published().in_stock()), rankings()["products"])


def ranked_product_ids() -> list[int]:
    """The best products online: OCOP stars, then rating, then the newest."""
    online = Product.objects.published().in_stock()
    stars = _stars_floor(online, PRODUCTS_SHOWN)
    if stars:
        # At least PRODUCTS_SHOWN products hold `stars` or more, so the best ones are all
        # among them: rank those instead of every product of the province (same result).
        online = online.filter(Exists(OcopCertificate.objects.valid().filter(product=OuterRef("pk"),
                                                                            stars__gte=stars)))
    return list(with_card_stats(online.with_ocop_stars())
                .order_by(F("ocop_stars").desc(nulls_last=True), F("rating").desc(nulls_last=True),
                          "-published_at", "-pk").values_list("pk", flat=True)[:PRODUCTS_SHOWN])


def _in_order(queryset, ids: list[int]) -> list:
    """The rows of `queryset` among `ids`, in the order of `ids` (one query)."""
    found = {row.pk: row for row in queryset.filter(pk__in=ids)} if ids else {}
    return [found[pk] for pk in ids if pk in found]


def _stars_floor(products, needed: int) -> int | None:
    """The highest OCOP stars level n such that `needed` of `products` hold a valid
    certificate of n stars or more (one aggregate over the certificates), or None."""
    at_least = OcopCertificate.objects.valid().filter(product__in=products).aggregate(
        **{f"s{n}": Count("product", distinct=True, filter=Q(stars__gte=n)) for n in (5, 4, 3)})
    return next((n for n in (5, 4, 3) if at_least[f"s{n}"] >= needed), None)


def store_cards(queryset):
    logos = get_image_model().objects.prefetch_renditions(*LOGO_RENDITIONS)
    return _with_store_stats(queryset).prefetch_related(Prefetch("logo", queryset=logos))


def _with_store_stats(queryset):
    online = Q(products__status=Product.Status.PUBLISHED)
    return queryset.annotate(products_online=Count("products", filter=online, distinct=True),
                             rating=Avg("products__reviews__rating"))


def featured_stores(page) -> list:
    from cms.models import HomeFeaturedStore

    chosen = HomeFeaturedStore.objects.filter(page=page)
    order = chosen.filter(store=OuterRef("pk")).values("sort_order")[:1]
    picked = list(store_cards(Store.objects.active().filter(pk__in=chosen.values("store_id")))
                  .annotate(feature_order=Subquery(order)).order_by("feature_order", "pk")[:STORES_SHOWN])
    if picked:
        return picked
    return _in_order(store_cards(Store.objects.active()), rankings()["stores"])


def ranked_store_ids() -> list[int]:
    """The best stores with something online: rating, then products online, then the name."""
    stores = Store.objects.active().filter(Exists(Product.objects.published().filter(store=OuterRef("pk"))))
    rated = stores.filter(Exists(Review.objects.filter(product__store=OuterRef("pk"))))
    if rated.count() >= STORES_SHOWN:
        stores = rated  # rated stores rank first: the best are all among them
    return list(_with_store_stats(stores).order_by(F("rating").desc(nulls_last=True), "-products_online", "name")
                .values_list("pk", flat=True)[:STORES_SHOWN])


def programme_band() -> dict:
    """Stores live, OCOP products online, sellers trained: the programme's headline."""
    scope = Scope(period=preset_period("year"))
    return {"stores_live": store_figures(scope)["live"], "ocop_online": ocop_figures(scope)["online"],
            "training": training_figures(scope)}


def rankings() -> dict:
    """{"products": ranked ids, "stores": ranked ids, "figures": the programme band}, as
    the beat task last stored them, or computed now when the cache holds none."""
    stored = cache.get(RANKINGS_KEY)
    return stored if stored is not None else refresh_rankings()


def refresh_rankings() -> dict:
    computed = {"products": ranked_product_ids(), "stores": ranked_store_ids(), "figures": programme_band()}
    cache.set(RANKINGS_KEY, computed, RANKINGS_SECONDS)
    return computed


def forget_rankings(**_kwargs) -> None:
    """A change that can move a ranking or a figure: the next request computes them again.
    Forgotten now and once more after the commit, so a request that read the rows before
    the commit cannot keep its copy. A cache that cannot be reached fails neither the change
    nor its answer: the copy then ages out (RANKINGS_SECONDS)."""
    _forget_stored_rankings()
    after_commit(_forget_stored_rankings)


def _forget_stored_rankings() -> None:
    try:
        cache.delete(RANKINGS_KEY)
    except Exception:  # noqa: BLE001 - any cache failure: logged, the write goes on
        logger.exception("Could not forget the home page rankings")


def _product_changed(sender, update_fields=None, **kwargs) -> None:
    # A price or stock edit (the seller's quick edit) moves no ranking: a product that ran
    # out is left out when the cards are read; one back in stock waits for the next refresh.
    if update_fields is None or not set(update_fields) <= {"price", "stock", "updated_at"}:
        forget_rankings()


def connect() -> None:
    """Called by cms.apps: the changes that matter to the rankings and the figures band."""
    from django.db.models.signals import post_delete, post_save

    from marketplace.models import StoreMember
    from training.signals import course_completed

    for signal in (post_save, post_delete):
        signal.connect(_product_changed, sender=Product, dispatch_uid=f"home-product-{signal is post_save}")
        for model in (Store, OcopCertificate, Review, StoreMember):
            signal.connect(forget_rankings, sender=model, dispatch_uid=f"home-{model.__name__}-{signal is post_save}")
    course_completed.connect(forget_rankings, dispatch_uid="home-course-completed")


def latest_news() -> dict:
    from cms.news import NewsIndexPage, NewsPage, with_covers

    return {
        "articles": list(with_covers(NewsPage.objects.live().public()).order_by("-date", "-pk")[:NEWS_SHOWN]),
        "index": NewsIndexPage.objects.live().first(),
    }

