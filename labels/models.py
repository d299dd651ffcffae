from django.db import models
from django.utils.translation import gettext_lazy as _


class ProductLabel(models.Model):
    """A product's QR label: the code its stickers carry (labels/codes.py). One per product,
    made the first time the store prints one, and kept: stickers already stuck on jars must
    keep opening the same page."""

    product = models.OneToOneField("marketplace.Product", on_delete=models.CASCADE, related_name="qr_label",
                                   verbose_name=_("product"))
    code = models.CharField(_("code"), max_length=16, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("QR label")
        verbose_name_plural = _("QR labels")

    def __str__(self):
        return f"{self.product} ({self.code})"

    def get_absolute_url(self):
        return f"/xac-minh/{self.code}/"


class LabelScanDay(models.Model):
    """How many times a product's verification page was opened on one day. Nothing about
    who scanned (no IP address, no browser, no account): one counter per product and day
    (docs/DECISIONS.md, "Tem QR OCOP")."""

    product = models.ForeignKey("marketplace.Product", on_delete=models.CASCADE, related_name="label_scan_days",
                                verbose_name=_("product"))
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("scans"), default=0)

    class Meta:
        verbose_name = _("QR label scans on a day")
        verbose_name_plural = _("QR label scans per day")
        constraints = [models.UniqueConstraint(fields=["product", "day"], name="label_scan_one_row_per_day")]
        indexes = [models.Index(fields=["day", "product"], name="label_scan_day")]

    def __str__(self):
        return f"{self.product_id} {self.day}: {self.count}"
