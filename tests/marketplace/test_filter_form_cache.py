"""The catalogue's filter fields are rendered once per language, values and product groups
(marketplace/templatetags/catalogue_filters.py); errors and typed prices are rendered each time."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Category
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db


def category_reads(client, url):
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(url).content.decode()
    return body, [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT")
                  and 'FROM "marketplace_category"' in q["sql"].split(" WHERE ")[0]]


def test_the_fields_are_rendered_once_and_the_same(client):
    ProductFactory()
    first, reads = category_reads(client, "/products/")
    assert reads  # the form's groups (its choices are read at each rendering of the select)
    again, reads = category_reads(client, "/products/")
    assert reads == []
    form = re.compile(r'<form class="filters catalogue-filters".*?</form>', re.S)
    assert form.search(again).group() == form.search(first).group()
    assert '<option value="thuc-pham">Thực phẩm</option>' in first


def test_a_renamed_group_shows_at_once(client):
    ProductFactory()
    client.get("/products/")
    Category.objects.filter(slug="thuc-pham").update(name="x")  # a bulk update sends no signal…
    assert "Thực phẩm</option>" in client.get("/products/").content.decode()
    food = Category.objects.get(slug="thuc-pham")
    food.name = "Thực phẩm khô"
    food.save()  # …a save does
    assert '<option value="thuc-pham">Thực phẩm khô</option>' in client.get("/products/").content.decode()


def test_chosen_values_have_their_own_copy_and_errors_are_not_cached(client):
    ProductFactory()
    chosen = client.get("/products/?group=do-uong&sort=price_asc").content.decode()
    assert '<option value="do-uong" selected>Đồ uống</option>' in chosen
    assert '<option value="do-uong" selected>' not in client.get("/products/").content.decode()
    bad = client.get("/products/?stars=9").content.decode()
    assert "Số sao OCOP phải là 3, 4 hoặc 5." in bad
    typed = client.get("/products/?min_price=50000").content.decode()
    assert 'name="min_price" value="50000"' in typed
    assert 'value="60000"' in client.get("/products/?min_price=60000").content.decode()
