"""The search page from the page cache: the same for everyone apart from the visitor parts,
kept at most SEARCH_PAGE_CACHE_SECONDS (the index changes after the commit, which no tag
follows), refreshed at once when a product on it changes."""

import pytest
from django.core.cache import cache
from django.test import Client

from core import cache as page_cache
from marketplace.services.products import product_quick_update
from search.urls import SEARCH_PAGE_CACHE_SECONDS
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db
URL = "/search/?q=mat+ong"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def honey(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # indexed after the commit, as always
        return ProductFactory(name="Mật ong rừng U Minh", price=150_000, stock=5)


def test_search_results_are_served_from_the_cache_to_everyone_with_the_backend_header(honey):
    first = Client().get(URL)
    assert (first["X-Page-Cache"], first["X-Search-Backend"]) == ("miss", "database")
    again = Client().get(URL)
    assert (again["X-Page-Cache"], again["X-Search-Backend"]) == ("hit", "database")
    assert 'class="card product-card"' in again.content.decode()
    buyer = Client()
    buyer.force_login(UserFactory(email="lan@example.vn"))
    mine = buyer.get(URL)
    assert mine["X-Page-Cache"] == "hit"
    assert "rừng U Minh" in mine.content.decode()  # the name, "Mật ong" highlighted


def test_a_search_copy_is_kept_only_its_seconds(honey, monkeypatch):
    assert Client().get(URL)["X-Page-Cache"] == "miss"
    built = page_cache.time.time()
    monkeypatch.setattr(page_cache.time, "time", lambda: built + SEARCH_PAGE_CACHE_SECONDS - 1)
    assert Client().get(URL)["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache.time, "time", lambda: built + SEARCH_PAGE_CACHE_SECONDS + 1)
    assert Client().get(URL)["X-Page-Cache"] == "miss"


def test_a_price_change_of_a_product_found_refreshes_the_results(honey, django_capture_on_commit_callbacks):
    assert Client().get(URL)["X-Page-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        product_quick_update(product=honey, price=99_000, stock=5)
    fresh = Client().get(URL)
    assert fresh["X-Page-Cache"] == "miss"
    assert "99.000" in fresh.content.decode()


def test_a_refused_search_is_never_cached():
    assert [Client().get("/search/?page=abc").status_code for _ in range(2)] == [400, 400]
    assert "X-Page-Cache" not in Client().get("/search/?page=abc")
