"""Background jobs (RELIABILITY 12, 13)."""

import pytest
from django.conf import settings

from config.celery import app
from marketplace.orders import tasks as order_tasks
from marketplace.payments import tasks as payment_tasks


def test_no_periodic_schedule_or_retry_delay_exceeds_the_visibility_timeout():
    timeout = settings.CELERY_VISIBILITY_TIMEOUT
    assert settings.CELERY_BEAT_SCHEDULE["orders-expire-unpaid"] == {
        "task": "marketplace.orders.tasks.expire_unpaid_orders", "schedule": 300.0}
    assert settings.CELERY_BEAT_SCHEDULE["orders-expire-unpaid"]["schedule"] <= timeout
    for task in (payment_tasks.execute_refund, payment_tasks.expire_provider_session):
        assert task.default_retry_delay <= timeout


def test_beat_task_name_is_registered():
    app.loader.import_default_modules()
    assert "marketplace.orders.tasks.expire_unpaid_orders" in app.tasks


@pytest.mark.parametrize("task", [order_tasks.expire_unpaid_orders, payment_tasks.execute_refund,
                                  payment_tasks.expire_provider_session])
def test_acks_late_only_on_idempotent_tasks(task):
    # Each of these is written to be rerun safely (see the idempotency tests): acks_late is allowed.
    assert task.acks_late is True


@pytest.mark.django_db
def test_expire_provider_session_twice_is_harmless(stripe_stub):
    from marketplace.orders.services.payment_events import order_cancel
    from marketplace.payments.models import PaymentAttempt
    from tests.factories.marketplace import ProductFactory
    from tests.factories.orders import place_one

    order = place_one(ProductFactory(), 1, method="stripe")
    PaymentAttempt.objects.create(payment=order.payment, idempotency_key="pay-abc", provider_reference="cs_test_abc")
    order_cancel(order=order, actor=None, reason="x")
    payment_tasks.expire_provider_session.apply(args=[order.payment_id])
    payment_tasks.expire_provider_session.apply(args=[order.payment_id])
    keys = {options["idempotency_key"] for _, options in stripe_stub.sessions.expired}
    assert keys == {"pay-abc-expire"}  # same key each time: Stripe acts once
