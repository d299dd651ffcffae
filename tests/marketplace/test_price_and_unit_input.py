"""The seller's product form and quick edit read prices as Vietnamese people type them
(core.money.parse_vnd, shared with the CSV import) and take units as free text."""

import pytest
from django.utils import translation

from marketplace.models import Category, Product
from marketplace.units import Unit, normalize_unit, unit_label
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db

AMBIGUOUS = "Giá “{}” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng nghìn, ví dụ 120.000."


def product_data(**overrides):
    food = Category.objects.get(slug="thuc-pham")
    return {"name": "Mật ong hoa nhãn", "category": food.pk, "price": "120.000", "unit": "chai", "stock": "12",
            **overrides}


def test_a_product_saved_as_120_000_costs_120000_and_is_shown_back_formatted(seller_client, store):
    response = seller_client.post("/seller/products/new/", product_data(price="120.000"))
    product = Product.objects.get(store=store)
    assert response.status_code == 302 and response.url == f"/seller/products/{product.pk}/"
    assert product.price == 120000

    html = seller_client.get(f"/seller/products/{product.pk}/").content.decode()
    assert ('<input type="text" name="price" value="120.000" inputmode="numeric" autocomplete="off" '
            'spellcheck="false" required aria-describedby="id_price_helptext" id="id_price">') in html

    response = seller_client.post(f"/seller/products/{product.pk}/", product_data(price="1.250.000 ₫", sku="MO-1"))
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.price == 1250000


@pytest.mark.parametrize("price", ["120.000", "120,000", "120 000", "120000", "120.000đ", "120.000 ₫",
                                   "120.000 VND"])
def test_every_listed_format_saves_120000(seller_client, store, price):
    response = seller_client.post("/seller/products/new/", product_data(price=price))
    assert response.status_code == 302
    assert Product.objects.get(store=store).price == 120000


@pytest.mark.parametrize(("price", "message"), [
    ("120,5", AMBIGUOUS.format("120,5")),
    ("1.20", AMBIGUOUS.format("1.20")),
    ("12.0000", AMBIGUOUS.format("12.0000")),
    ("1.000,5", AMBIGUOUS.format("1.000,5")),
    ("-120.000", "Giá “-120.000” là số âm."),
    ("", "Giá đang trống."),
    ("0", "Giá “0” không phải số đồng nguyên lớn hơn 0."),
    ("mười nghìn", "Giá “mười nghìn” không phải số đồng nguyên lớn hơn 0."),
])
def test_refused_prices_save_nothing_and_keep_what_was_typed(seller_client, store, price, message):
    response = seller_client.post("/seller/products/new/", product_data(price=price))
    assert response.status_code == 400
    assert response.context["form"].errors["price"] == [message]
    html = response.content.decode()
    assert f'<p class="error" role="alert">{message}</p>' in html
    assert f'name="price" value="{price}"' in html or (not price and 'name="price" inputmode' in html)
    assert Product.objects.count() == 0


def test_a_refused_edit_changes_nothing(seller_client, store):
    product = ProductFactory(store=store, price=185000, sku="MO-1", name="Mật ong")
    response = seller_client.post(f"/seller/products/{product.pk}/",
                                  product_data(price="185,5", name="Tên mới", sku="MO-1"))
    assert response.status_code == 400
    assert response.context["form"].errors["price"] == [AMBIGUOUS.format("185,5")]
    product.refresh_from_db()
    assert (product.price, product.name) == (185000, "Mật ong")


def test_quick_edit_uses_the_same_field(seller_client, store):
    product = ProductFactory(store=store, price=100, stock=1, name="Trà sen")
    response = seller_client.post(f"/seller/products/{product.pk}/quick/", {"price": "125.000 đ", "stock": "40"})
    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.price, product.stock) == (125000, 40)
    html = seller_client.get("/seller/products/").content.decode()
    assert ('<input type="text" name="price" inputmode="numeric" autocomplete="off" spellcheck="false" '
            'value="125.000" required>') in html

    response = seller_client.post(f"/seller/products/{product.pk}/quick/", {"price": "125,5", "stock": "41"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Giá (₫): {AMBIGUOUS.format('125,5')}" in html
    assert 'value="125,5"' in html  # what the seller typed, to correct
    product.refresh_from_db()
    assert (product.price, product.stock) == (125000, 40)


@pytest.mark.parametrize(("typed", "stored"), [
    ("Tấm", "tấm"), ("đêm", "đêm"), ("Vé", "vé"), ("ché", "ché"), ("BỨC", "bức"), ("Chai", "chai"),
    ("hủ", "hũ"), ("Hũ", "hũ"), ("lọ", "lọ"), ("lit", "lít"), ("Kg", "kg"), ("gram", "g"), ("tam", "tấm"),
    ("chục", "chục"), ("  bó   hoa ", "bó hoa"), ("bo", "bo"),  # "bo": bộ (set) or bó (bunch)? kept as typed
])
def test_units_are_free_text_with_the_common_ones_written_one_way(seller_client, store, typed, stored):
    assert normalize_unit(typed) == stored
    response = seller_client.post("/seller/products/new/", product_data(unit=typed))
    assert response.status_code == 302
    assert Product.objects.get(store=store).unit == stored


def test_unit_suggestions_and_length(seller_client, store):
    html = seller_client.get("/seller/products/new/").content.decode()
    assert 'name="unit" value="cái" autocomplete="off" maxlength="20"' in html
    assert 'list="id_unit-suggestions"' in html
    assert '<datalist id="id_unit-suggestions"><option value="kg"><option value="g">' in html
    for unit in ("tấm", "bức", "ché", "vé", "đêm", "suất"):
        assert f'<option value="{unit}">' in html
    response = seller_client.post("/seller/products/new/", product_data(unit="đơn vị tính rất rất dài"))
    assert response.status_code == 400
    assert response.context["form"].errors["unit"] == ["Đơn vị tính “đơn vị tính rất rất dài” dài quá 20 ký tự."]
    assert Product.objects.count() == 0


def test_units_are_shown_in_english_on_the_english_site():
    with translation.override("en"):
        assert [unit_label(u) for u in ("chai", "tấm", "đêm", "vé", "bức", "chục")] == [
            "bottle", "sheet", "night", "ticket", "picture", "chục"]
    with translation.override("vi"):
        # The Vietnamese site shows every common unit as it is stored.
        assert [unit_label(u) for u in Unit.values] == Unit.values
        assert ProductFactory.build(unit="đêm").unit_label == "đêm"
