"""Thin, idempotent tasks; ids in."""

import logging

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """Send `task` to the broker only once the current transaction commits (RELIABILITY 11).

    Outside a transaction Django runs the callback at once. Without a broker the task
    runs eagerly, still after commit.
    """
    transaction.on_commit(lambda: task.delay(*args))


@shared_task(bind=True, acks_late=True, max_retries=5, default_retry_delay=60)
def deliver_email(self, email_id: int) -> bool:
    """Send one OutgoingEmail once: the row lock plus `sent_at` make reruns no-ops."""
    from core.models import OutgoingEmail

    error = None
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.sent_at is not None:
            return False
        email.attempts += 1
        try:
            send_mail(email.subject, email.body, None, [email.to])
        except OSError as exc:
            error = exc
        else:
            email.sent_at = timezone.now()
        email.save(update_fields=["attempts", "sent_at"])
    if error is not None:
        logger.warning("e-mail %s not sent (%s); retrying", email_id, error)
        raise self.retry(exc=error)
    return True
