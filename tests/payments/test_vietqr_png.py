""""Lưu ảnh mã QR": a buyer paying from the phone that shows the page saves the code as a
PNG and opens it in the banking app's "scan from image". The PNG is the page's code (zbar
reads back the page's data-payload), only for whoever may see the order, only while it
waits for the transfer; the page also gives copy buttons, steps and the exact deadline."""

import re
import shutil
import subprocess
from html import unescape

import pytest
from django.utils import timezone

from marketplace.orders.models import Order
from marketplace.payments.models import Payment
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import HUE, ProductFactory, first_ward
from tests.factories.vietqr import ACCOUNT, transfer_store

pytestmark = pytest.mark.django_db
PAYLOAD = re.compile(r'data-payload="([^"]+)"')
SAVE = re.compile(r'<a class="button" href="([^"]+)" download="([^"]+)">Lưu ảnh mã QR</a>')
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def buyer():
    return UserFactory(email="lan@example.vn")


@pytest.fixture
def order(client, buyer):
    """An order of 2 × 185.000 ₫ + 30.000 ₫ shipping placed by transfer by the signed-in buyer."""
    store = transfer_store(name="HTX Nam Đông", owner=UserFactory(email="namdong@htx.vn"))
    honey = ProductFactory(name="Mật ong rừng", price=185_000, stock=5, store=store)
    client.force_login(buyer)
    assert client.post("/cart/add/", {"product": honey.pk, "quantity": 2}).status_code == 302
    response = client.post("/checkout/", {
        "email": buyer.email, "contact_name": "Nguyễn Thị Lan", "phone": "0912 345 678", "province_code": HUE,
        "ward_code": first_ward(HUE), "street": "12 Lê Lợi", "method": "vietqr", "place": "1"})
    assert response.status_code == 302
    return Order.objects.get()


def decode(png: bytes, tmp_path) -> str:
    path = tmp_path / "saved.png"
    path.write_bytes(png)
    return subprocess.run([shutil.which("zbarimg"), "--raw", "-q", str(path)], capture_output=True, text=True,
                          check=True, timeout=30).stdout.strip()


def page_payload_and_link(html: str) -> tuple[str, str, str]:
    href, filename = SAVE.search(html).groups()
    return unescape(PAYLOAD.search(html).group(1)), unescape(href), filename


@pytest.mark.zbar
def test_saved_image_is_the_code_on_the_order_page(client, order, tmp_path):
    html = client.get(f"/orders/{order.number}/").content.decode()
    payload, href, filename = page_payload_and_link(html)
    note = order.number.replace("-", "")
    assert (href, filename) == (f"/payments/vietqr/{order.number}/qr.png", f"vietqr-{note}.png")

    response = client.get(href)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="vietqr-{note}.png"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.content.startswith(PNG_SIGNATURE) and len(response.content) < 10_000
    assert decode(response.content, tmp_path) == payload
    assert f"54{len(str(order.total)):02d}{order.total}" in payload and order.total == 400_000
    assert ACCOUNT in payload and note in payload


@pytest.mark.zbar
def test_a_guest_saves_the_image_through_the_secret_link(client, order, tmp_path):
    client.logout()
    html = client.get(order.guest_url).content.decode()
    payload, href, _ = page_payload_and_link(html)
    assert href == f"/payments/vietqr/{order.number}/qr.png?t={order.access_token}"
    response = client.get(href)
    assert response.status_code == 200
    assert decode(response.content, tmp_path) == payload


def test_the_placed_page_offers_the_image_too(client, order):
    payment = Payment.objects.get()
    html = client.get(f"/checkout/placed/{payment.reference}/").content.decode()
    _, href, _ = page_payload_and_link(html)
    assert href == f"/payments/vietqr/{order.number}/qr.png?t={order.access_token}"
    assert client.get(href).status_code == 200


def test_nobody_else_gets_the_image(client, order):
    url = f"/payments/vietqr/{order.number}/qr.png"
    client.force_login(UserFactory(email="nguoi-khac@example.vn"))  # another buyer
    assert client.get(url).status_code == 404
    assert client.get(f"{url}?t=sai-ma").status_code == 404
    client.force_login(order.store.members.get())  # the store sees its orders in the dashboard, not as the buyer
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get("/payments/vietqr/OC-0000-000000/qr.png").status_code == 404
    assert client.post(f"{url}?t={order.access_token}").status_code == 405


def test_no_image_once_the_order_no_longer_waits_for_the_transfer(client, order):
    url = f"/payments/vietqr/{order.number}/qr.png"
    assert client.get(url).status_code == 200
    Order.objects.filter(pk=order.pk).update(status=Order.Status.PAID)
    assert client.get(url).status_code == 404
    assert client.get(f"{url}?t={order.access_token}").status_code == 404


def test_the_page_gives_the_deadline_steps_and_copy_buttons(client, order):
    html = client.get(f"/orders/{order.number}/").content.decode()
    deadline = timezone.localtime(order.expires_at)
    assert order.expires_at is not None
    assert (f"<strong>Chuyển khoản trước {deadline:%H:%M} ngày {deadline:%d/%m/%Y}.</strong>" in html)
    assert "sau một thời gian" not in html
    note = order.number.replace("-", "")
    copies = re.findall(r'<button type="button" class="copy-button" data-copy="([^"]+)"', html)
    assert copies == [ACCOUNT, "400000", note]  # the amount as digits: what a banking app's field takes
    assert html.count('<ol class="vietqr-steps">') == 1 and html.count("<li>", html.index("vietqr-steps")) >= 5
    assert "Kiểm tra số tiền 400.000\u00a0₫ và nội dung " + note in html
