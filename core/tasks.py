"""Thin, idempotent tasks; ids in. Enqueue them with core.outbox.enqueue_on_commit."""

import logging

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


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


@shared_task(acks_late=True)
def relay_outbox() -> int:
    """Every minute (beat): re-send outbox messages the broker did not take, and drop old sent ones."""
    from core import outbox

    sent = outbox.relay()
    outbox.prune()
    return sent


RESEND_AFTER_MINUTES = 15
MAX_EMAIL_ATTEMPTS = 25


@shared_task(acks_late=True)
def resend_unsent_emails() -> int:
    """Every 15 minutes (beat): e-mails whose delivery gave up (the mail server was down
    through every retry) are tried again, up to MAX_EMAIL_ATTEMPTS in all."""
    from core.models import OutgoingEmail

    cutoff = timezone.now() - timezone.timedelta(minutes=RESEND_AFTER_MINUTES)
    ids = list(OutgoingEmail.objects.filter(sent_at=None, attempts__lt=MAX_EMAIL_ATTEMPTS, created_at__lt=cutoff)
               .order_by("pk").values_list("pk", flat=True)[:100])
    for email_id in ids:
        deliver_email.delay(email_id)
    return len(ids)
