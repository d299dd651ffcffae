"""The store profile and OCOP certificates a seller submits."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.html import sanitize_html
from marketplace.images import clean_image_upload, wagtail_image_from_upload
from marketplace.models import OcopCertificate, Product, Store

MAX_SCAN_BYTES = 10 * 1024 * 1024


@transaction.atomic
def store_update_profile(*, store: Store, user, name: str, producer_type: str, story: str, phone: str,
                         province_code: int, ward_code: int, street: str, logo=None, banner=None) -> Store:
    """Save the public profile; logo/banner are uploads (validated, EXIF stripped) or None to keep."""
    from onboarding.checklist import store_refresh_go_live

    store.name, store.producer_type = name.strip(), producer_type
    store.story = sanitize_html(story)
    store.phone = phone
    store.province_code, store.ward_code, store.street = province_code, ward_code, street.strip()
    store.full_clean()
    if logo is not None:
        store.logo = wagtail_image_from_upload(logo, title=f"{store.name} – logo", user=user)
    if banner is not None:
        store.banner = wagtail_image_from_upload(banner, title=f"{store.name} – banner", user=user)
    store.save()
    store_refresh_go_live(store=store)
    return store


def _clean_scan(upload):
    """A certificate scan is a photo (checked and cleaned like product photos) or a PDF."""
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        if upload.size > MAX_SCAN_BYTES:
            raise ValidationError(_("The scan is too large: at most %(limit)s MB.")
                                  % {"limit": MAX_SCAN_BYTES // 2**20}, code="too_large")
        return upload
    return clean_image_upload(upload).content


@transaction.atomic
def certificate_add(*, product: Product, stars: int, score: int, decision_number: str,
                    decision_date: datetime.date, issuing_authority: str, scan=None) -> OcopCertificate:
    """Record the seller's certificate as pending: a programme officer verifies it."""
    certificate = OcopCertificate(product=product, stars=stars, score=score, decision_number=decision_number.strip(),
                                  decision_date=decision_date, issuing_authority=issuing_authority.strip(),
                                  status=OcopCertificate.Status.PENDING)
    certificate.expires_on = decision_date  # set properly by save(); full_clean needs a value
    certificate.full_clean(exclude=["scan"])
    if scan is not None:
        content = _clean_scan(scan)
        certificate.scan.save(getattr(content, "name", "scan"), content, save=False)
    certificate.save()
    return certificate
