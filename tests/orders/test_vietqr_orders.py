"""VietQR orders after placing: the store (or a programme officer) confirms the transfer,
another store cannot; unconfirmed orders expire once; the ledger owes the store nothing."""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import PROGRAMME_OFFICERS
from core.models import OutgoingEmail
from marketplace.orders.models import LedgerEntry, Order, OrderEvent
from marketplace.orders.services.orders import order_accept, order_deliver, order_ship
from marketplace.orders.tasks import expire_unpaid_orders
from marketplace.payments.models import Payment
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory
from tests.factories.orders import place, place_one
from tests.factories.vietqr import transfer_store

pytestmark = pytest.mark.django_db
A = OrderEvent.Action


@pytest.fixture
def seller():
    return UserFactory(email="chu@htx.vn")


@pytest.fixture
def honey(seller):
    return ProductFactory(stock=5, price=185_000, store=transfer_store(owner=seller))


@pytest.fixture
def order(honey):
    return place_one(honey, 2, method="vietqr", buyer=UserFactory(email="lan@example.vn"), email="lan@example.vn")


def url(order):
    return f"/payments/vietqr/{order.number}/received/"


def test_seller_confirms_the_transfer_order_paid_event_and_email(client, seller, order):
    client.force_login(seller)
    page = client.get(f"/seller/orders/{order.number}/")
    html = page.content.decode()
    assert "Chờ chuyển khoản" in html and url(order) in html and "OC" in html

    response = client.post(url(order))

    assert response.status_code == 302 and response.url == f"/seller/orders/{order.number}/"
    order.refresh_from_db()
    assert order.status == Order.Status.PAID and order.paid_at is not None and order.expires_at is None
    event = order.events.get(action=A.PAID)
    assert (event.actor_id, event.status, event.note) == (seller.pk, "paid", "Đã nhận chuyển khoản")
    assert abs(event.created_at - timezone.now()) < datetime.timedelta(seconds=10)
    email = OutgoingEmail.objects.get(key=f"order-{order.pk}-paid-buyer")
    assert email.to == "lan@example.vn" and order.number in email.subject
    payment = Payment.objects.get(pk=order.payment_id)
    assert payment.status == Payment.Status.PAID and payment.paid_at is not None
    # The order now waits for the seller's usual "confirm order" step.
    assert list(Order.objects.awaiting_seller()) == [order]


def test_confirming_twice_is_refused_and_writes_nothing_more(client, seller, order):
    client.force_login(seller)
    client.post(url(order))
    response = client.post(url(order))
    assert response.status_code == 409
    assert order.events.filter(action=A.PAID).count() == 1


def test_another_seller_gets_404_and_nothing_changes(client, order):
    other = UserFactory(email="khac@htx.vn")
    transfer_store(owner=other)
    client.force_login(other)
    assert client.post(url(order)).status_code == 404
    assert client.get(f"/seller/orders/{order.number}/").status_code == 404
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT
    assert not order.events.filter(action=A.PAID).exists()


def test_the_buyer_cannot_confirm_their_own_transfer(client, order):
    client.force_login(order.buyer)
    assert client.post(url(order)).status_code == 404
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


def test_confirming_needs_a_post(client, seller, order):
    client.force_login(seller)
    assert client.get(url(order)).status_code == 405
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


def test_programme_officer_confirms_for_the_store(client, order):
    officer = UserFactory(email="canbo@so.gov.vn", groups=[PROGRAMME_OFFICERS])
    client.force_login(officer)
    assert client.post(url(order)).status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert order.events.get(action=A.PAID).actor_id == officer.pk


def test_cash_on_delivery_order_cannot_be_confirmed_as_a_transfer(client, seller, honey):
    cod = place_one(honey, 1)
    client.force_login(seller)
    assert client.post(url(cod)).status_code == 409
    cod.refresh_from_db()
    assert cod.status == Order.Status.CONFIRMED and not cod.events.filter(action=A.PAID).exists()


def test_each_store_confirms_its_own_order_payment_paid_when_none_is_left(client, seller, honey):
    other_seller = UserFactory(email="tra@htx.vn")
    tea = ProductFactory(stock=5, price=95_000, store=transfer_store(owner=other_seller))
    payment = place({honey: 1, tea: 1}, method="vietqr")
    first, second = payment.orders.order_by("pk")

    client.force_login(seller)
    client.post(url(first))
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PENDING  # the tea store has not seen its money yet
    client.force_login(other_seller)
    client.post(url(second))
    payment.refresh_from_db()
    assert payment.status == Payment.Status.PAID
    assert sorted(payment.orders.values_list("status", flat=True)) == ["paid", "paid"]


def test_unconfirmed_transfer_expires_and_releases_stock_once(honey, order, settings):
    honey.refresh_from_db()
    assert honey.stock == 3
    assert expire_unpaid_orders() == 0  # a day to confirm by default
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert expire_unpaid_orders() == 1
    assert expire_unpaid_orders() == 0
    honey.refresh_from_db()
    order.refresh_from_db()
    assert honey.stock == 5
    assert order.status == Order.Status.CANCELLED and order.stock_released_at is not None
    assert order.events.filter(action=A.EXPIRED).count() == 1
    assert Payment.objects.get(pk=order.payment_id).status == Payment.Status.CANCELLED


def test_late_confirmation_of_an_expired_order_is_refused(client, seller, honey, order):
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    expire_unpaid_orders()
    client.force_login(seller)
    assert client.post(url(order)).status_code == 409
    honey.refresh_from_db()
    order.refresh_from_db()
    assert (order.status, honey.stock) == (Order.Status.CANCELLED, 5)


def test_ledger_does_not_credit_transfers_that_went_to_the_seller(client, seller, honey, order, settings):
    settings.ORDERS_COMMISSION_PERCENT = 5
    client.force_login(seller)
    client.post(url(order))
    order_accept(order=order, actor=seller)
    order_ship(order=order, actor=seller, carrier="GHN", tracking_code="1")
    order_deliver(order=order, actor=seller)
    assert Order.objects.get(pk=order.pk).status == Order.Status.DELIVERED
    assert LedgerEntry.objects.count() == 0
    # A cash-on-delivery order of the same store is still credited.
    cod = place_one(honey, 1)
    order_accept(order=cod, actor=seller)
    order_ship(order=cod, actor=seller, carrier="GHN", tracking_code="2")
    order_deliver(order=cod, actor=seller)
    assert list(LedgerEntry.objects.values_list("order_id", "amount")) == [(cod.pk, 215_000 - 10_750)]


def test_seller_cancels_a_paid_transfer_order_and_pays_the_buyer_back(client, seller, honey, order):
    client.force_login(seller)
    client.post(url(order))
    response = client.post(f"/seller/orders/{order.number}/cancel/", {"reason": "Hết hàng"})
    assert response.status_code == 302
    order.refresh_from_db()
    honey.refresh_from_db()
    assert (order.status, honey.stock) == (Order.Status.REFUNDED, 5)
    assert order.events.get(action=A.REFUNDED).actor_id == seller.pk
    payment = Payment.objects.get(pk=order.payment_id)
    assert (payment.status, payment.amount_refunded) == (Payment.Status.REFUNDED, 400_000)
    assert payment.refunds.get().status == "succeeded"
    body = OutgoingEmail.objects.get(key=f"order-{order.pk}-refunded-buyer").body
    assert "chuyển khoản" in body and "thẻ" not in body
    # Again: refused, nothing more written, stock released once.
    assert client.post(f"/seller/orders/{order.number}/refund/").status_code == 409
    honey.refresh_from_db()
    assert honey.stock == 5 and payment.refunds.count() == 1
