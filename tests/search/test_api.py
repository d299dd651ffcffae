"""GET /api/v1/search and /api/v1/search/suggest."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_answers_the_documented_shape(catalogue, client):
    response = client.get("/api/v1/search", {"q": "tra shan", "type": "product"})
    assert response.status_code == 200
    tra = catalogue.products["tra_shan"]
    assert response.json() == {
        "count": 1, "capped": False, "page": 1, "pages": 1,
        "results": [{"type": "product", "id": tra.pk, "name": "Trà Shan tuyết cổ thụ", "url": tra.get_absolute_url(),
                     "price": 450_000, "ocop_stars": 4, "store": {"name": "Trà Cầu Đất Farm", "slug": "tra-cau-dat"},
                     "province": "Lâm Đồng", "highlight": "<mark>Trà</mark> <mark>Shan</mark> tuyết cổ thụ"}],
        "facets": {"group": [{"value": "do-uong", "label": "Đồ uống", "count": 1}],
                   "province": [{"value": str(tra.store.province_code), "label": "Lâm Đồng", "count": 1}],
                   "stars": [{"value": "4", "label": "4 sao OCOP", "count": 1}],
                   "price": [{"value": "300000-500000", "label": "300.000 ₫ – 500.000 ₫", "count": 1}]},
        "suggestion": None,
    }


def test_filters_sort_and_pages(catalogue, client):
    data = client.get("/api/v1/search", {"type": "product", "group": "thuc-pham", "in_stock": "true",
                                         "sort": "price_desc", "page": "2", "min_price": "50000"}).json()
    # Food in stock from 50,000 ₫: nước mắm 120k, mật ong 250k, mắm ruốc 60k, đậu phộng 55k → page 2 is empty.
    assert (data["count"], data["page"], data["pages"], data["results"]) == (4, 2, 1, [])
    first = client.get("/api/v1/search", {"type": "product", "group": "thuc-pham", "in_stock": "1",
                                          "sort": "price_desc", "min_price": "50000"}).json()
    assert [r["price"] for r in first["results"]] == [250_000, 120_000, 60_000, 55_000]
    store = client.get("/api/v1/search", {"q": "ong mat", "type": "store"}).json()
    assert [(r["type"], r["name"], r["price"], r["store"]["slug"]) for r in store["results"]] == [
        ("store", "Tổ hợp tác Ong mật Na Hang", None, "ong-mat-na-hang")]
    course = client.get("/api/v1/search", {"q": "ban hang", "type": "course"}).json()
    assert [(r["type"], r["store"], r["province"]) for r in course["results"]] == [("course", None, "")]


def test_suggestion_for_a_typo(catalogue, client):
    assert client.get("/api/v1/search", {"q": "mat ongg"}).json()["suggestion"] == "mật ong"


@pytest.mark.parametrize(("params", "message"), [
    ({"type": "order"}, "store (gian hàng)"),
    ({"sort": "cheap"}, "relevance, newest"),
    ({"page": "0"}, "từ 1 trở lên"),
    ({"page": "abc"}, "số nguyên"),
    ({"stars": "2"}, "3, 4 hoặc 5"),
    ({"in_stock": "maybe"}, "in_stock"),
    ({"min_price": "-5"}, ""),
    ({"min_price": "900", "max_price": "100"}, "Giá cao nhất không được thấp hơn giá thấp nhất."),
    ({"province": "999"}, ""),
])
def test_bad_parameters_answer_422_with_a_clear_message(db, client, params, message):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail and message in detail


def test_suggest(catalogue, client):
    data = client.get("/api/v1/search/suggest", {"q": "mat o"}).json()
    mat_ong = catalogue.products["mat_ong"]
    assert data["suggestions"][0] == {"text": "Mật ong rừng Na Hang", "type": "product",
                                      "url": mat_ong.get_absolute_url()}
    assert client.get("/api/v1/search/suggest", {"q": ""}).json() == {"suggestions": []}
    assert client.get("/api/v1/search/suggest", {"q": "x" * 101}).status_code == 422
