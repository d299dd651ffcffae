"""The dashboard's figures equal what the database holds (exact values, and the same
numbers counted directly with the ORM)."""

import pytest
from django.db.models import Avg, Sum

from cms.program.figures import Scope, dashboard_figures
from cms.program.periods import preset_period
from marketplace.models import Product, Store, StoreMember
from marketplace.orders.models import Order, Review
from onboarding.models import SellerApplication
from tests.program.conftest import HANOI, HUE

pytestmark = pytest.mark.django_db

SALES = ["confirmed", "paid", "shipped", "delivered", "completed"]


def figures(provinces=None):
    return dashboard_figures(Scope(period=preset_period("last30"), provinces=provinces))


def test_figures_for_all_provinces(programme):
    d = figures()
    period = d.scope.period
    assert d.stores == {"live": 5, "went_live": 3, "total": 7}
    assert d.stores["live"] == Store.objects.filter(status="active").count()
    assert d.products == {"published": 4, "published_in_period": 3}
    assert d.products["published"] == Product.objects.filter(status="published", store__status="active").count()
    assert d.ocop == {"by_stars": {5: 1, 4: 2, 3: 0}, "online": 3, "certified": 4, "share": 75.0}
    assert d.training == {"sellers": 6, "trained": 2, "trained_in_period": 1, "share": 33.3}
    assert d.training["sellers"] == StoreMember.objects.filter(role="owner").values("user").distinct().count()

    sales = Order.objects.filter(status__in=SALES, created_at__gte=period.start_at, created_at__lt=period.end_at)
    assert d.payments["orders"] == sales.count() == 4
    assert d.payments["sales"] == sales.aggregate(s=Sum("total"))["s"] == 1_620_000
    assert d.payments["methods"] == [
        {"method": "vietqr", "orders": 1, "sales": 630_000, "share": 25.0},
        {"method": "cod", "orders": 2, "sales": 510_000, "share": 50.0},
        {"method": "stripe", "orders": 1, "sales": 480_000, "share": 25.0},
    ]
    assert (d.payments["cashless_orders"], d.payments["cashless_share"]) == (2, 50.0)
    assert d.payments["cashless_value_share"] == round(100 * 1_110_000 / 1_620_000, 1)
    assert d.reviews == {"average": 4.0, "count": 3}
    assert d.reviews["average"] == Review.objects.aggregate(a=Avg("rating"))["a"]
    assert [(g["name"], g["sales"], g["products_online"]) for g in d.groups] == [
        ("Thực phẩm", 1_500_000, 3), ("Đồ uống", 0, 1)]

    assert {row["state"]: row["count"] for row in d.applications["by_state"]} == {
        "draft": 1, "submitted": 1, "approved": 1, "changes_requested": 1, "rejected": 1}
    assert d.applications["submitted_in_period"] == SellerApplication.objects.filter(
        submitted_at__gte=period.start_at).count() == 4

    assert d.provinces == {
        HUE: {"stores_live": 3, "products_online": 3, "ocop_online": 2, "orders": 3, "sales": 990_000},
        HANOI: {"stores_live": 2, "products_online": 1, "ocop_online": 1, "orders": 1, "sales": 630_000},
    }


def test_weekly_series_add_up_to_the_period_totals(programme):
    d = figures()
    weeks = d.scope.period.week_starts()
    assert list(d.weekly["sales"]) == weeks and len(weeks) in (5, 6)
    assert sum(n for n, _total in d.weekly["sales"].values()) == 4
    assert sum(total for _n, total in d.weekly["sales"].values()) == 1_620_000
    assert sum(d.weekly["stores_went_live"].values()) == 3
    assert sum(d.weekly["products_published"].values()) == 3
    assert sum(d.weekly["applications"].values()) == 4


def test_one_province(programme):
    d = figures(frozenset({HUE}))
    assert d.stores["live"] == Store.objects.filter(status="active", province_code=HUE).count() == 3
    assert d.products == {"published": 3, "published_in_period": 2}
    assert d.ocop == {"by_stars": {5: 1, 4: 1, 3: 0}, "online": 2, "certified": 3, "share": 66.7}
    assert d.training == {"sellers": 4, "trained": 2, "trained_in_period": 1, "share": 50.0}
    assert (d.payments["orders"], d.payments["sales"], d.payments["cashless_share"]) == (3, 990_000, 33.3)
    assert d.reviews == {"average": 4.5, "count": 2}
    assert d.applications["total"] == 4
    assert list(d.provinces) == [HUE]


def test_nothing_yet_is_zero_not_an_error(db):
    d = figures()
    assert d.stores == {"live": 0, "went_live": 0, "total": 0}
    assert d.ocop["share"] is None and d.training["share"] is None and d.payments["cashless_share"] is None
    assert d.reviews == {"average": None, "count": 0}
    assert d.groups == [] and d.provinces == {}
