"""The OpenAPI schema at /api/v1/openapi.json documents every status the API answers, with
its body, and the province codes (core/api.py). scripts/fuzz_api.sh checks the same against
a running site with Schemathesis; this is the part that runs in the suite."""

import pytest
from vietnam_provinces import Province

pytestmark = pytest.mark.django_db

CODES = sorted(int(p.code) for p in Province.iter_all())
ERROR = {"$ref": "#/components/schemas/ErrorOut"}
INVALID = {"$ref": "#/components/schemas/ValidationErrorOut"}


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _responses(schema, path):
    return {int(status): answer["content"]["application/json"]["schema"]
            for status, answer in schema["paths"][path]["get"]["responses"].items()}


def _parameter(schema, path, name):
    [parameter] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    return parameter


@pytest.mark.parametrize(("path", "page"), [("/api/v1/products", "ProductPage"), ("/api/v1/stores", "StorePage")])
def test_list_operations_document_400_and_422(schema, path, page):
    assert _responses(schema, path) == {200: {"$ref": f"#/components/schemas/{page}"}, 400: ERROR, 422: INVALID}


@pytest.mark.parametrize(("path", "body"), [("/api/v1/products/{slug}", "ProductDetailOut"),
                                            ("/api/v1/stores/{slug}", "StoreDetailOut")])
def test_detail_operations_document_400_and_404(schema, path, body):
    # No 422: a slug cannot be invalid, only unknown.
    assert _responses(schema, path) == {200: {"$ref": f"#/components/schemas/{body}"}, 400: ERROR, 404: ERROR}


@pytest.mark.parametrize(("path", "body"), [("/api/v1/search", "SearchOut"), ("/api/v1/search/suggest", "SuggestOut")])
def test_search_operations_document_400_and_422(schema, path, body):
    assert _responses(schema, path) == {200: {"$ref": f"#/components/schemas/{body}"}, 400: ERROR, 422: INVALID}


def test_error_bodies_are_described(schema):
    components = schema["components"]["schemas"]
    assert components["ErrorOut"]["required"] == ["detail"]
    assert components["ErrorOut"]["properties"]["detail"]["type"] == "string"
    assert components["ValidationErrorOut"]["properties"]["detail"]["anyOf"] == [
        {"type": "string"}, {"type": "array", "items": {"$ref": "#/components/schemas/ValidationIssue"}}]
    assert components["ValidationIssue"]["required"] == ["type", "loc", "msg"]


@pytest.mark.parametrize("path", ["/api/v1/products", "/api/v1/stores"])
def test_province_parameters_list_the_codes(schema, path):
    parameter = _parameter(schema, path, "province")
    assert parameter["required"] is False
    assert (parameter["schema"]["type"], parameter["schema"]["enum"]) == ("integer", CODES)
    assert len(CODES) == 34 and CODES[:3] == [1, 4, 8]
    assert parameter["description"].startswith("Province code, one of: 1 (Thành phố Hà Nội), 4 (Cao Bằng), 8 ")


def test_the_search_province_lists_the_codes_as_text(schema):
    parameter = _parameter(schema, "/api/v1/search", "province")
    assert (parameter["schema"]["type"], parameter["schema"]["enum"]) == ("string", ["", *map(str, CODES)])
    assert parameter["description"].endswith(" Empty: every province.")


def test_the_answers_have_the_documented_shapes(client):
    assert client.get("/api/v1/products/khong-co").json() == {"detail": "Không tìm thấy sản phẩm."}
    assert client.get("/api/v1/stores/khong-co").json() == {"detail": "Không tìm thấy cửa hàng."}
    assert client.get("/api/v1/stores?province=9999").json() == {"detail": "Không có tỉnh, thành phố mã 9999."}
    assert client.get("/api/v1/products?stars=7").json() == {"detail": [
        {"type": "less_than_equal", "loc": ["query", "stars"], "msg": "Hãy nhập một số không quá 5.",
         "ctx": {"le": 5}}]}
    assert client.get(f"/api/v1/stores?province={CODES[-1]}").status_code == 200
    refused = client.get("/api/v1/products", {"group": "mat\x00ong"})
    assert (refused.status_code, refused["Content-Type"]) == (400, "application/json")
    assert set(refused.json()) == {"detail"}
