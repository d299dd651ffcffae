import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage

VALIDITY_MONTHS = 36


def certificate_expiry(decision_date: datetime.date) -> datetime.date:
    """An OCOP certificate is valid for 36 months from the decision date."""
    return decision_date + relativedelta(months=VALIDITY_MONTHS)


class OcopCertificateQuerySet(models.QuerySet):
    def valid(self, on: datetime.date | None = None):
        """Verified by a programme officer and not expired: the only ones that show stars."""
        on = on or timezone.localdate()
        return self.filter(status=OcopCertificate.Status.VERIFIED, expires_on__gte=on)


class OcopCertificate(models.Model):
    """An OCOP rating decision (3★–4★ by the province's People's Committee, 5★ by the
    ministry), valid 36 months, held by a store.

    A row backs at most one of the store's products (`product`); the same decision shown on
    several products (pack sizes) is one row per product, copied by `certificate_attach`
    with its verification. A row without a product backs nothing yet: a certificate
    carried over from the approved application, waiting for the seller to attach it
    (docs/DECISIONS.md, "Seller onboarding")."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REFUSED = "refused", _("Refused")

    class Stars(models.IntegerChoices):
        THREE = 3, _("3 stars")
        FOUR = 4, _("4 stars")
        FIVE = 5, _("5 stars")

    store = models.ForeignKey("marketplace.Store", on_delete=models.CASCADE, related_name="ocop_certificates",
                              verbose_name=_("store"))
    product = models.ForeignKey("marketplace.Product", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="certificates", verbose_name=_("product"))
    # The product as the decision names it (a product of the store may be called otherwise).
    product_name = models.CharField(_("product named on the certificate"), max_length=200, blank=True)
    stars = models.PositiveSmallIntegerField(_("stars"), choices=Stars.choices)
    # None: not recorded (a certificate declared on the application, which asks no score).
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True,
                                             validators=[MinValueValidator(0), MaxValueValidator(100)])
    decision_number = models.CharField(_("decision number"), max_length=60)
    decision_date = models.DateField(_("decision date"))
    issuing_authority = models.CharField(_("issuing authority"), max_length=200)
    expires_on = models.DateField(_("valid until"), editable=False)
    scan = models.FileField(_("scan of the certificate"), upload_to="certificates/%Y/", storage=private_storage,
                            blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("verified by"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    refusal_reason = models.CharField(_("reason for refusal"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OcopCertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-decision_date"]
        verbose_name = _("OCOP certificate")
        verbose_name_plural = _("OCOP certificates")
        indexes = [models.Index(fields=["product", "status", "expires_on"])]
        constraints = [models.CheckConstraint(condition=models.Q(stars__in=[3, 4, 5]), name="ocop_stars_3_to_5"),
                       models.CheckConstraint(condition=models.Q(score__isnull=True) | models.Q(score__lte=100),
                                              name="ocop_score_max_100")]

    def __str__(self):
        return f"{self.product or self.product_name} — {self.stars}★ ({self.decision_number})"

    def save(self, *args, **kwargs):
        if self.store_id is None and self.product_id is not None:
            self.store_id = self.product.store_id  # the product's store holds its certificate
        if self.decision_date:
            self.expires_on = certificate_expiry(self.decision_date)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.product_id and self.store_id and self.product.store_id != self.store_id:
            raise ValidationError({"product": _("Choose one of your store's products.")})

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.status == self.Status.VERIFIED and self.expires_on >= day
