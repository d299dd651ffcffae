"""JSON API /api/v1/products and /api/v1/stores: filters, pages, 422s, no private data."""

import pytest

from marketplace.models import Product, Store
from tests.factories.marketplace import HUE, CertificateFactory, ProductFactory, ProductPhotoFactory, StoreFactory

pytestmark = pytest.mark.django_db


def test_products_list_filters_and_shape(client):
    store = StoreFactory(slug="hue", name="HTX Huế", phone="0912345678")
    p = ProductFactory(store=store, slug="tra", name="Trà", price=120000, stock=0, unit="hộp")
    ProductPhotoFactory(product=p, alt_text="Hộp trà")
    CertificateFactory(product=p, stars=5)
    ProductFactory(slug="khac", price=50_000)
    ProductFactory(slug="nhap", status=Product.Status.DRAFT)
    body = client.get("/api/v1/products?stars=5").json()
    assert (body["count"], body["page"], body["pages"]) == (1, 1, 1)
    item = body["results"][0]
    assert set(item) == {"slug", "name", "price", "unit", "in_stock", "ocop_stars", "category", "store", "photos",
                         "url", "published_at"}
    assert (item["slug"], item["price"], item["unit"], item["in_stock"], item["ocop_stars"]) == (
        "tra", 120000, "hộp", False, 5)
    assert item["store"] == {"slug": "hue", "name": "HTX Huế", "province_code": HUE, "province": "Thành phố Huế",
                             "url": "/stores/hue/"}
    assert item["category"] == {"slug": "thuc-pham", "name": "Thực phẩm"}
    assert item["photos"][0]["alt"] == "Hộp trà" and item["photos"][0]["url"].startswith("/media/")
    assert [r["slug"] for r in client.get("/api/v1/products?sort=price_asc").json()["results"]] == ["khac", "tra"]
    assert client.get(f"/api/v1/products?province={HUE}&max_price=60000").json()["count"] == 1
    assert client.get("/api/v1/products?store=hue").json()["count"] == 1


def test_products_pagination(client):
    store = StoreFactory()
    for _ in range(30):
        ProductFactory(store=store)
    first = client.get("/api/v1/products").json()
    second = client.get("/api/v1/products?page=2").json()
    assert (first["count"], first["pages"], len(first["results"]), len(second["results"])) == (30, 2, 24, 6)
    assert not {r["slug"] for r in first["results"]} & {r["slug"] for r in second["results"]}


@pytest.mark.parametrize(("query", "message"), [
    ("stars=7", "Hãy nhập một số không quá 5."),
    ("stars=nhieu", "Hãy nhập một số nguyên."),
    ("min_price=-1", "Hãy nhập một số từ 0 trở lên."),
    ("sort=cheap", "Hãy nhập một trong các giá trị 'newest', 'price_asc', 'price_desc' or 'stars'."),
    ("in_stock=co", "Hãy nhập true hoặc false."),
    ("province=9999", "Không có tỉnh, thành phố mã 9999."),
    ("min_price=10&max_price=5", "min_price không được lớn hơn max_price."),
    ("page=9", "Không có trang 9: trang cuối là trang 1."),
    ("store=khong-co", "Không có cửa hàng “khong-co”."),
])
def test_bad_params_answer_422_with_a_clear_message_in_vietnamese(client, query, message):
    response = client.get(f"/api/v1/products?{query}")
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert (detail if isinstance(detail, str) else detail[0]["msg"]) == message


def test_bad_params_answer_in_english_when_the_switcher_chose_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    issue = client.get("/api/v1/products?stars=7").json()["detail"][0]
    assert issue == {"type": "less_than_equal", "loc": ["query", "stars"], "msg": "Enter a number of at most 5.",
                     "ctx": {"le": 5}}
    assert client.get("/api/v1/products?province=9999").json() == {"detail": "Unknown province code 9999."}
    assert client.get("/api/v1/products/khong-co").json() == {"detail": "Product not found."}


def test_product_detail_and_hidden_products(client):
    p = ProductFactory(slug="mat-ong", description="<p>Ngon</p>", weight_grams=500)
    body = client.get("/api/v1/products/mat-ong").json()
    assert (body["description"], body["weight_grams"], body["ocop_stars"]) == ("<p>Ngon</p>", 500, None)
    p.status = Product.Status.DRAFT
    p.save()
    assert client.get("/api/v1/products/mat-ong").status_code == 404
    assert client.get("/api/v1/products/khong-co").status_code == 404


def test_stores_list_detail_without_private_data(client):
    store = StoreFactory(slug="hue", phone="0912345678", payout_account_number="123456789",
                         payout_account_holder="NGUYEN VAN A", story="<p>Chuyện</p>")
    ProductFactory(store=store)
    ProductFactory(store=store, status=Product.Status.DRAFT)
    StoreFactory(slug="tam-dung", status=Store.Status.SUSPENDED)
    listing = client.get("/api/v1/stores").json()
    assert [s["slug"] for s in listing["results"]] == ["hue"]
    detail = client.get("/api/v1/stores/hue")
    body = detail.json()
    assert set(body) == {"slug", "name", "producer_type", "province_code", "province", "ward", "phone", "logo_url",
                         "url", "story", "product_count"}
    assert (body["phone"], body["product_count"], body["story"]) == ("0912345678", 1, "<p>Chuyện</p>")
    assert "123456789" not in detail.content.decode() and "NGUYEN" not in detail.content.decode()
    assert client.get("/api/v1/stores/tam-dung").status_code == 404
    assert client.get("/api/v1/stores?province=9999").status_code == 422


def test_openapi_lists_the_catalogue_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/products", "/api/v1/products/{slug}", "/api/v1/stores", "/api/v1/stores/{slug}"):
        assert "get" in schema["paths"][path]
    params = {p["name"] for p in schema["paths"]["/api/v1/products"]["get"]["parameters"]}
    assert {"group", "province", "stars", "min_price", "max_price", "in_stock", "sort", "page"} <= params


def test_api_list_query_count_is_constant(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    store = StoreFactory()
    ProductPhotoFactory(product=ProductFactory(store=store))
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/products")
    for _ in range(20):
        ProductPhotoFactory(product=ProductFactory(store=store))
    with CaptureQueriesContext(connection) as many:
        client.get("/api/v1/products")
    assert len(one) == len(many)
