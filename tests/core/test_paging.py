"""templates/includes/pagination.html and its `{% page_url %}` (core/templatetags/paging.py):
the one page-links partial, plain links that keep the other query parameters."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from tests.factories.marketplace import ProductFactory, StoreFactory

LINKS = '{% include "includes/pagination.html" with number=number pages=pages page_param=page_param %}'


def render(url, **context):
    with translation.override("vi"):
        return Template(LINKS).render(Context({"request": RequestFactory().get(url), **context}))


def test_links_keep_the_other_parameters_and_replace_the_page():
    html = render("/products/?sort=price_asc&page=2&group=tra", number=2, pages=3)
    assert " ".join(html.split()) == (
        '<nav class="pagination" aria-label="Trang"> '
        '<a href="?sort=price_asc&amp;page=1&amp;group=tra" rel="prev">‹ Trang trước</a> '
        '<span>Trang 2 / 3</span> '
        '<a href="?sort=price_asc&amp;page=3&amp;group=tra" rel="next">Trang sau ›</a> </nav>')


def test_first_and_last_pages_link_one_way_and_a_single_page_shows_nothing():
    first = render("/orders/?status=paid", number=1, pages=2)
    assert 'href="?status=paid&amp;page=2" rel="next"' in first and 'rel="prev"' not in first
    last = render("/orders/?status=paid&page=2", number=2, pages=2)
    assert 'href="?status=paid&amp;page=1" rel="prev"' in last and 'rel="next"' not in last
    assert render("/orders/", number=1, pages=1).strip() == ""


def test_another_page_parameter():
    html = render("/admin/review/?status=submitted&p=2", number=2, pages=3, page_param="p")
    assert 'href="?status=submitted&amp;p=1" rel="prev"' in html and 'href="?status=submitted&amp;p=3"' in html


@pytest.mark.django_db
def test_the_catalogue_pages_through_the_partial(client):
    store = StoreFactory()
    for _ in range(25):
        ProductFactory(store=store)
    html = client.get("/products/?sort=price_asc").content.decode()
    assert '<span>Trang 1 / 2</span>' in html
    assert '<a href="?sort=price_asc&amp;page=2" rel="next">Trang sau ›</a>' in html
    second = client.get("/products/?sort=price_asc&page=2").content.decode()
    assert '<a href="?sort=price_asc&amp;page=1" rel="prev">‹ Trang trước</a>' in second
