"""The `vietqr` provider behind the gateway: offered only when every store of the cart has
a bank account, waits for the transfer with the stock reserved, never calls anyone."""

import datetime

import pytest

from marketplace.orders.models import Order, OrderEvent
from marketplace.payments import gateway
from marketplace.payments.exceptions import PaymentError
from marketplace.payments.models import Payment
from marketplace.payments.providers import PROVIDERS
from marketplace.payments.providers.vietqr.provider import VietQRTransfer
from tests.factories.marketplace import ProductFactory, StoreFactory
from tests.factories.orders import place, place_one
from tests.factories.vietqr import transfer_store


def test_registered_beside_cash_and_card():
    assert list(PROVIDERS) == ["cod", "stripe", "vietqr"]
    provider = PROVIDERS["vietqr"]
    assert isinstance(provider, VietQRTransfer)
    assert (provider.initial_order_status, provider.redirects, str(provider.label)) == (
        "pending_payment", False, "Chuyển khoản VietQR")
    assert gateway.pays_store_directly("vietqr") is True
    assert gateway.pays_store_directly("cod") is False and gateway.pays_store_directly("stripe") is False


def test_nothing_to_call_at_the_provider():
    provider = PROVIDERS["vietqr"]
    with pytest.raises(PaymentError):
        provider.start(payment=None, attempt=None, success_url="", cancel_url="")
    with pytest.raises(PaymentError):
        provider.refund(refund=None)
    assert provider.cancel(payment=None) is None


@pytest.mark.django_db
def test_offered_only_when_every_store_has_a_bank_account(settings):
    settings.STRIPE_SECRET_KEY = ""
    ready, other_ready, missing = transfer_store(), transfer_store(), StoreFactory()
    assert [p.code for p in gateway.available_methods([ready, other_ready])] == ["cod", "vietqr"]
    assert [p.code for p in gateway.available_methods([ready, missing])] == ["cod"]
    assert gateway.stores_refused(PROVIDERS["vietqr"], [ready, missing]) == [missing]
    assert gateway.stores_refused(PROVIDERS["cod"], [missing]) == []


@pytest.mark.django_db
def test_placing_for_a_store_without_bank_account_is_refused_and_saves_nothing():
    honey = ProductFactory(stock=5, store=transfer_store())
    tea = ProductFactory(stock=5, store=StoreFactory())
    with pytest.raises(PaymentError):
        place({honey: 1, tea: 1}, method="vietqr")
    assert Order.objects.count() == 0 and Payment.objects.count() == 0
    honey.refresh_from_db()
    tea.refresh_from_db()
    assert (honey.stock, tea.stock) == (5, 5)


@pytest.mark.django_db
def test_order_waits_for_the_transfer_with_stock_reserved(settings):
    settings.ORDERS_TRANSFER_TIMEOUT_MINUTES = 720
    honey = ProductFactory(stock=5, price=185_000, store=transfer_store())
    order = place_one(honey, 2, method="vietqr")
    assert (order.status, order.total, order.payment.status, order.payment.method) == (
        Order.Status.PENDING_PAYMENT, 400_000, Payment.Status.PENDING, "vietqr")
    assert order.get_status_display() == "Chờ chuyển khoản"
    assert order.expires_at - order.created_at == pytest.approx(datetime.timedelta(minutes=720),
                                                                abs=datetime.timedelta(seconds=5))
    honey.refresh_from_db()
    assert honey.stock == 3
    assert list(order.events.values_list("action", flat=True)) == [OrderEvent.Action.PLACED]
    # Placed for good (no card page to come back from): buyer and store are told now.
    from core.models import OutgoingEmail

    keys = set(OutgoingEmail.objects.values_list("key", flat=True))
    assert f"order-{order.pk}-placed-buyer" in keys
    body = OutgoingEmail.objects.get(key=f"order-{order.pk}-placed-buyer").body
    assert "chuyển khoản" in body and "khi nhận hàng" not in body


@pytest.mark.django_db
def test_card_orders_keep_their_own_label_and_timeout(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.ORDERS_PAYMENT_TIMEOUT_MINUTES = 30
    order = place_one(ProductFactory(stock=2, store=transfer_store()), 1, method="stripe")
    assert order.get_status_display() == "Chờ thanh toán"
    assert order.expires_at - order.created_at == pytest.approx(datetime.timedelta(minutes=30),
                                                                abs=datetime.timedelta(seconds=5))
