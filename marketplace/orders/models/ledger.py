from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PayoutBatch(models.Model):
    """Programme office's transfer run for a period: one Payout per store."""

    class Status(models.TextChoices):
        OPEN = "open", _("To pay")
        PAID = "paid", _("Paid")

    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    status = models.CharField(_("status"), max_length=6, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payout batch")
        verbose_name_plural = _("payout batches")

    def __str__(self):
        return f"{self.period_start} – {self.period_end}"


class Payout(models.Model):
    """What one store is paid in a batch; bank details are snapshot at creation."""

    batch = models.ForeignKey(PayoutBatch, on_delete=models.CASCADE, related_name="payouts")
    store = models.ForeignKey("marketplace.Store", on_delete=models.PROTECT, related_name="payouts")
    amount = models.BigIntegerField(_("amount (VND)"))
    bank_bin = models.CharField(max_length=8)
    account_number = models.CharField(max_length=30)
    account_holder = models.CharField(max_length=100)

    class Meta:
        ordering = ["store__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["batch", "store"], name="unique_payout_store_batch")]

    def __str__(self):
        return f"{self.store} {self.amount}"


class LedgerEntry(models.Model):
    """Money the platform owes a store. A delivered order credits total − commission once
    (unique per order and kind); a refund after crediting writes a reversal."""

    class Kind(models.TextChoices):
        ORDER = "order", _("Delivered order")
        REVERSAL = "reversal", _("Refund")

    store = models.ForeignKey("marketplace.Store", on_delete=models.PROTECT, related_name="ledger_entries")
    order = models.ForeignKey("orders.Order", on_delete=models.PROTECT, related_name="ledger_entries")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    gross = models.BigIntegerField(_("order total (VND)"))
    commission = models.BigIntegerField(_("commission (VND)"))
    amount = models.BigIntegerField(_("amount (VND)"))
    payout = models.ForeignKey(Payout, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["order", "kind"], name="unique_ledger_entry_per_order")]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")

    def __str__(self):
        return f"{self.store} {self.kind} {self.amount}"
