"""Thin, idempotent payment tasks: ids in."""

from celery import shared_task

from marketplace.payments.exceptions import PaymentProviderError


@shared_task(bind=True, acks_late=True, max_retries=8, default_retry_delay=300)
def execute_refund(self, refund_id: int) -> bool:
    """Rerunning is safe: a succeeded refund is skipped, a pending one reuses its key."""
    from marketplace.payments import gateway

    try:
        return gateway.execute_refund(refund_id=refund_id)
    except PaymentProviderError as exc:
        raise self.retry(exc=exc) from exc


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=300)
def expire_provider_session(self, payment_id: int) -> None:
    from marketplace.payments import gateway
    from marketplace.payments.models import Payment

    payment = Payment.objects.filter(pk=payment_id, status=Payment.Status.CANCELLED).first()
    if payment is None:
        return
    try:
        gateway.get_provider(payment.method).cancel(payment=payment)
    except PaymentProviderError as exc:
        raise self.retry(exc=exc) from exc
