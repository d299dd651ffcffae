"""The anonymous page cache serves repeat visitors from cache, never shares CSRF tokens,
and forgets everything the moment the catalogue changes."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.page_cache_urls")]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


def _token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def test_second_anonymous_visit_is_a_hit_with_its_own_working_csrf_token():
    ProductFactory(price=120_000)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    a = first.get("/prices/")
    b = second.get("/prices/")
    assert (a["X-Page-Cache"], b["X-Page-Cache"]) == ("miss", "hit")
    assert "<p>120000</p>" in b.content.decode()
    assert "__CSRF_TOKEN__" not in b.content.decode()
    assert _token(a) != _token(b)
    # The cached page's form posts for the second visitor (cookie set on the cached response).
    assert "csrftoken" in b.cookies
    assert second.post("/post/", {"csrfmiddlewaretoken": _token(b)}).status_code == 200


def test_any_catalogue_change_invalidates():
    product = ProductFactory(price=120_000)
    Client().get("/prices/")
    product.price = 99_000
    product.save()
    response = Client().get("/prices/")
    assert response["X-Page-Cache"] == "miss"
    assert "<p>99000</p>" in response.content.decode()


def test_signed_in_and_session_visitors_are_never_cached(client):
    ProductFactory()
    client.force_login(UserFactory())
    assert "X-Page-Cache" not in client.get("/prices/")
    with_session = Client()
    with_session.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in with_session.get("/prices/")


def test_off_when_lifetime_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    ProductFactory()
    assert "X-Page-Cache" not in Client().get("/prices/")


def _entries() -> int:
    return sum(1 for key in cache._cache if ":page:" in key)  # LocMemCache's own keys


def test_tracking_parameters_and_parameter_order_share_one_entry():
    """RELIABILITY 33: 500 `?utm_source=N` once made 500 entries."""
    ProductFactory(price=120_000)
    assert Client().get("/prices/?page=2&sort=price")["X-Page-Cache"] == "miss"
    for n in range(50):
        tracked = Client().get(f"/prices/?utm_source=zalo{n}&sort=price&fbclid=x{n}&page=2&gclid={n}")
        assert tracked["X-Page-Cache"] == "hit"
    assert Client().get("/prices/?sort=price&page=2")["X-Page-Cache"] == "hit"
    assert Client().get("/prices/?page=3&sort=price")["X-Page-Cache"] == "miss"  # a real parameter is a page
    assert _entries() == 2


def test_one_path_cannot_flood_the_cache(monkeypatch):
    import core.cache

    monkeypatch.setattr(core.cache, "MAX_VARIANTS_PER_PATH", 5)
    ProductFactory()
    answers = [Client().get(f"/prices/?q={n}").get("X-Page-Cache") for n in range(8)]
    assert answers == ["miss"] * 5 + [None] * 3  # past the bound: served, not stored
    assert Client().get("/prices/?q=7").get("X-Page-Cache") is None
    assert Client().get("/prices/?q=0")["X-Page-Cache"] == "hit"  # the first five stay cached
    assert Client().get("/prices/")["X-Page-Cache"] == "miss"  # the bare path is not a variant
    assert _entries() == 6
