"""The store profile and OCOP certificates a seller submits."""

import datetime

from django.db import transaction

from core.html import sanitize_html
from core.storage import clean_all, files_deleted_on_error
from core.uploads import clean_document_upload, clean_image_upload, wagtail_image_from_clean
from marketplace.models import OcopCertificate, Product, Store


def store_update_profile(*, store: Store, user, name: str, producer_type: str, story: str, phone: str,
                         province_code: int, ward_code: int, street: str, logo=None, banner=None) -> Store:
    """Save the public profile; logo/banner are uploads (validated, EXIF stripped) or None to keep.

    All or nothing: both images are checked before either is stored (a refused one raises
    ValidationError keyed by "logo"/"banner"), and a failure after the files were written
    deletes them."""
    from marketplace.checklist import store_refresh_go_live

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


def certificate_add(*, product: Product, stars: int, score: int, decision_number: str,
                    decision_date: datetime.date, issuing_authority: str, scan=None) -> OcopCertificate:
    """Record the seller's certificate as pending: a programme officer verifies it. The scan
    is checked before it is stored and deleted again if the row cannot be saved."""
    certificate = OcopCertificate(product=product, stars=stars, score=score, decision_number=decision_number.strip(),
                                  decision_date=decision_date, issuing_authority=issuing_authority.strip(),
                                  status=OcopCertificate.Status.PENDING)
    certificate.expires_on = decision_date  # set properly by save(); full_clean needs a value
    certificate.full_clean(exclude=["scan"])
    clean = clean_document_upload(scan) if scan is not None else None  # a PDF or a photo, as declared ones
    with files_deleted_on_error() as written, transaction.atomic():
        if clean is not None:
            written.save(certificate.scan, clean.name, clean.content)
        certificate.save()
    return certificate
