"""The home page's live sections (`cms.models.home_sections`): featured products and
stores (editors' choice, else the best: OCOP stars then reviews), a band of programme
figures, the latest news and the starter course. A fixed number of queries whatever the
amount of data: every list is one query plus fixed prefetches."""

from django.db.models import Avg, Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from wagtail.images import get_image_model

from cms.program.figures import Scope
from cms.program.figures.catalogue import ocop_figures, store_figures
from cms.program.figures.sellers import training_figures
from cms.program.periods import preset_period
from marketplace.models import OcopCertificate, Product, Store
from marketplace.orders.models import Review
from marketplace.selectors import LOGO_RENDITIONS, photos_prefetch, with_card_stats
from training.selectors import starter_course

PRODUCTS_SHOWN = 8
STORES_SHOWN = 6
NEWS_SHOWN = 3


def build_home_sections(page) -> dict:
    return {
        "products": {"template": "cms/home/products.html", "products": featured_products(page)},
        "figures": {"template": "cms/home/figures.html", **programme_band()},
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
    online = Product.objects.published().in_stock()
    stars = _stars_floor(online, PRODUCTS_SHOWN)
    if stars:
        # At least PRODUCTS_SHOWN products hold `stars` or more, so the best ones are all
        # among them: rank those instead of every product of the province (same result).
        online = online.filter(Exists(OcopCertificate.objects.valid().filter(product=OuterRef("pk"),
                                                                            stars__gte=stars)))
    return list(product_cards(online)
                .order_by(F("ocop_stars").desc(nulls_last=True), F("rating").desc(nulls_last=True),
                          "-published_at", "-pk")[:PRODUCTS_SHOWN])


def _stars_floor(products, needed: int) -> int | None:
    """The highest OCOP stars level n such that `needed` of `products` hold a valid
    certificate of n stars or more (one aggregate over the certificates), or None."""
    at_least = OcopCertificate.objects.valid().filter(product__in=products).aggregate(
        **{f"s{n}": Count("product", distinct=True, filter=Q(stars__gte=n)) for n in (5, 4, 3)})
    return next((n for n in (5, 4, 3) if at_least[f"s{n}"] >= needed), None)


def store_cards(queryset):
    online = Q(products__status=Product.Status.PUBLISHED)
    logos = get_image_model().objects.prefetch_renditions(*LOGO_RENDITIONS)
    return (queryset.prefetch_related(Prefetch("logo", queryset=logos))
            .annotate(products_online=Count("products", filter=online, distinct=True),
                      rating=Avg("products__reviews__rating")))


def featured_stores(page) -> list:
    from cms.models import HomeFeaturedStore

    chosen = HomeFeaturedStore.objects.filter(page=page)
    order = chosen.filter(store=OuterRef("pk")).values("sort_order")[:1]
    picked = list(store_cards(Store.objects.active().filter(pk__in=chosen.values("store_id")))
                  .annotate(feature_order=Subquery(order)).order_by("feature_order", "pk")[:STORES_SHOWN])
    if picked:
        return picked
    stores = Store.objects.active().filter(Exists(Product.objects.published().filter(store=OuterRef("pk"))))
    rated = stores.filter(Exists(Review.objects.filter(product__store=OuterRef("pk"))))
    if rated.count() >= STORES_SHOWN:
        stores = rated  # rated stores rank first: the best are all among them
    return list(store_cards(stores)
                .order_by(F("rating").desc(nulls_last=True), "-products_online", "name")[:STORES_SHOWN])


def programme_band() -> dict:
    """Stores live, OCOP products online, sellers trained: the programme's headline."""
    scope = Scope(period=preset_period("year"))
    return {"stores_live": store_figures(scope)["live"], "ocop_online": ocop_figures(scope)["online"],
            "training": training_figures(scope)}


def latest_news() -> dict:
    from cms.news import NewsIndexPage, NewsPage, with_covers

    return {
        "articles": list(with_covers(NewsPage.objects.live().public()).order_by("-date", "-pk")[:NEWS_SHOWN]),
        "index": NewsIndexPage.objects.live().first(),
    }

