"""Cross-cutting writes: e-mail notifications."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.models import OutgoingEmail
from core.outbox import enqueue_on_commit
from core.tasks import deliver_email


def email_enqueue(*, key: str, to: str, subject: str, template: str, context: dict,
                  language: str | None = None) -> OutgoingEmail:
    """Write an e-mail for `to` and deliver it after the surrounding transaction commits.

    `key` makes it idempotent: a second call with the same key returns the first e-mail
    and sends nothing more. The body is rendered now, in `language` (default Vietnamese),
    so the task only delivers.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "site_url": settings.SITE_URL})
        subject = str(subject)
    with transaction.atomic():
        email, created = OutgoingEmail.objects.get_or_create(
            key=key, defaults={"to": to, "subject": subject, "body": body}
        )
        if created:
            enqueue_on_commit(deliver_email, email.pk)
    return email
