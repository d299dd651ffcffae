"""The database backend bounds a search for words (SEARCH_DATABASE_MAX_MATCHES): past the cap
the total is "more than N", facets count the matches considered (the newest) and the hits
are ranked among them. A browse without words is not capped; Elasticsearch is not concerned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Category
from search.params import SearchParams
from search.service import search
from tests.factories.marketplace import ProductFactory, StoreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rice(django_capture_on_commit_callbacks):
    """Five rice products, oldest first (indexed in that order), in two groups."""
    food, herbs = Category.objects.get(slug="thuc-pham"), Category.objects.get(slug="thao-duoc")
    store = StoreFactory(name="Hợp tác xã Điện Biên")
    with django_capture_on_commit_callbacks(execute=True):
        return [ProductFactory(store=store, name=f"Gạo lứt Điện Biên {n}", category=food if n < 4 else herbs,
                               price=50_000 + n * 1000) for n in range(1, 6)]


def test_a_common_word_is_capped(settings, rice):
    settings.SEARCH_DATABASE_MAX_MATCHES = 3
    results = search(SearchParams(text="gao lut", type="product"))
    assert (results.total, results.capped, results.pages) == (3, True, 1)
    # Facets and hits come from the cap + 1 newest matches: "Gạo lứt Điện Biên 1" is not considered.
    assert [(f.value, f.count) for f in results.facets["group"]] == [("thao-duoc", 2), ("thuc-pham", 2)]
    assert sorted(hit.name for hit in results.hits) == [f"Gạo lứt Điện Biên {n}" for n in (2, 3, 4, 5)]


def test_under_the_cap_every_match_counts(settings, rice):
    settings.SEARCH_DATABASE_MAX_MATCHES = 5
    results = search(SearchParams(text="gao lut", type="product", sort="price_asc"))
    assert (results.total, results.capped) == (5, False)
    assert [(f.value, f.count) for f in results.facets["group"]] == [("thuc-pham", 3), ("thao-duoc", 2)]
    assert [hit.name for hit in results.hits] == [f"Gạo lứt Điện Biên {n}" for n in range(1, 6)]


def test_a_browse_without_words_is_not_capped(settings, rice):
    settings.SEARCH_DATABASE_MAX_MATCHES = 3
    results = search(SearchParams(type="product", group="thuc-pham"))
    assert (results.total, results.capped) == (3, False)
    assert (search(SearchParams(type="product")).total, search(SearchParams(type="product")).capped) == (5, False)


def test_zero_means_no_cap(settings, rice):
    settings.SEARCH_DATABASE_MAX_MATCHES = 0
    assert search(SearchParams(text="gao", type="product")).total == 5


def test_the_page_says_more_than(settings, rice, client):
    settings.SEARCH_DATABASE_MAX_MATCHES = 3
    body = " ".join(client.get("/search/", {"q": "gao lut"}).content.decode().split())
    assert "Hơn 3 kết quả: thêm từ hoặc bộ lọc để xem phần còn lại" in body
    assert 'Sản phẩm <span class="badge badge-muted">3+</span>' in body
    assert body.count('class="search-hit search-hit-product"') == 4


def test_the_api_says_capped(settings, rice, client):
    settings.SEARCH_DATABASE_MAX_MATCHES = 3
    data = client.get("/api/v1/search", {"q": "gao lut", "type": "product"}).json()
    assert (data["count"], data["capped"], len(data["results"])) == (3, True, 4)
    settings.SEARCH_DATABASE_MAX_MATCHES = 10
    data = client.get("/api/v1/search", {"q": "gao lut", "type": "product"}).json()
    assert (data["count"], data["capped"], len(data["results"])) == (5, False, 5)


def test_the_cap_bounds_the_sql(settings, rice):
    """Both queries of a capped search read the matches through one LIMIT (cap + 1)."""
    settings.SEARCH_DATABASE_MAX_MATCHES = 3
    with CaptureQueriesContext(connection) as ctx:
        search(SearchParams(text="gao lut", type="product"))
    searches = [q["sql"] for q in ctx.captured_queries if "text_folded" in q["sql"]]  # not the vocabulary
    assert len(searches) == 2
    assert all("LIMIT 4" in sql for sql in searches)
