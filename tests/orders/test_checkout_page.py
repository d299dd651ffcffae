"""The checkout page itself: a refused form opens with a summary of its errors, each
linking to its field; the wards of a province as JSON for checkout.js (the "Show wards"
button stays for pages without JavaScript)."""

import json
import re

import pytest

from core import divisions
from marketplace.orders.models import Order
from marketplace.payments.models import Payment
from tests.factories.marketplace import HUE, ProductFactory, first_ward

pytestmark = pytest.mark.django_db
SUMMARY = re.compile(r'<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">'
                     r'.*?<ul>(.*?)</ul>', re.S)
ITEM = re.compile(r'<li>(?:<a href="#([^"]+)">)?(.*?)(?:</a>)?</li>')
REQUIRED = "Trường này là bắt buộc."
INVALID_CHOICE = "Hãy chọn một lựa chọn hợp lệ. %s không phải là một trong các lựa chọn khả thi."


@pytest.fixture
def honey():
    return ProductFactory(name="Mật ong rừng", price=185_000, stock=3)


def summary(html: str) -> list[tuple[str, str]]:
    found = SUMMARY.search(html)
    return ITEM.findall(found.group(1)) if found else []


def in_cart(client, product, quantity=1):
    assert client.post("/cart/add/", {"product": product.pk, "quantity": quantity}).status_code == 302


def test_refused_form_lists_each_error_linking_to_its_field(client, honey):
    in_cart(client, honey)
    response = client.post("/checkout/", {"email": "lan@example.vn", "method": "cod", "place": "1"})
    html = response.content.decode()
    assert response.status_code == 422
    assert summary(html) == [
        ("id_contact_name", f"Tên người nhận: {REQUIRED}"),
        ("id_phone", f"Số điện thoại: {REQUIRED}"),
        ("id_province_code", f"Tỉnh / thành phố: {REQUIRED}"),
        ("id_street", f"Số nhà, đường, thôn/xóm: {REQUIRED}"),
    ]
    for anchor, _ in summary(html):
        assert html.count(f'id="{anchor}"') == 1  # the link lands on the field
        assert f'<p class="error" id="{anchor}_error">' in html  # and the field says it again
    assert "<h2 id=\"error-summary-title\">Vui lòng kiểm tra lại thông tin</h2>" in html
    assert html.index('class="error-summary"') < html.index("<h1>")  # first thing on the page
    assert "<title>Lỗi: " in html
    assert Order.objects.count() == 0 and Payment.objects.count() == 0
    honey.refresh_from_db()
    assert honey.stock == 3


def test_a_ward_of_another_province_and_an_unknown_method_link_to_their_fields(client, honey):
    in_cart(client, honey)
    other_province = next(code for code, _ in divisions.province_choices() if code != HUE)
    response = client.post("/checkout/", {
        "email": "lan@example.vn", "contact_name": "Nguyễn Thị Lan", "phone": "0912 345 678", "street": "12 Lê Lợi",
        "province_code": HUE, "ward_code": first_ward(other_province), "method": "tien-ao", "place": "1"})
    assert response.status_code == 422
    ward = first_ward(other_province)
    assert summary(response.content.decode()) == [  # one message a field; radio buttons: the first button
        ("id_ward_code", f"Phường / xã: {INVALID_CHOICE % ward}"),
        ("id_method_0", f"Thanh toán: {INVALID_CHOICE % 'tien-ao'}"),
    ]
    assert Order.objects.count() == 0


def test_an_error_of_the_whole_form_is_listed_without_a_link(client, honey):
    in_cart(client, honey, 3)
    honey.stock = 1
    honey.save(update_fields=["stock"])
    response = client.post("/checkout/", {
        "email": "lan@example.vn", "contact_name": "Nguyễn Thị Lan", "phone": "0912 345 678", "street": "12 Lê Lợi",
        "province_code": HUE, "ward_code": first_ward(HUE), "method": "cod", "place": "1"})
    assert response.status_code == 409
    items = summary(response.content.decode())
    assert len(items) == 1 and items[0][0] == "" and "Mật ong rừng" in items[0][1]
    assert Order.objects.count() == 0


def test_a_form_without_errors_has_no_summary(client, honey):
    in_cart(client, honey)
    html = client.get("/checkout/").content.decode()
    assert 'class="error-summary"' not in html
    assert 'data-wards-url="/checkout/wards/"' in html
    assert '<button type="submit" name="show_wards" value="1"' in html  # the step without JavaScript stays


def test_wards_of_a_province_as_json(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/checkout/wards/", {"province": str(HUE)})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["province"] == HUE
    assert data["wards"] == [{"code": code, "name": name} for code, name in divisions.ward_choices(HUE)]
    assert len(data["wards"]) == 40
    assert data["wards"][0] == {"code": 19815, "name": "Phường An Cựu"}


@pytest.mark.parametrize(("province", "status", "detail"), [
    ("abc", 400, "Hãy chọn một tỉnh/thành phố trong danh sách."),
    ("", 400, "Hãy chọn một tỉnh/thành phố trong danh sách."),
    ("-1", 400, "Hãy chọn một tỉnh/thành phố trong danh sách."),
    ("４６", 400, "Hãy chọn một tỉnh/thành phố trong danh sách."),  # full-width digits are not a code
    ("1234567", 400, "Hãy chọn một tỉnh/thành phố trong danh sách."),
    ("999", 404, "Không có tỉnh/thành phố này."),
])
def test_wards_of_a_bad_province_answer_4xx_with_the_reason(client, province, status, detail):
    response = client.get("/checkout/wards/", {"province": province})
    assert response.status_code == status
    assert json.loads(response.content) == {"detail": detail}


def test_wards_answer_only_get(client):
    assert client.post("/checkout/wards/", {"province": str(HUE)}).status_code == 405
