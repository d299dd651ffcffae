"""The store profile and its OCOP certificates: those a seller submits, those carried over
from the approved application, and attaching a verified one to products."""

import datetime
import logging
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.html import sanitize_html
from core.storage import WrittenFiles, clean_all, files_deleted_on_error
from core.uploads import clean_document_upload, clean_image_upload, wagtail_image_from_clean
from marketplace.models import OcopCertificate, Product, Store

logger = logging.getLogger(__name__)


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
    certificate = OcopCertificate(store_id=product.store_id, product=product, product_name=product.name,
                                  stars=stars, score=score, decision_number=decision_number.strip(),
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


@dataclass(frozen=True)
class VerifiedCertificate:
    """A certificate the programme office has already verified (one declared on the
    approved application), given as plain values: the store keeps its own copy."""

    product_name: str
    stars: int
    decision_number: str
    decision_date: datetime.date
    issuing_authority: str
    verified_by: object  # the officer (a User), or None
    verified_at: datetime.datetime
    scan: object = None  # a readable file (e.g. a FieldFile); its bytes are copied, never its name


def _copy_scan(certificate: OcopCertificate, scan, written: WrittenFiles) -> None:
    """Write a copy of `scan` into the certificate's own storage (a new random name).
    A scan that cannot be read is logged and left out: the certificate stays verified."""
    try:
        with scan.open("rb") as source:
            content = source.read()
    except OSError:
        logger.warning("Certificate %s: the scan %s could not be read; carried over without it",
                       certificate.decision_number, getattr(scan, "name", scan))
        return
    suffix = PurePath(getattr(scan, "name", "") or "").suffix.lower()[:6]
    written.save(certificate.scan, f"{uuid.uuid4().hex}{suffix}", ContentFile(content))


def certificates_carry_over(*, store: Store, certificates: list[VerifiedCertificate],
                            written: WrittenFiles) -> list[OcopCertificate]:
    """Give `store` the certificates the programme verified on its application: verified
    (same officer, same time), no product yet (the seller attaches them, without a second
    verification), no score unless known. Scans are copied through `written`, so the
    caller's `files_deleted_on_error` removes them if its transaction fails."""
    made = []
    with transaction.atomic():
        for given in certificates:
            certificate = OcopCertificate(
                store=store, product=None, product_name=given.product_name.strip(), stars=given.stars, score=None,
                decision_number=given.decision_number.strip(), decision_date=given.decision_date,
                issuing_authority=given.issuing_authority.strip(), status=OcopCertificate.Status.VERIFIED,
                verified_by=given.verified_by, verified_at=given.verified_at)
            certificate.expires_on = given.decision_date  # set properly by save(); full_clean needs a value
            certificate.full_clean(exclude=["scan"])
            if given.scan:
                _copy_scan(certificate, given.scan, written)
            certificate.save()
            made.append(certificate)
    return made


def attachable_products(store: Store | int):
    """The products a certificate of `store` (or its id) may back: its own, not archived."""
    return Product.objects.for_store(store).exclude(status=Product.Status.ARCHIVED)


@transaction.atomic
def certificate_attach(*, certificate: OcopCertificate, products: list[Product]) -> list[OcopCertificate]:
    """Show a verified, unexpired certificate of the store on `products` (one step, no
    second verification): a certificate backing no product yet takes the first one, and
    every other product gets its own row with the same decision, verification and scan.
    Products already backed by this decision are skipped. ValidationError (nothing saved)
    for an unverified or expired certificate, no product, or a product of another store."""
    locked = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    if not locked.is_valid_on(timezone.localdate()):
        raise ValidationError(_("Only a verified certificate that has not expired can be attached to products."),
                              code="not_valid")
    if not products:
        raise ValidationError(_("Choose at least one product."), code="no_product")
    allowed = set(attachable_products(locked.store_id).filter(pk__in=[p.pk for p in products])
                  .values_list("pk", flat=True))
    if any(p.pk not in allowed for p in products):
        raise ValidationError(_("Choose one of your store's products."), code="foreign_product")
    backed = set(OcopCertificate.objects.filter(store_id=locked.store_id, decision_number=locked.decision_number,
                                                product__isnull=False).values_list("product_id", flat=True))
    todo = [p for p in dict.fromkeys(products) if p.pk not in backed]
    made = []
    if todo and locked.product_id is None:
        locked.product = todo.pop(0)
        locked.save(update_fields=["product"])
        made.append(locked)
    for product in todo:
        copy = OcopCertificate(
            store_id=locked.store_id, product=product, product_name=locked.product_name, stars=locked.stars,
            score=locked.score, decision_number=locked.decision_number, decision_date=locked.decision_date,
            issuing_authority=locked.issuing_authority, scan=locked.scan.name, status=locked.status,
            verified_by_id=locked.verified_by_id, verified_at=locked.verified_at)
        copy.save()
        made.append(copy)
    return made
