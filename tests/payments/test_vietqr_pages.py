"""What buyers and sellers see: the option at checkout, the code and the details after
placing and on the order page, read back from the HTML (TLV fields, and the QR image
decoded by zbar), and the seller's checklist line."""

import re
import shutil
import subprocess
from html import unescape

import pytest
import segno
from django.conf import settings
from django.template.loader import render_to_string

from marketplace.checklist import store_checklist
from marketplace.orders.models import Order
from marketplace.payments.models import Payment
from marketplace.payments.providers.vietqr.payload import crc16_ccitt, parse_tlv
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import HUE, ProductFactory, StoreFactory, first_ward
from tests.factories.vietqr import ACCOUNT, BANK_BIN, HOLDER, transfer_store

pytestmark = pytest.mark.django_db
PAYLOAD = re.compile(r'data-payload="([^"]+)"')


def address(**extra):
    data = {"email": "lan@example.vn", "contact_name": "Nguyễn Thị Lan", "phone": "0912 345 678",
            "province_code": HUE, "ward_code": first_ward(HUE), "street": "12 Lê Lợi", "method": "vietqr",
            "place": "1"}
    data.update(extra)
    return data


def fill_cart(client, *pairs):
    for product, quantity in pairs:
        assert client.post("/cart/add/", {"product": product.pk, "quantity": quantity}).status_code == 302


@pytest.fixture
def honey():
    return ProductFactory(name="Mật ong rừng", price=185_000, stock=5, store=transfer_store(name="HTX Nam Đông"))


def place_by_transfer(client, *pairs):
    fill_cart(client, *pairs)
    response = client.post("/checkout/", address())
    assert response.status_code == 302
    payment = Payment.objects.get()
    assert response.url == f"/checkout/placed/{payment.reference}/"
    return payment, client.get(response.url)


def test_checkout_offers_transfer_when_every_store_has_a_bank_account(client, honey):
    fill_cart(client, (honey, 1))
    html = client.get("/checkout/").content.decode()
    assert 'value="vietqr"' in html and "Chuyển khoản VietQR" in html
    assert "chưa nhận chuyển khoản" not in html


def test_option_hidden_and_the_store_named_when_one_store_has_no_bank_account(client, honey):
    tea = ProductFactory(stock=5, store=StoreFactory(name="Cơ sở Trà Huế"))
    fill_cart(client, (honey, 1), (tea, 1))
    html = client.get("/checkout/").content.decode()
    assert 'value="vietqr"' not in html
    assert "Cơ sở Trà Huế chưa nhận chuyển khoản" in html
    # Posting the method anyway is refused with the form's message and saves nothing.
    response = client.post("/checkout/", address())
    assert response.status_code == 422
    assert Order.objects.count() == 0 and Payment.objects.count() == 0
    honey.refresh_from_db()
    assert honey.stock == 5


def test_placed_page_shows_code_and_details_that_decode_to_the_order(client, honey):
    payment, page = place_by_transfer(client, (honey, 2))
    order = payment.orders.get()
    html = page.content.decode()
    assert page.status_code == 200
    # The code is drawn on the server (inline SVG); HTML + CSS + JS stay under 100 KB.
    assets = sum((settings.BASE_DIR / "static" / name).stat().st_size
                 for name in ("css/site.css", "js/site.js", "js/vietqr.js"))
    assert len(page.content) + assets < 100_000
    assert html.count("<title>VietQR ") == 1 and f"<title>VietQR {order.number.replace('-', '')}</title>" in html

    payload = unescape(PAYLOAD.search(html).group(1))
    fields = parse_tlv(payload)
    account = parse_tlv(parse_tlv(fields["38"])["01"])
    assert account == {"00": BANK_BIN, "01": ACCOUNT}
    assert fields["54"] == "400000" == str(order.total)  # 2 × 185.000 + 30.000 shipping
    assert parse_tlv(fields["62"]) == {"08": order.number.replace("-", "")}  # "OC-2611-000001" → "OC2611000001"
    assert fields["63"] == crc16_ccitt(payload[:-4])
    # The same details as text, for buyers who type.
    for text in ("Vietcombank", ACCOUNT, HOLDER, "400.000", order.number.replace("-", "")):
        assert text in html


@pytest.mark.zbar
def test_code_on_the_page_scans_back_to_the_exact_payload(client, honey, tmp_path):
    _, page = place_by_transfer(client, (honey, 1))
    payload = unescape(PAYLOAD.search(page.content.decode()).group(1))
    path = tmp_path / "page-vietqr.png"
    segno.make(payload, error="m").save(str(path), kind="png", scale=6, border=4)
    decoded = subprocess.run([shutil.which("zbarimg"), "--raw", "-q", str(path)], capture_output=True, text=True,
                             check=True, timeout=30).stdout.strip()
    assert decoded == payload


def test_two_stores_two_codes_each_for_its_own_account(client, honey):
    tea = ProductFactory(stock=5, price=95_000, store=transfer_store(payout_bank_bin="970422",
                                                                     payout_account_number="0869123456"))
    payment, page = place_by_transfer(client, (honey, 1), (tea, 1))
    payloads = [parse_tlv(unescape(p)) for p in PAYLOAD.findall(page.content.decode())]
    got = sorted((parse_tlv(parse_tlv(f["38"])["01"])["00"], f["54"]) for f in payloads)
    assert got == [("970422", "125000"), ("970436", "215000")]
    assert payment.amount == 340_000


def test_order_page_shows_the_code_while_unpaid_only(client, honey):
    buyer = UserFactory(email="lan@example.vn")
    client.force_login(buyer)
    payment, _ = place_by_transfer(client, (honey, 1))
    order = payment.orders.get()
    html = client.get(f"/orders/{order.number}/").content.decode()
    assert "Chờ chuyển khoản" in html and PAYLOAD.search(html) and f"{payment.reference}/pay/" not in html
    listing = client.get("/orders/").content.decode()
    assert "Chờ chuyển khoản" in listing

    Order.objects.filter(pk=order.pk).update(status=Order.Status.PAID)
    html = client.get(f"/orders/{order.number}/").content.decode()
    assert not PAYLOAD.search(html) and "<title>VietQR " not in html


def test_guest_follows_the_secret_link_to_the_code(client, honey):
    payment, _ = place_by_transfer(client, (honey, 1))
    order = payment.orders.get()
    assert PAYLOAD.search(client.get(order.guest_url).content.decode())
    assert client.get(f"/orders/{order.number}/").status_code == 404


def test_checklist_tells_the_seller_why_transfers_are_not_offered():
    store = StoreFactory()
    html = render_to_string("onboarding/_checklist.html", {"store": store, "checklist": store_checklist(store)})
    assert "Người mua chưa thể chuyển khoản VietQR cho bạn" in html
    ready = transfer_store()
    html = render_to_string("onboarding/_checklist.html", {"store": ready, "checklist": store_checklist(ready)})
    assert "Người mua chưa thể chuyển khoản VietQR" not in html
    assert "Người mua có thể thanh toán cho bạn bằng chuyển khoản VietQR" in html
