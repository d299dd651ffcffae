"""A producer's application to sell on the platform, with its documents, the OCOP
certificates it declares and the record of every state change (docs/ARCHITECTURE.md, Domain rules)."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import divisions
from core.models import AddressNames
from core.storage import private_storage
from marketplace.models import OcopCertificate, ProducerType


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, waiting for review")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")


# An applicant has at most one of these at a time; a rejected applicant may start again.
OPEN_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.CHANGES_REQUESTED,
                 ApplicationStatus.APPROVED)
EDITABLE_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED)


def _random_name(folder: str, filename: str) -> str:
    """Random file names: a stored name must never reveal or guess another applicant's file."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"onboarding/{folder}/{uuid.uuid4().hex}{suffix}"


def document_upload_to(instance, filename: str) -> str:
    return _random_name("documents", filename)


def scan_upload_to(instance, filename: str) -> str:
    return _random_name("certificates", filename)


class SellerApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def for_applicant(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(applicant=user)

    def in_provinces(self, province_codes: set[int] | None):
        """`None` means every province (see `onboarding.selectors.officer_province_codes`)."""
        if province_codes is None:
            return self
        return self.filter(province_code__in=province_codes)


class SellerApplication(AddressNames, models.Model):
    """Filled step by step in the wizard (every field may be blank while it is a draft);
    `application_submit` checks it is complete."""

    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="seller_applications", verbose_name=_("applicant"))
    status = models.CharField(_("status"), max_length=20, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFT, db_index=True)
    producer_type = models.CharField(_("producer type"), max_length=20, choices=ProducerType.choices, blank=True)
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    trading_name = models.CharField(_("trading name"), max_length=150, blank=True)
    tax_code = models.CharField(_("tax code"), max_length=14, blank=True)
    registration_number = models.CharField(_("business registration number"), max_length=50, blank=True)
    representative_name = models.CharField(_("representative"), max_length=150, blank=True)
    representative_phone = models.CharField(_("representative's phone"), max_length=15, blank=True)
    province_code = models.PositiveSmallIntegerField(_("province"), null=True, blank=True, db_index=True)
    ward_code = models.PositiveIntegerField(_("ward"), null=True, blank=True)
    street = models.CharField(_("street, hamlet"), max_length=255, blank=True)
    categories = models.ManyToManyField("marketplace.Category", blank=True, related_name="+",
                                        verbose_name=_("product groups"))
    terms_accepted_at = models.DateTimeField(_("terms accepted at"), null=True, blank=True)
    # The officer's notes of the last request for changes, by field (keys of REVIEW_FIELDS).
    field_notes = models.JSONField(_("notes per field"), default=dict, blank=True)
    store = models.OneToOneField("marketplace.Store", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="application", verbose_name=_("store"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SellerApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("seller application")
        verbose_name_plural = _("seller applications")
        constraints = [
            models.UniqueConstraint(fields=["applicant"], condition=models.Q(status__in=OPEN_STATUSES),
                                    name="one_open_application_per_user"),
        ]
        indexes = [models.Index(fields=["status", "province_code"])]

    def __str__(self):
        return self.display_name or _("Application #%(pk)s") % {"pk": self.pk}

    def clean(self):
        super().clean()
        if self.province_code and self.ward_code:
            divisions.validate_ward_in_province(self.ward_code, self.province_code)

    @property
    def display_name(self) -> str:
        return self.trading_name or self.legal_name

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ApplicationDocument(models.Model):
    """A scan or photo of an identity or registration paper: private storage only, served
    by `onboarding.views.files` to its applicant and the programme officers."""

    class Kind(models.TextChoices):
        REGISTRATION_CERTIFICATE = "registration_certificate", _("Business registration certificate")
        REPRESENTATIVE_ID = "representative_id", _("ID card of the representative")

    application = models.ForeignKey(SellerApplication, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(pgettext_lazy("application", "document"), max_length=30, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=document_upload_to, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="one_document_per_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.original_name})"


class ApplicationCertificate(models.Model):
    """An OCOP certificate the applicant says they hold. Verified by an officer during the
    review; products' stars come from `marketplace.OcopCertificate` rows."""

    Status = OcopCertificate.Status

    application = models.ForeignKey(SellerApplication, on_delete=models.CASCADE, related_name="certificates")
    product_name = models.CharField(_("product"), max_length=200)
    stars = models.PositiveSmallIntegerField(_("stars"), choices=OcopCertificate.Stars.choices)
    decision_number = models.CharField(_("decision number"), max_length=60)
    decision_date = models.DateField(_("decision date"))
    issuing_authority = models.CharField(_("issuing authority"), max_length=200)
    scan = models.FileField(_("scan of the certificate"), upload_to=scan_upload_to, storage=private_storage,
                            blank=True, max_length=200)
    scan_content_type = models.CharField(max_length=50, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("verified by"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    refusal_reason = models.CharField(_("reason for refusal"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("declared OCOP certificate")
        verbose_name_plural = _("declared OCOP certificates")
        constraints = [models.CheckConstraint(condition=models.Q(stars__in=[3, 4, 5]),
                                              name="application_ocop_stars_3_to_5")]

    def __str__(self):
        return f"{self.product_name} — {self.stars}★ ({self.decision_number})"


class ApplicationEvent(models.Model):
    """One state change of an application: who, when, from what to what, and why."""

    application = models.ForeignKey(SellerApplication, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("by"))
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    note = models.TextField(_("note"), blank=True)
    field_notes = models.JSONField(_("notes per field"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"

    @property
    def labelled_field_notes(self) -> list[tuple[str, str]]:
        """[(field label, note)] in the order of the wizard."""
        from onboarding.steps import REVIEW_FIELDS

        notes = self.field_notes or {}
        return [(label, notes[key]) for key, (label, _step) in REVIEW_FIELDS.items() if notes.get(key)]
