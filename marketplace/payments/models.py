import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.payments import providers


class Payment(models.Model):
    """One payment for one checkout (which may hold orders from several stores).

    `method` is a provider code (`providers.COD`, `providers.STRIPE`, `providers.VIETQR`):
    a plain string, so a new provider needs no migration here. Templates ask the
    properties below rather than compare codes.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for payment")
        PROCESSING = "processing", _("Payment processing")
        PAID = "paid", _("Paid")
        CASH_ON_DELIVERY = "cod", _("Cash on delivery")
        FAILED = "failed", _("Payment failed")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    method = models.CharField(_("payment method"), max_length=20)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    amount_refunded = models.PositiveBigIntegerField(_("refunded (VND)"), default=0)
    currency = models.CharField(max_length=3, default="VND", editable=False)
    email = models.EmailField(_("e-mail"))
    provider_payment_id = models.CharField(max_length=255, blank=True, db_index=True,
                                           help_text="Stripe PaymentIntent id, once known.")
    # The checkout form's one-time key: a form submitted twice (double click, a retry after
    # a timeout) finds the payment the first submission made instead of placing a second.
    submission_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self):
        return f"{self.method} {self.amount} ({self.get_status_display()})"

    @property
    def is_cash_on_delivery(self) -> bool:
        return self.method == providers.COD

    @property
    def is_bank_transfer(self) -> bool:
        """VietQR: the buyer pays each store's own account and the store confirms."""
        return self.method == providers.VIETQR


class PaymentAttempt(models.Model):
    """One outbound "start payment" call. The idempotency key is saved (committed) before
    the provider is called, and a retry after a timeout reuses it, so the provider
    creates at most one Checkout Session per attempt (RELIABILITY 4)."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="attempts")
    idempotency_key = models.CharField(max_length=80, unique=True)
    provider_reference = models.CharField(max_length=255, blank=True, db_index=True)
    redirect_url = models.URLField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.idempotency_key


class Refund(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    order = models.ForeignKey("orders.Order", null=True, blank=True, on_delete=models.PROTECT, related_name="refunds")
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    idempotency_key = models.CharField(max_length=80, unique=True)
    provider_reference = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.amount} ({self.status})"


class WebhookEvent(models.Model):
    """A provider event processed once: the unique constraint is the guard against
    duplicate and concurrent deliveries (RELIABILITY 7). Written in the same transaction
    as the handler's effects, so a failing handler leaves no row and a redelivery runs."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=255)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [models.UniqueConstraint(fields=["provider", "event_id"], name="unique_webhook_event")]

    def __str__(self):
        return f"{self.provider} {self.type} {self.event_id}"
