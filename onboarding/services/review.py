"""Programme officers' decisions: approve (creating the store), request changes, reject,
and verify or refuse OCOP certificates (declared on applications or added on products).

Every service checks that the officer covers the application's province: the admin views
404 before reaching here, scripts and tests get NotAllowed.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import roles
from core.storage import files_deleted_on_error
from marketplace.models import OcopCertificate
from marketplace.services.lifecycle import store_open_for_approved_application
from marketplace.services.stores import VerifiedCertificate, certificates_carry_over
from onboarding.exceptions import NotAllowed
from onboarding.models import ApplicationCertificate, ApplicationStatus, SellerApplication
from onboarding.selectors import officer_covers_province
from onboarding.services.transitions import application_transition
from onboarding.steps import REVIEW_FIELDS


def _check_officer(officer, province_code) -> None:
    if not officer_covers_province(officer, province_code):
        raise NotAllowed(_("You do not review applications from this province."))


def application_approve(*, application: SellerApplication, officer, note: str = "") -> SellerApplication:
    """Approve: one transaction creates the draft store, makes the applicant its owner and
    a Seller, gives the store the declared certificates the officer verified (verified, with
    a copy of their scans: the seller attaches them to products, no second verification)
    and records the decision. The store goes live later (checklist).

    Refused (ValidationError, nothing changed) while a declared certificate waits for the
    officer's decision: approving would otherwise drop it silently."""
    _check_officer(officer, application.province_code)
    with files_deleted_on_error() as written, transaction.atomic():
        approved = application_transition(application=application, to=ApplicationStatus.APPROVED, actor=officer,
                                          note=note)
        declared = list(approved.certificates.select_related("verified_by"))
        if any(c.status == ApplicationCertificate.Status.PENDING for c in declared):
            raise ValidationError(_("Verify or refuse each declared OCOP certificate before approving: "
                                    "the verified ones become the store's certificates."), code="certificates_pending")
        approved.decided_at = timezone.now()
        approved.store = store_open_for_approved_application(
            owner=approved.applicant, name=approved.trading_name or approved.legal_name,
            producer_type=approved.producer_type, province_code=approved.province_code,
            ward_code=approved.ward_code, street=approved.street, phone=approved.representative_phone,
            approved_at=approved.decided_at)
        certificates_carry_over(store=approved.store, written=written, certificates=[
            VerifiedCertificate(product_name=c.product_name, stars=c.stars, decision_number=c.decision_number,
                                decision_date=c.decision_date, issuing_authority=c.issuing_authority,
                                verified_by=c.verified_by, verified_at=c.verified_at, scan=c.scan or None)
            for c in declared if c.status == ApplicationCertificate.Status.VERIFIED])
        approved.save(update_fields=["store", "decided_at", "updated_at"])
        approved.applicant.groups.add(Group.objects.get(name=roles.SELLERS))
    return approved


@transaction.atomic
def application_request_changes(*, application: SellerApplication, officer, note: str = "",
                                field_notes: dict[str, str] | None = None) -> SellerApplication:
    """Send the application back with a note per field; the applicant fixes and resubmits."""
    _check_officer(officer, application.province_code)
    field_notes = {key: value.strip() for key, value in (field_notes or {}).items()
                   if key in REVIEW_FIELDS and value and value.strip()}
    if not field_notes and not note.strip():
        raise ValidationError(_("Say what needs to change: write a note on at least one field."),
                              code="no_notes")
    sent_back = application_transition(application=application, to=ApplicationStatus.CHANGES_REQUESTED,
                                       actor=officer, note=note, field_notes=field_notes)
    sent_back.field_notes = field_notes
    sent_back.save(update_fields=["field_notes", "updated_at"])
    return sent_back


@transaction.atomic
def application_reject(*, application: SellerApplication, officer, reason: str) -> SellerApplication:
    _check_officer(officer, application.province_code)
    if not reason.strip():
        raise ValidationError(_("Give the reason for the rejection: the applicant reads it."), code="no_reason")
    rejected = application_transition(application=application, to=ApplicationStatus.REJECTED, actor=officer,
                                      note=reason)
    rejected.decided_at = timezone.now()
    rejected.save(update_fields=["decided_at", "updated_at"])
    return rejected


# --- OCOP certificates -------------------------------------------------------------------

def _decide(certificate, *, officer, verified: bool, reason: str):
    if not verified and not reason.strip():
        raise ValidationError(_("Give the reason for refusing the certificate."), code="no_reason")
    certificate.status = (certificate.Status.VERIFIED if verified else certificate.Status.REFUSED)
    certificate.verified_by = officer
    certificate.verified_at = timezone.now()
    certificate.refusal_reason = "" if verified else reason.strip()[:300]
    certificate.save(update_fields=["status", "verified_by", "verified_at", "refusal_reason"])
    return certificate


@transaction.atomic
def declared_certificate_decide(*, certificate: ApplicationCertificate, officer, verified: bool,
                                reason: str = "") -> ApplicationCertificate:
    """Verify or refuse a certificate declared on an application."""
    locked = ApplicationCertificate.objects.select_for_update().select_related("application").get(pk=certificate.pk)
    _check_officer(officer, locked.application.province_code)
    return _decide(locked, officer=officer, verified=verified, reason=reason)


@transaction.atomic
def ocop_certificate_decide(*, certificate: OcopCertificate, officer, verified: bool,
                            reason: str = "") -> OcopCertificate:
    """Verify or refuse a certificate a seller added on a product: a verified, unexpired
    certificate is what shows the product's stars."""
    locked = OcopCertificate.objects.select_for_update().select_related("store").get(pk=certificate.pk)
    _check_officer(officer, locked.store.province_code)
    return _decide(locked, officer=officer, verified=verified, reason=reason)
