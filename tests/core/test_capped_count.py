"""Pagination counts at most COUNT_CAP + 1 rows (core/paging.py): the catalogue says "more
than 10,000 products" instead of counting the whole catalogue on every page."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from core import paging
from core.paging import CappedPaginator
from marketplace.models import Product
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db


def test_counts_up_to_the_cap_and_says_so():
    ProductFactory.create_batch(3)
    products = Product.objects.order_by("pk")
    capped = CappedPaginator(products, 1, cap=2)
    with CaptureQueriesContext(connection) as ctx:
        assert (capped.count, capped.capped, capped.num_pages) == (2, True, 2)
    assert len(ctx) == 1 and "LIMIT 3" in ctx[0]["sql"] and "ORDER BY" not in ctx[0]["sql"]
    exact = CappedPaginator(products, 1, cap=3)
    assert (exact.count, exact.capped, exact.num_pages) == (3, False, 3)


def test_the_catalogue_says_more_than(client, monkeypatch):
    ProductFactory.create_batch(3)
    monkeypatch.setattr(paging, "COUNT_CAP", 2)
    body = client.get("/products/").content.decode()
    assert '<p class="muted" role="status">Hơn 2 sản phẩm</p>' in body
    monkeypatch.setattr(paging, "COUNT_CAP", 10_000)
    assert '<p class="muted" role="status">3 sản phẩm</p>' in client.get("/products/").content.decode()


def test_a_capped_count_is_grouped_the_vietnamese_way():
    with translation.override("vi"):
        assert Template("{% load paging %}{{ n|grouped }}").render(Context({"n": 10_000})) == "10.000"
    with translation.override("en"):
        assert Template("{% load paging %}{{ n|grouped }}").render(Context({"n": 10_000})) == "10,000"


def test_the_page_links_say_more_than():
    template = Template('{% include "includes/pagination.html" with number=2 pages=417 capped=True %}')
    with translation.override("vi"):
        html = template.render(Context({"request": RequestFactory().get("/products/?page=2")}))
    assert "<span>Trang 2 / hơn 417</span>" in html


def test_large_counts_are_remembered_a_minute_small_ones_counted_every_time(monkeypatch):
    from django.core.cache import cache

    cache.clear()
    monkeypatch.setattr(paging, "REMEMBERED_FROM", 3)
    first_pk = ProductFactory.create_batch(3)[0].pk
    products = Product.objects.order_by("pk")
    with CaptureQueriesContext(connection) as first:
        assert CappedPaginator(products, 1).count == 3
    ProductFactory()
    with CaptureQueriesContext(connection) as again:
        assert CappedPaginator(products, 1).count == 3  # the remembered count, no query
    assert (len(first), len(again)) == (1, 0)
    with CaptureQueriesContext(connection) as other:  # another query: its own count
        assert CappedPaginator(products.filter(pk__gt=first_pk), 1).count == 3
    with CaptureQueriesContext(connection) as small:
        assert CappedPaginator(products.filter(pk__gt=first_pk + 1), 1).count == 2
        assert CappedPaginator(products.filter(pk__gt=first_pk + 1), 1).count == 2
    assert (len(other), len(small)) == (1, 2)
