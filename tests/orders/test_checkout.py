"""Checkout: one order per store and one payment, snapshots, stock reserved, refusals."""

import pytest
from django.core import mail

from marketplace.models import Product
from marketplace.orders.models import Order, OrderEvent, OrderLine
from marketplace.payments.models import Payment
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import HUE, ProductFactory, StoreFactory, first_ward

pytestmark = pytest.mark.django_db


def address(**extra):
    data = {"email": "lan@example.vn", "contact_name": "Nguyễn Thị Lan", "phone": "0912 345 678",
            "province_code": HUE, "ward_code": first_ward(HUE), "street": "12 Lê Lợi", "method": "cod",
            "place": "1"}
    data.update(extra)
    return data


def fill_cart(client, *pairs):
    for product, quantity in pairs:
        response = client.post("/cart/add/", {"product": product.pk, "quantity": quantity})
        assert response.status_code == 302


def test_cod_checkout_with_two_stores_makes_two_orders_and_one_payment(client, django_capture_on_commit_callbacks):
    honey = ProductFactory(price=150_000, stock=5, store=StoreFactory(owner=UserFactory(email="a@shop.vn")))
    tea = ProductFactory(price=80_000, stock=3, store=StoreFactory(owner=UserFactory(email="b@shop.vn")))
    fill_cart(client, (honey, 2), (tea, 1))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/checkout/", address())

    payment = Payment.objects.get()
    assert response.status_code == 302 and response.url == f"/checkout/placed/{payment.reference}/"
    assert (payment.method, payment.status, payment.amount) == ("cod", "cod", 300_000 + 30_000 + 80_000 + 30_000)
    orders = {o.store_id: o for o in Order.objects.all()}
    assert len(orders) == 2
    first = orders[honey.store_id]
    assert (first.status, first.subtotal, first.shipping_fee, first.total) == ("confirmed", 300_000, 30_000, 330_000)
    assert first.number == f"OC-{first.created_at.astimezone().strftime('%y%m')}-{first.pk:06d}"
    assert (first.phone, first.ward_code, first.street) == ("0912345678", first_ward(HUE), "12 Lê Lợi")
    line = OrderLine.objects.get(order=first)
    assert (line.product_name, line.sku, line.unit_price, line.quantity) == (honey.name, honey.sku, 150_000, 2)
    assert list(first.events.values_list("action", flat=True)) == [OrderEvent.Action.PLACED]
    honey.refresh_from_db()
    tea.refresh_from_db()
    assert (honey.stock, tea.stock) == (3, 2)
    # Buyer and each seller told once per order; the cart is emptied.
    assert sorted(m.to[0] for m in mail.outbox) == ["a@shop.vn", "b@shop.vn", "lan@example.vn", "lan@example.vn"]
    assert client.get("/cart/").context["checkout"].is_empty
    page = client.get(response.url)
    assert page.status_code == 200
    assert first.number in page.content.decode()


def test_snapshot_keeps_the_price_paid_when_the_product_changes(client):
    honey = ProductFactory(price=150_000, stock=5)
    fill_cart(client, (honey, 1))
    client.post("/checkout/", address())
    Product.objects.filter(pk=honey.pk).update(price=999_000, name="Tên mới")
    line = OrderLine.objects.get()
    assert (line.product_name, line.unit_price) == (honey.name, 150_000)


def test_short_stock_refuses_with_the_product_named_and_saves_nothing(client):
    honey = ProductFactory(name="Mật ong bạc hà", stock=5)
    tea = ProductFactory(stock=5)
    fill_cart(client, (honey, 3), (tea, 1))
    Product.objects.filter(pk=honey.pk).update(stock=1)  # someone bought meanwhile

    response = client.post("/checkout/", address())

    assert response.status_code == 409
    body = response.content.decode()
    assert "Mật ong bạc hà (còn 1)" in body
    assert Order.objects.count() == 0 and Payment.objects.count() == 0
    assert list(Product.objects.order_by("pk").values_list("stock", flat=True)) == [1, 5]


def test_ward_of_another_province_is_refused(client):
    fill_cart(client, (ProductFactory(), 1))
    from core import divisions
    other = next(code for code, _ in divisions.province_choices() if code != HUE)
    response = client.post("/checkout/", address(ward_code=first_ward(other)))
    assert response.status_code == 422
    assert "Phường/xã này không thuộc tỉnh/thành đã chọn" in response.content.decode() or \
        response.context["form"].errors["ward_code"]
    assert Order.objects.count() == 0


def test_bad_phone_is_refused_in_vietnamese(client):
    fill_cart(client, (ProductFactory(), 1))
    response = client.post("/checkout/", address(phone="12345"))
    assert response.status_code == 422
    assert "0912 345 678" in response.content.decode()
    assert Order.objects.count() == 0


def test_province_first_then_wards_without_javascript(client):
    fill_cart(client, (ProductFactory(), 1))
    response = client.post("/checkout/", {"province_code": HUE, "show_wards": "1", "email": "a@b.vn"})
    assert response.status_code == 200
    ward_choices = dict(response.context["form"].fields["ward_code"].choices)
    assert first_ward(HUE) in ward_choices
    assert Order.objects.count() == 0


def test_without_stripe_only_cash_on_delivery_is_offered_and_said(client, settings):
    settings.STRIPE_SECRET_KEY = ""
    fill_cart(client, (ProductFactory(), 1))
    response = client.get("/checkout/")
    assert [c for c, _ in response.context["form"].fields["method"].choices] == ["cod"]
    assert "chỉ nhận thanh toán khi nhận hàng" in response.content.decode()
    refused = client.post("/checkout/", address(method="stripe"))
    assert refused.status_code == 422 and Order.objects.count() == 0


def test_with_stripe_configured_card_is_offered(client, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    fill_cart(client, (ProductFactory(), 1))
    response = client.get("/checkout/")
    assert [c for c, _ in response.context["form"].fields["method"].choices] == ["cod", "stripe"]


def test_shipping_fee_is_configurable(client, settings):
    settings.ORDERS_SHIPPING_FEE_VND = 25_000
    fill_cart(client, (ProductFactory(price=100_000), 1))
    client.post("/checkout/", address())
    assert Order.objects.get().total == 125_000


def test_empty_cart_goes_back_to_the_cart(client):
    response = client.get("/checkout/")
    assert response.status_code == 302 and response.url == "/cart/"


def test_checkout_page_stays_light(client):
    from pathlib import Path

    from django.conf import settings

    fill_cart(client, (ProductFactory(), 1))
    html = client.get("/checkout/").content
    css = (Path(settings.BASE_DIR) / "static/css/site.css").stat().st_size
    js = (Path(settings.BASE_DIR) / "static/js/site.js").stat().st_size
    assert len(html) + css + js < 100_000
