"""Stock reservation and release (RELIABILITY 1, 2, 3, 11, 12)."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from core.models import OutgoingEmail
from marketplace.models import Product
from marketplace.orders.exceptions import OutOfStock
from marketplace.orders.models import Order, OrderEvent
from marketplace.orders.services.payment_events import order_cancel
from marketplace.orders.tasks import expire_unpaid_orders
from marketplace.payments.models import Payment
from tests.factories.marketplace import ProductFactory
from tests.factories.orders import place, place_one, run_at_once


@pytest.mark.django_db
def test_cancelling_cod_releases_stock_exactly_once():
    honey = ProductFactory(stock=5)
    order = place_one(honey, 2)
    honey.refresh_from_db()
    assert honey.stock == 3

    order_cancel(order=order, actor=None, reason="Khách đổi ý")
    order_cancel(order=order, actor=None, reason="Khách đổi ý")  # no-op

    honey.refresh_from_db()
    order.refresh_from_db()
    assert honey.stock == 5
    assert order.status == Order.Status.CANCELLED
    assert order.events.filter(action=OrderEvent.Action.CANCELLED).count() == 1
    assert order.payment.status == Payment.Status.CASH_ON_DELIVERY or order.payment.status == "cod"


@pytest.mark.django_db
def test_unpaid_card_order_expires_and_frees_stock(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    settings.ORDERS_PAYMENT_TIMEOUT_MINUTES = 30
    honey = ProductFactory(stock=4)
    order = place_one(honey, 3, method="stripe")
    assert order.status == Order.Status.PENDING_PAYMENT
    assert order.expires_at - order.created_at == pytest.approx(datetime.timedelta(minutes=30),
                                                                abs=datetime.timedelta(seconds=5))
    honey.refresh_from_db()
    assert honey.stock == 1

    assert expire_unpaid_orders() == 0  # not yet
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert expire_unpaid_orders() == 1
    assert expire_unpaid_orders() == 0  # RELIABILITY 12: a second run changes nothing

    honey.refresh_from_db()
    order.refresh_from_db()
    assert honey.stock == 4
    assert order.status == Order.Status.CANCELLED
    assert order.payment.status == Payment.Status.CANCELLED
    assert order.events.filter(action=OrderEvent.Action.EXPIRED).count() == 1
    assert OutgoingEmail.objects.filter(key=f"order-{order.pk}-expired-buyer").count() == 1


@pytest.mark.django_db
def test_paid_orders_and_processing_payments_do_not_expire(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_123"
    order = place_one(ProductFactory(stock=4), 1, method="stripe")
    Payment.objects.filter(pk=order.payment_id).update(status=Payment.Status.PROCESSING)
    Order.objects.filter(pk=order.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert expire_unpaid_orders() == 0
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_PAYMENT


@pytest.mark.django_db
def test_short_stock_saves_nothing():
    honey = ProductFactory(stock=1)
    tea = ProductFactory(stock=9)
    with pytest.raises(OutOfStock) as exc:
        place({tea: 2, honey: 2})
    assert exc.value.shortages == [(honey.name, 1)]
    assert Order.objects.count() == 0 and Payment.objects.count() == 0
    assert list(Product.objects.order_by("pk").values_list("stock", flat=True)) == [1, 9]


@pytest.mark.django_db
def test_email_task_enqueued_in_a_rolled_back_transaction_never_runs(django_capture_on_commit_callbacks, mailoutbox):
    """RELIABILITY 11: order notifications go out on commit only."""
    honey = ProductFactory(stock=5)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                place_one(honey, 1)
                raise RuntimeError("boom")
    assert callbacks == []
    assert mailoutbox == []
    assert Order.objects.count() == 0 and OutgoingEmail.objects.count() == 0
    honey.refresh_from_db()
    assert honey.stock == 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_last_unit_with_concurrent_checkouts_sells_once():
    """RELIABILITY 1: 8 threads race for the last jar: one order, stock 0, never negative."""
    honey = ProductFactory(stock=1)
    other = ProductFactory(stock=50)
    results = run_at_once(lambda: place({other: 1, honey: 1}), 8)

    assert sum(isinstance(r, Payment) for r in results) == 1
    assert sum(isinstance(r, OutOfStock) for r in results) == 7
    honey.refresh_from_db()
    other.refresh_from_db()
    assert (honey.stock, other.stock) == (0, 49)
    # One checkout went through: one payment, one order per store (honey and other differ).
    assert Payment.objects.count() == 1
    assert Order.objects.count() == 2
