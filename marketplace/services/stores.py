"""The store profile and OCOP certificates a seller submits."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.html import sanitize_html
from core.storage import clean_all, files_deleted_on_error
from marketplace.images import clean_image_upload, wagtail_image_from_clean
from marketplace.models import OcopCertificate, Product, Store

MAX_SCAN_BYTES = 10 * 1024 * 1024


def store_update_profile(*, store: Store, user, name: str, producer_type: str, story: str, phone: str,
                         province_code: int, ward_code: int, street: str, logo=None, banner=None) -> Store:
    """Save the public profile; logo/banner are uploads (validated, EXIF stripped) or None to keep.

    All or nothing: both images are checked before either is stored (a refused one raises
    ValidationError keyed by "logo"/"banner"), and a failure after the files were written
    deletes them."""
    from onboarding.checklist import store_refresh_go_live

    images = clean_all({field: upload for field, upload in (("logo", logo), ("banner", banner))
                        if upload is not None}, clean_image_upload)
    store.name, store.producer_type = name.strip(), producer_type
    store.story = sanitize_html(story)
    store.phone = phone
    store.province_code, store.ward_code, store.street = province_code, ward_code, street.strip()
    store.full_clean()
    with files_deleted_on_error() as written, transaction.atomic():
        for field, clean in images.items():
            setattr(store, field, wagtail_image_from_clean(clean, title=f"{store.name} – {field}", user=user,
                                                           written=written))
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


def certificate_add(*, product: Product, stars: int, score: int, decision_number: str,
                    decision_date: datetime.date, issuing_authority: str, scan=None) -> OcopCertificate:
    """Record the seller's certificate as pending: a programme officer verifies it. The scan
    is checked before it is stored and deleted again if the row cannot be saved."""
    certificate = OcopCertificate(product=product, stars=stars, score=score, decision_number=decision_number.strip(),
                                  decision_date=decision_date, issuing_authority=issuing_authority.strip(),
                                  status=OcopCertificate.Status.PENDING)
    certificate.expires_on = decision_date  # set properly by save(); full_clean needs a value
    certificate.full_clean(exclude=["scan"])
    content = _clean_scan(scan) if scan is not None else None
    with files_deleted_on_error() as written, transaction.atomic():
        if content is not None:
            written.save(certificate.scan, getattr(content, "name", "scan"), content)
        certificate.save()
    return certificate
