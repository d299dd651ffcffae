"""Thin, idempotent payment tasks: ids in, the work is the gateway's.

The names are the ones queued in the outbox and the broker: renaming a task strands the
messages already waiting under the old name."""

from celery import shared_task

from marketplace.payments.exceptions import PaymentProviderError


@shared_task(bind=True, acks_late=True, max_retries=8, default_retry_delay=300)
def execute_refund(self, refund_id: int) -> bool:
    """Rerunning is safe: a succeeded refund is skipped, a pending one reuses its key."""
    from marketplace.payments import gateway

    try:
        return gateway.send_refund(refund_id=refund_id)
    except PaymentProviderError as exc:
        raise self.retry(exc=exc) from exc


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=300)
def expire_provider_session(self, payment_id: int) -> None:
    """Rerunning is safe: the provider is called with the same keys."""
    from marketplace.payments import gateway

    try:
        gateway.close_at_provider(payment_id=payment_id)
    except PaymentProviderError as exc:
        raise self.retry(exc=exc) from exc
