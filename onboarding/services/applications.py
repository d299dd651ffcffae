"""The applicant's side of a seller application: start, fill step by step, upload
documents, declare OCOP certificates, submit. Officers' decisions are in `review.py`."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.commit import after_commit
from core.storage import clean_all, files_deleted_on_error
from core.uploads import clean_document_upload
from onboarding.exceptions import ApplicationIncomplete, ApplicationNotEditable, OpenApplicationExists
from onboarding.models import (
    OPEN_STATUSES,
    ApplicationCertificate,
    ApplicationDocument,
    ApplicationStatus,
    SellerApplication,
)
from onboarding.services.transitions import application_transition
from onboarding.steps import missing_steps

# Fields the wizard may write (the state, store and dates only change through services).
WIZARD_FIELDS = frozenset({
    "producer_type", "legal_name", "trading_name", "tax_code", "registration_number", "representative_name",
    "representative_phone", "province_code", "ward_code", "street",
})


def application_start(*, user) -> SellerApplication:
    """Return the user's open application, or start a new draft (one open per user)."""
    existing = SellerApplication.objects.filter(applicant=user, status__in=OPEN_STATUSES).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            application = SellerApplication(applicant=user, representative_name=user.full_name,
                                            representative_phone=user.phone)
            application.full_clean(exclude=["applicant"], validate_constraints=False)
            application.save()
    except IntegrityError as exc:  # the same user started one a moment ago (another tab)
        existing = SellerApplication.objects.filter(applicant=user, status__in=OPEN_STATUSES).first()
        if existing is None:
            raise OpenApplicationExists(_("You already have an open application.")) from exc
        return existing
    return application


def _lock_editable(application: SellerApplication) -> SellerApplication:
    locked = SellerApplication.objects.select_for_update().get(pk=application.pk)
    if not locked.is_editable:
        raise ApplicationNotEditable(_("This application has been sent and can no longer be changed."))
    return locked


@transaction.atomic
def application_update(*, application: SellerApplication, user, fields: dict | None = None,
                       categories=None) -> SellerApplication:
    """Save one wizard step. Only drafts and applications sent back for changes."""
    if application.applicant_id != user.pk:
        raise ApplicationNotEditable(_("This application is not yours."))
    locked = _lock_editable(application)
    fields = fields or {}
    unknown = set(fields) - WIZARD_FIELDS
    if unknown:
        raise ValueError(f"not wizard fields: {sorted(unknown)}")
    if "province_code" in fields and fields["province_code"] != locked.province_code:
        locked.ward_code = None  # a ward belongs to one province
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.full_clean(exclude=["applicant", "categories"], validate_constraints=False)
    locked.save()
    if categories is not None:
        locked.categories.set(categories)
    return locked


def application_documents_upload(*, application: SellerApplication, user, uploads: dict) -> list[ApplicationDocument]:
    """Store `uploads` ({kind: file}, PDF or photo) privately, each replacing the previous
    document of its kind. All or nothing: every file is checked before any is stored (the
    refused ones raise ValidationError keyed by kind), and a failure after files were
    written deletes them; replaced files are deleted once the new ones are committed."""
    if application.applicant_id != user.pk:
        raise ApplicationNotEditable(_("This application is not yours."))
    if not application.is_editable:
        raise ApplicationNotEditable(_("This application has been sent and can no longer be changed."))
    if set(uploads) - set(ApplicationDocument.Kind.values):
        raise ValidationError(_("Unknown document."), code="unknown_kind")
    cleaned = clean_all(uploads, clean_document_upload)
    documents = []
    with files_deleted_on_error() as written, transaction.atomic():
        locked = _lock_editable(application)
        for kind, clean in cleaned.items():
            old = ApplicationDocument.objects.filter(application=locked, kind=kind).first()
            document = ApplicationDocument(application=locked, kind=kind, content_type=clean.content_type,
                                           size=clean.size, original_name=clean.name)
            written.save(document.file, clean.name, clean.content)
            if old is not None:
                old.delete()
                # The replaced scan goes once the new one is committed; a storage that fails
                # is logged (the file stays behind), never a 500 for the committed upload.
                after_commit(old.file.storage.delete, old.file.name)
            document.full_clean(exclude=["application"], validate_constraints=False)
            document.save()
            documents.append(document)
    return documents


def application_certificate_add(*, application: SellerApplication, user, product_name: str, stars: int,
                                decision_number: str, decision_date: datetime.date, issuing_authority: str,
                                scan=None) -> ApplicationCertificate:
    """Declare an OCOP certificate held (pending until an officer verifies it). The scan is
    checked before it is stored and deleted again if the row cannot be saved."""
    if application.applicant_id != user.pk:
        raise ApplicationNotEditable(_("This application is not yours."))
    with files_deleted_on_error() as written, transaction.atomic():
        locked = _lock_editable(application)
        certificate = ApplicationCertificate(application=locked, product_name=product_name.strip(), stars=stars,
                                             decision_number=decision_number.strip(), decision_date=decision_date,
                                             issuing_authority=issuing_authority.strip())
        if decision_date and decision_date > timezone.localdate():
            raise ValidationError({"decision_date": _("The decision date cannot be in the future.")})
        certificate.full_clean(exclude=["application", "scan"])
        if scan is not None:
            clean = clean_document_upload(scan)
            written.save(certificate.scan, clean.name, clean.content)
            certificate.scan_content_type = clean.content_type
        certificate.save()
    return certificate


@transaction.atomic
def application_certificate_remove(*, application: SellerApplication, user, certificate_id: int) -> bool:
    if application.applicant_id != user.pk:
        raise ApplicationNotEditable(_("This application is not yours."))
    locked = _lock_editable(application)
    deleted, _count = ApplicationCertificate.objects.filter(application=locked, pk=certificate_id).delete()
    return bool(deleted)


@transaction.atomic
def application_submit(*, application: SellerApplication, user, accept_terms: bool) -> SellerApplication:
    """Send a complete application for review (draft or changes requested → submitted)."""
    if application.applicant_id != user.pk:
        raise ApplicationNotEditable(_("This application is not yours."))
    locked = _lock_editable(application)
    missing = missing_steps(locked)
    if missing:
        raise ApplicationIncomplete(_("Some steps are not finished yet."), missing=missing)
    if not accept_terms:
        raise ApplicationIncomplete(_("Please accept the terms of the platform to send your application."),
                                    missing=["submit"])
    now = timezone.now()
    locked.terms_accepted_at = now
    locked.submitted_at = now
    locked.field_notes = {}
    locked.save(update_fields=["terms_accepted_at", "submitted_at", "field_notes", "updated_at"])
    return application_transition(application=locked, to=ApplicationStatus.SUBMITTED, actor=user)

