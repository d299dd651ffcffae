"""Thin, idempotent order tasks."""

from celery import shared_task


@shared_task(acks_late=True)
def expire_unpaid_orders() -> int:
    """Periodic (CELERY_BEAT_SCHEDULE): cancel card orders unpaid past the timeout and
    release their stock. A second run finds them cancelled and does nothing."""
    from marketplace.orders.services.orders import orders_expire_unpaid

    return orders_expire_unpaid()
