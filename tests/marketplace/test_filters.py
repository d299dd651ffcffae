"""marketplace/forms/filters.py: one definition of the product filters, behind the catalogue
(/products/, a storefront) and search (/search/, /api/v1/search)."""

import pytest
from django.utils import translation

from marketplace.forms.catalogue import CatalogueFilterForm
from marketplace.forms.filters import MAX_PRICE, ProductFilterForm, parse_flag
from search.forms import SearchForm
from tests.factories.marketplace import HUE

pytestmark = pytest.mark.django_db
FILTERS = ["group", "province", "stars", "min_price", "max_price", "in_stock"]
PRICE_CHECK = "Giá cao nhất không được thấp hơn giá thấp nhất."


@pytest.mark.parametrize("form_class", [CatalogueFilterForm, SearchForm])
def test_catalogue_and_search_use_the_same_filter_fields(form_class):
    assert [form_class.base_fields[name] for name in FILTERS] == [ProductFilterForm.base_fields[name]
                                                                  for name in FILTERS]
    assert all(form_class.base_fields[name] is ProductFilterForm.base_fields[name] for name in FILTERS)


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"group": "khong-co"}, "group", "Không có nhóm sản phẩm này."),
    ({"province": "999"}, "province", "Không có tỉnh/thành phố này."),
    ({"province": "abc"}, "province", "Không có tỉnh/thành phố này."),
    ({"stars": "2"}, "stars", "Số sao OCOP phải là 3, 4 hoặc 5."),
    ({"min_price": "abc"}, "min_price", "Giá “abc” không phải số đồng nguyên."),
    ({"max_price": "120,5"}, "max_price", "Giá “120,5” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách "
                                          "hàng nghìn, ví dụ 120.000."),
    ({"min_price": "-5"}, "min_price", "Giá “-5” là số âm."),
    ({"min_price": "900", "max_price": "100"}, "max_price", PRICE_CHECK),
    ({"in_stock": "maybe"}, "in_stock", "in_stock phải là true hoặc false."),
])
def test_a_bad_filter_is_refused_with_the_same_message_by_both_forms(data, field, message):
    with translation.override("vi"):
        for form_class in (CatalogueFilterForm, SearchForm):
            form = form_class(data)
            assert not form.is_valid()
            assert form.errors == {field: [message]}


def test_prices_are_bounded_alike():
    for form_class in (CatalogueFilterForm, SearchForm):
        assert form_class({"min_price": "0", "max_price": str(MAX_PRICE)}).is_valid()
        assert list(form_class({"min_price": "-1", "max_price": str(MAX_PRICE + 1)}).errors) == ["min_price",
                                                                                                "max_price"]


def test_good_filters_are_cleaned_alike():
    data = {"group": "thuc-pham", "province": str(HUE), "stars": "4", "min_price": "1000", "max_price": "1000",
            "in_stock": "on"}
    for form_class in (CatalogueFilterForm, SearchForm):
        form = form_class(data)
        assert form.is_valid(), form.errors
        assert {name: form.cleaned_data[name] for name in FILTERS} == {
            "group": "thuc-pham", "province": HUE, "stars": 4, "min_price": 1000, "max_price": 1000, "in_stock": True}


@pytest.mark.parametrize(("raw", "flag"), [
    ("on", True), ("1", True), ("TRUE", True), (" yes ", True), ("0", False), ("false", False), ("off", False),
    ("no", False), ("", False), (None, False), ("maybe", None), ("2", None),
])
def test_parse_flag(raw, flag):
    assert parse_flag(raw) is flag


def test_in_stock_is_a_checkbox_sending_on():
    assert str(CatalogueFilterForm()["in_stock"]) == '<input type="checkbox" name="in_stock" id="id_in_stock">'
    assert str(CatalogueFilterForm({"in_stock": "1"})["in_stock"]) == (
        '<input type="checkbox" name="in_stock" id="id_in_stock" checked>')
    assert str(CatalogueFilterForm({"in_stock": "maybe"})["in_stock"]) == (
        '<input type="checkbox" name="in_stock" aria-invalid="true" aria-describedby="id_in_stock_error" '
        'id="id_in_stock">')


def test_the_catalogue_the_search_page_and_the_api_give_the_same_reason(client):
    query = {"min_price": "900", "max_price": "100"}
    catalogue = client.get("/products/", query)
    assert catalogue.status_code == 400 and PRICE_CHECK in catalogue.content.decode()
    search = client.get("/search/", query)
    assert search.status_code == 400
    assert f'<p class="message message-error" role="alert">{PRICE_CHECK}</p>' in search.content.decode()
    api = client.get("/api/v1/search", query)
    assert (api.status_code, api.json()) == (422, {"detail": PRICE_CHECK})
    in_stock = client.get("/products/", {"in_stock": "maybe"})
    assert in_stock.status_code == 400 and "in_stock phải là true hoặc false." in in_stock.content.decode()


@pytest.mark.parametrize("form_class", [CatalogueFilterForm, SearchForm])
def test_prices_are_read_as_people_type_them(form_class):
    """The same reading as the seller's price box and the CSV import (core.money.parse_vnd)."""
    form = form_class({"min_price": "120.000", "max_price": "250.000 ₫"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["min_price"], form.cleaned_data["max_price"]) == (120_000, 250_000)
    assert form_class({"min_price": "0"}).is_valid()
