"""/search/: sections, facets, sort, pages, did-you-mean, helpful empty pages, bad input."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.marketplace import ProductFactory, StoreFactory

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def test_results_with_tabs_sections_facets_and_highlights(catalogue, client):
    response = client.get("/search/", {"q": "nuoc mam"})
    assert response.status_code == 200
    body = html(response)
    assert '<mark>Nước</mark> <mark>mắm</mark> cá cơm Sa Huỳnh 40 độ đạm' in body
    assert 'href="/products/' in body
    # Tabs: 3 products (the store's other products mention it), 1 store, 0 courses.
    assert '<a href="?q=nuoc+mam&amp;type=product" aria-current="page">' in body
    assert 'href="?q=nuoc+mam&amp;type=store"' in body and 'href="?q=nuoc+mam&amp;type=course"' in body
    assert '<mark>Nước</mark> <mark>mắm</mark> Sa Huỳnh' in body  # the store section
    assert 'href="?q=nuoc+mam&amp;group=thuc-pham">Thực phẩm</a> <span class="muted">(3)</span>' in body
    assert 'href="?q=nuoc+mam&amp;min_price=100000&amp;max_price=299999">' in body
    assert len(response.content) < 60_000


def test_a_facet_link_narrows_the_results(catalogue, client):
    everything = client.get("/search/", {"q": "tra"})
    assert 'href="?q=tra&amp;group=do-uong">Đồ uống</a> <span class="muted">(2)</span>' in html(everything)
    drinks = client.get("/search/", {"q": "tra", "group": "do-uong"})
    body = html(drinks)
    assert body.count('class="search-hit search-hit-product"') == 2
    assert "Shan tuyết cổ thụ" in body and "Bánh tráng" not in body
    assert 'href="?q=tra"' in body  # remove the filter


def test_sort_and_pages(catalogue, client):
    response = client.get("/search/", {"type": "product", "sort": "price_asc", "page": "1"})
    body = html(response)
    assert body.index("Bánh tráng mè đen") < body.index("Đậu phộng rang muối") < body.index("Trà Shan tuyết")
    assert '<option value="price_asc" selected>' in body


def test_did_you_mean(catalogue, client):
    body = html(client.get("/search/", {"q": "mat ongg"}))
    assert '<a href="?q=m%E1%BA%ADt%20ong">mật ong</a>' in body


def test_landing_and_nonsense_pages_are_helpful(catalogue, client):
    landing = client.get("/search/")
    assert landing.status_code == 200
    assert '<a href="?group=thuc-pham&amp;type=product">Thực phẩm</a> <span class="muted">(6)</span>' in html(landing)
    nonsense = client.get("/search/", {"q": "qwxzv"})
    assert nonsense.status_code == 200
    assert '<a href="?group=do-uong&amp;type=product">Đồ uống</a> <span class="muted">(2)</span>' in html(nonsense)
    assert "qwxzv" in html(nonsense)


def test_empty_catalogue_still_answers(db, client):
    assert client.get("/search/", {"q": "mat ong"}).status_code == 200
    assert client.get("/search/").status_code == 200


@pytest.mark.parametrize("params", [{"page": "abc"}, {"stars": "7"}, {"min_price": "500", "max_price": "100"},
                                    {"type": "order"}, {"q": "x" * 101}, {"page": "0"}])
def test_bad_parameters_answer_400_with_the_reason(db, client, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert 'class="message message-error" role="alert"' in html(response)


def test_everything_is_escaped_but_our_marks(catalogue, client):
    body = html(client.get("/search/", {"q": '<script>alert("x")</script> mat'}))
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; mat" in body


def test_query_count_is_the_same_for_1_and_many_results(db, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ProductFactory(name="Nước mắm nhĩ số 0", store=StoreFactory(name="Cơ sở nước mắm 0"))
    client.get("/search/", {"q": "nuoc mamm"})  # once-per-process work: site settings, did-you-mean vocabulary
    with CaptureQueriesContext(connection) as one:
        body = html(client.get("/search/", {"q": "nuoc mam"}))
    assert body.count('class="search-hit search-hit-product"') == 1
    with django_capture_on_commit_callbacks(execute=True):
        stores = [StoreFactory(name=f"Cơ sở nước mắm {i}") for i in range(1, 6)]
        for i in range(30):
            ProductFactory(name=f"Nước mắm cá cơm {i}", store=stores[i % 5])
    with CaptureQueriesContext(connection) as many:
        body = html(client.get("/search/", {"q": "nuoc mam"}))
    assert body.count('class="search-hit search-hit-product"') == 20
    assert body.count('class="search-hit search-hit-store"') == 3
    assert [q["sql"][:60] for q in many] == [q["sql"][:60] for q in one]


def test_the_page_works_without_javascript(catalogue, client):
    body = html(client.get("/search/", {"q": "tra"}))
    assert '<form class="search-form" action="/search/" method="get" role="search">' in body
    assert body.count("js/site.js") == 1  # autocomplete lives in site.js, deferred
    assert 'rel="next"' not in body  # one page only
