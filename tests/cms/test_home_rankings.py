"""The home page's rankings and figures come from the cache (cms/home.py): a beat task
refreshes them every few minutes, a request computes them only when the cache has none, and
the changes that can move them forget the stored copy — a price or stock edit does not."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import home
from cms.models import HomePage, home_sections
from cms.tasks import refresh_home_rankings
from marketplace.models import Product
from marketplace.services.products import product_quick_update
from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory
from tests.factories.programme import OrderFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def shown(page=None):
    sections = home_sections(page or HomePage.objects.get())
    return [p.name for p in sections["products"]["products"]], sections["figures"]["stores_live"]


def test_computed_once_then_read_from_the_cache():
    CertificateFactory(stars=5, product__name="Mật ong rừng")
    page = HomePage.objects.get()
    with CaptureQueriesContext(connection) as first:
        assert shown(page) == (["Mật ong rừng"], 1)
    with CaptureQueriesContext(connection) as second:
        assert shown(page) == (["Mật ong rừng"], 1)
    assert len(second) < len(first)
    assert cache.get(home.RANKINGS_KEY)["figures"]["stores_live"] == 1


def test_the_beat_task_stores_them():
    product = CertificateFactory(stars=4).product
    assert django_settings.CELERY_BEAT_SCHEDULE["home-rankings"] == {
        "task": "cms.tasks.refresh_home_rankings", "schedule": float(home.REFRESH_SECONDS)}
    refresh_home_rankings.delay()
    assert cache.get(home.RANKINGS_KEY)["products"] == [product.pk]


def test_a_new_certificate_or_review_is_shown_at_once():
    CertificateFactory(stars=4, product__name="Trà Shan tuyết")
    assert shown()[0] == ["Trà Shan tuyết"]
    CertificateFactory(stars=5, product__name="Mật ong rừng")
    assert shown()[0] == ["Mật ong rừng", "Trà Shan tuyết"]
    rated = ProductFactory(name="Bánh ít lá gai")
    ReviewFactory(product=rated, order=OrderFactory(store=rated.store), rating=5)
    assert shown()[0] == ["Mật ong rừng", "Trà Shan tuyết", "Bánh ít lá gai"]


def test_a_price_or_stock_edit_keeps_the_rankings_and_the_cards_stay_fresh():
    best = CertificateFactory(stars=5, product__name="Mật ong rừng").product
    other = CertificateFactory(stars=4, product__name="Trà Shan tuyết").product
    shown()
    stored = cache.get(home.RANKINGS_KEY)
    product_quick_update(product=best, price=99_000, stock=0)  # sold out: left out when read
    assert cache.get(home.RANKINGS_KEY) == stored
    assert shown()[0] == ["Trà Shan tuyết"]
    product_quick_update(product=other, price=77_000, stock=3)
    assert [p.price for p in home_sections(HomePage.objects.get())["products"]["products"]] == [77_000]
    Product.objects.filter(pk=best.pk).update(stock=5)  # back in stock: shown again, still ranked first
    assert shown()[0] == ["Mật ong rừng", "Trà Shan tuyết"]


def test_a_store_going_live_or_a_course_completed_refreshes_the_figures():
    from training.signals import course_completed

    CertificateFactory(stars=4)
    assert shown()[1] == 1
    StoreFactory(owner=UserFactory())
    assert shown()[1] == 2
    stored = {"products": [], "stores": [], "figures": {"stores_live": 7}}
    cache.set(home.RANKINGS_KEY, stored)
    assert shown()[1] == 7  # what the cache holds is what the page shows…
    course_completed.send(sender=None, user=UserFactory(), course=None)
    assert shown()[1] == 2  # …until a change that matters
