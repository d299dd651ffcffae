"""Applicants' documents and certificate scans: a PDF (checked by its `%PDF-` header) or a
photo (decoded by Pillow and re-encoded without EXIF by the catalogue's image gate,
`marketplace.images.clean_image_upload`). Size-limited; nothing is stored here."""

import os
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils.translation import gettext_lazy as _

from marketplace.images import ImageRejected, clean_image_upload

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_IMAGE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@dataclass(frozen=True)
class CleanDocument:
    content: File
    name: str
    content_type: str
    size: int


def clean_document_upload(upload) -> CleanDocument:
    """Raise ValidationError (Vietnamese message) unless `upload` is a PDF or a readable photo."""
    name = os.path.basename(getattr(upload, "name", "") or "document")[:150]
    size = getattr(upload, "size", None) or 0
    if not size:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": name}, code="empty")
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The file %(name)s is too large: documents may be at most %(limit)s MB.")
                              % {"name": name, "limit": MAX_DOCUMENT_BYTES // (1024 * 1024)}, code="too_large")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        stem = os.path.splitext(name)[0] or "document"
        return CleanDocument(content=upload, name=f"{stem}.pdf", content_type="application/pdf", size=size)
    try:
        image = clean_image_upload(upload)
    except ImageRejected as exc:
        if exc.code in {"too_large", "too_many_pixels"}:
            raise ValidationError(exc.messages[0], code=exc.code) from exc
        raise ValidationError(_("%(name)s is neither a PDF nor a photo we can read. Please upload a PDF, "
                                "JPEG, PNG or WebP file.") % {"name": name}, code="not_document") from exc
    ext = image.name.rsplit(".", 1)[-1]
    return CleanDocument(content=image.content, name=image.name, content_type=_IMAGE_TYPES.get(ext, "image/jpeg"),
                         size=image.content.size)
