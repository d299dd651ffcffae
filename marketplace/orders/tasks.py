"""Thin, idempotent order tasks."""

from celery import shared_task


@shared_task(acks_late=True)
def expire_unpaid_orders() -> int:
    """Periodic (CELERY_BEAT_SCHEDULE): cancel card and transfer orders unpaid past their
    deadline and release their stock. A second run finds them cancelled and does nothing."""
    from marketplace.orders.services.payment_events import orders_expire_unpaid

    return orders_expire_unpaid()
