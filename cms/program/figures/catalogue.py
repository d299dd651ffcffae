"""Stores, products, OCOP stars and product groups: one aggregate query per figure."""

from django.db.models import Count, Q

from cms.program.figures.scope import Scope, share
from cms.program.figures.weekly import per_week
from marketplace.models import OcopCertificate, Product, Store


def store_figures(scope: Scope) -> dict:
    """Stores live now, and how many went live in the period."""
    return Store.objects.filter(**scope.province_q()).aggregate(
        live=Count("pk", filter=Q(status=Store.Status.ACTIVE)),
        went_live=Count("pk", filter=Q(status=Store.Status.ACTIVE, **scope.between("went_live_at"))),
        total=Count("pk"),
    )


def product_figures(scope: Scope) -> dict:
    """Products buyers can see now, and how many of them were published in the period."""
    return Product.objects.published().filter(**scope.province_q("store__province_code")).aggregate(
        published=Count("pk"),
        published_in_period=Count("pk", filter=Q(**scope.between("published_at"))),
    )


def ocop_figures(scope: Scope) -> dict:
    """OCOP products online by stars (a verified, unexpired certificate behind them),
    out of every product holding such a certificate: the "share of OCOP products online"."""
    # A product counts once, at its best stars: "n stars or more" are distinct counts in
    # one pass over the certificates, and "exactly n" is the difference of two of them.
    at_least = (OcopCertificate.objects.valid().filter(product__in=Product.objects.published())
                .filter(**scope.province_q("product__store__province_code"))
                .aggregate(**{f"s{n}": Count("product", distinct=True, filter=Q(stars__gte=n)) for n in (5, 4, 3)}))
    by_stars = {5: at_least["s5"], 4: at_least["s4"] - at_least["s5"], 3: at_least["s3"] - at_least["s4"]}
    certified = (OcopCertificate.objects.valid().filter(**scope.province_q("product__store__province_code"))
                 .aggregate(n=Count("product", distinct=True))["n"])
    online = sum(by_stars.values())
    return {"by_stars": by_stars, "online": online, "certified": certified, "share": share(online, certified)}


def province_catalogue(scope: Scope) -> dict[int, dict]:
    """Per province: stores live, products online, OCOP products online."""
    result: dict[int, dict] = {}
    stores = (Store.objects.active().filter(**scope.province_q()).values("province_code")
              .annotate(n=Count("pk")).order_by())
    for row in stores:
        result.setdefault(row["province_code"], {})["stores_live"] = row["n"]
    products = (Product.objects.published().with_ocop_stars().filter(**scope.province_q("store__province_code"))
                .values("store__province_code")
                .annotate(n=Count("pk"), ocop=Count("pk", filter=Q(ocop_stars__isnull=False))).order_by())
    for row in products:
        entry = result.setdefault(row["store__province_code"], {})
        entry["products_online"] = row["n"]
        entry["ocop_online"] = row["ocop"]
    return result


def weekly_catalogue(scope: Scope) -> dict[str, dict]:
    """Stores that went live and products published, per week of the period."""
    return {
        "stores_went_live": per_week(Store.objects.active().filter(**scope.province_q()), "went_live_at", scope),
        "products_published": per_week(
            Product.objects.published().filter(**scope.province_q("store__province_code")), "published_at", scope),
    }

