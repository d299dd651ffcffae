"""Order states, seller actions, buyer pages, ownership and listing query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import OutgoingEmail
from marketplace.orders.models import Order, OrderEvent
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory, StoreFactory
from tests.factories.orders import place_one

pytestmark = pytest.mark.django_db
A = OrderEvent.Action


@pytest.fixture
def seller():
    return UserFactory(email="chu@htx.vn")


@pytest.fixture
def order(seller):
    buyer = UserFactory(email="lan@example.vn")
    return place_one(ProductFactory(store=StoreFactory(owner=seller), stock=5), 2, buyer=buyer,
                     email="lan@example.vn")


def test_seller_confirms_ships_delivers_and_every_step_is_recorded(client, seller, order):
    client.force_login(seller)
    base = f"/seller/orders/{order.number}/"
    assert client.post(base + "confirm/").status_code == 302
    assert client.post(base + "ship/", {"carrier": "Viettel Post", "tracking_code": "VTP123"}).status_code == 302
    assert client.post(base + "deliver/").status_code == 302

    order.refresh_from_db()
    assert (order.status, order.carrier, order.tracking_code) == (Order.Status.DELIVERED, "Viettel Post", "VTP123")
    events = list(order.events.values_list("action", "status", "actor__email", "note"))
    assert events == [
        (A.PLACED, "confirmed", "lan@example.vn", ""),
        (A.ACCEPTED, "confirmed", "chu@htx.vn", ""),
        (A.SHIPPED, "shipped", "chu@htx.vn", "Viettel Post VTP123"),
        (A.DELIVERED, "delivered", "chu@htx.vn", ""),
    ]
    keys = set(OutgoingEmail.objects.values_list("key", flat=True))
    for step in ("placed", "accepted", "shipped", "delivered"):
        assert f"order-{order.pk}-{step}-buyer" in keys
        assert any(k.startswith(f"order-{order.pk}-{step}-seller-") for k in keys)

    # The buyer sees the history and confirms receipt.
    client.force_login(order.buyer)
    page = client.get(f"/orders/{order.number}/")
    assert page.status_code == 200 and "VTP123" in page.content.decode()
    assert client.post(f"/orders/{order.number}/received/").status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.COMPLETED


def test_shipping_before_confirming_is_refused_and_changes_nothing(client, seller, order):
    client.force_login(seller)
    response = client.post(f"/seller/orders/{order.number}/ship/", {"carrier": "GHN", "tracking_code": "1"})
    assert response.status_code == 409
    order.refresh_from_db()
    assert (order.status, order.carrier) == (Order.Status.CONFIRMED, "")
    assert client.post(f"/seller/orders/{order.number}/deliver/").status_code == 409
    assert client.post(f"/seller/orders/{order.number}/confirm/").status_code == 302
    assert client.post(f"/seller/orders/{order.number}/ship/", {"carrier": "", "tracking_code": ""}).status_code == 422
    order.refresh_from_db()
    assert order.status == Order.Status.CONFIRMED


def test_seller_cancels_with_a_reason_and_stock_returns(client, seller, order):
    client.force_login(seller)
    assert client.post(f"/seller/orders/{order.number}/cancel/", {"reason": ""}).status_code == 422
    assert client.post(f"/seller/orders/{order.number}/cancel/", {"reason": "Hết hàng"}).status_code == 302
    order.refresh_from_db()
    assert (order.status, order.cancel_reason) == (Order.Status.CANCELLED, "Hết hàng")
    assert order.lines.get().product.stock == 5


@pytest.mark.parametrize("action", ["confirm", "deliver", "cancel", "refund", "ship"])
def test_another_store_cannot_see_or_touch_the_order(client, order, action):
    intruder = UserFactory()
    StoreFactory(owner=intruder)
    client.force_login(intruder)
    assert client.get(f"/seller/orders/{order.number}/").status_code == 404
    response = client.post(f"/seller/orders/{order.number}/{action}/",
                           {"reason": "x", "carrier": "GHN", "tracking_code": "1"})
    assert response.status_code == 404
    order.refresh_from_db()
    assert order.status == Order.Status.CONFIRMED and order.accepted_at is None
    assert order.events.count() == 1
    assert order.number not in client.get("/seller/orders/").content.decode()


def test_buyer_pages_are_private_but_the_guest_link_works(client, order):
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/orders/{order.number}/").status_code == 404
    assert client.get(f"/orders/{order.number}/?t=wrong").status_code == 404
    client.logout()
    assert client.get(f"/orders/{order.number}/").status_code == 404
    assert client.get(order.guest_url).status_code == 200
    assert client.get("/orders/").status_code == 302  # sign in first


def test_guest_checkout_order_reached_by_the_secret_link(client):
    order = place_one(ProductFactory(), 1, email="khach@example.vn")
    assert order.buyer is None
    email = OutgoingEmail.objects.get(key=f"order-{order.pk}-placed-buyer")
    assert order.guest_url in email.body
    page = client.get(order.guest_url)
    assert page.status_code == 200 and order.number in page.content.decode()


def test_buyer_can_cancel_before_the_seller_confirms(client, order):
    client.force_login(order.buyer)
    assert client.post(f"/orders/{order.number}/cancel/").status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED


def test_seller_list_filters_by_status(client, seller, order):
    shipped = place_one(ProductFactory(store=order.store), 1)
    Order.objects.filter(pk=shipped.pk).update(status=Order.Status.SHIPPED)
    client.force_login(seller)
    numbers = lambda url: [o.number for o in client.get(url).context["orders"]]  # noqa: E731
    assert numbers("/seller/orders/?status=shipped") == [shipped.number]
    assert numbers("/seller/orders/?status=to_confirm") == [order.number]
    assert sorted(numbers("/seller/orders/")) == sorted([order.number, shipped.number])


def _orders_for(store, buyer, n):
    product = ProductFactory(store=store, stock=1000)
    return [place_one(product, 1, buyer=buyer) for _ in range(n)]


@pytest.mark.parametrize(("url", "page_size", "as_seller"), [("/orders/", 20, False), ("/seller/orders/", 25, True)])
def test_order_lists_run_the_same_queries_for_1_and_a_full_page(client, url, page_size, as_seller):
    user = UserFactory()
    store = StoreFactory(owner=user if as_seller else None)
    client.force_login(user)
    buyer = None if as_seller else user
    _orders_for(store, buyer, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    _orders_for(store, buyer, page_size - 1)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["orders"]) == page_size
    assert len(one) == len(many)


def test_seller_dashboard_summary_tag(seller, order):
    from django.template import Context, Template

    html = Template("{% load orders_tags %}{% seller_orders_summary store %}").render(Context({"store": order.store}))
    assert "<strong>1</strong>" in html and "/seller/orders/?status=to_confirm" in html
