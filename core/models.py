from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import divisions


class AddressNames:
    """Names of an address held as `province_code`, `ward_code` and `street` (the codes of
    `vietnam-provinces`), for any model that stores those three, required or not."""

    @property
    def province_name(self) -> str:
        return divisions.province_name(self.province_code)

    @property
    def ward_name(self) -> str:
        return divisions.ward_name(self.ward_code)

    @property
    def full_address(self) -> str:
        return divisions.format_address(self.street, self.ward_code, self.province_code)


class AddressFields(AddressNames, models.Model):
    """Province + ward (codes from `vietnam-provinces`) + street or hamlet text."""

    province_code = models.PositiveSmallIntegerField(_("province"), db_index=True)
    ward_code = models.PositiveIntegerField(_("ward"))
    street = models.CharField(_("street, hamlet"), max_length=255)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.province_code and self.ward_code:
            divisions.validate_ward_in_province(self.ward_code, self.province_code)


class OutgoingEmail(models.Model):
    """An e-mail written inside a business transaction and delivered by Celery after commit.

    The row is the idempotency record (RELIABILITY 12): `key` names the event the e-mail
    is about ("order-42-shipped"), so writing it twice keeps one row, and delivery marks
    `sent_at` under a row lock, so running the task twice sends once.
    """

    key = models.CharField(max_length=200, unique=True)
    to = models.EmailField()
    subject = models.CharField(max_length=255)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return f"{self.to}: {self.subject}"


class OutboxMessage(models.Model):
    """A task for the broker, written in the same transaction as the change it follows (a
    transactional outbox): the change and the promise to act on it commit together.

    After commit the message is handed to the broker and marked sent. If the broker does
    not take it (down, unreachable, slow), the row stays unsent and the relay
    (`core.outbox.relay`: every minute from Celery beat, and at once when a later hand-over
    succeeds again) re-sends it, with back-off. Tasks are idempotent, so a message sent
    twice (a crash between publishing and marking) has its effect once.
    """

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [models.Index(fields=["next_attempt_at", "id"], condition=models.Q(sent_at=None),
                                name="core_outbox_unsent")]

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"
