"""The one gate every uploaded file passes (RELIABILITY 14, 15): product photos, store
logos and banners (`clean_image_upload`), OCOP certificate scans and onboarding documents
(`clean_document_upload`: a PDF or a photo). Nothing is stored here.

A photo is accepted only if it is not empty, Pillow decodes it, it is within the byte and
pixel limits (UPLOAD_MAX_IMAGE_BYTES, UPLOAD_MAX_IMAGE_PIXELS; decompression bombs are
refused from the header, before any pixel is decoded), and it is a raster format we serve.
What is kept is a re-encoding of the decoded pixels: EXIF (GPS position, camera serial) and
other metadata are dropped, the EXIF orientation applied first so the photo still stands
the right way up. A document is a PDF (its `%PDF-` header) within UPLOAD_MAX_DOCUMENT_BYTES,
or a photo as above. `wagtail_image_from_clean` saves an accepted photo as a Wagtail image,
for services that check every upload before writing any (core.storage).
"""

import io
import os
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # iPhones upload HEIC; pillow-heif (a Wagtail/Willow dependency) lets Pillow read it.
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover
    pass

# Pillow's own guard (warning at the limit, error at twice the limit) as a second line of
# defence for every other Pillow user in the process; ours below is the strict one.
Image.MAX_IMAGE_PIXELS = settings.UPLOAD_MAX_IMAGE_PIXELS

# Decoded format → (format to store, file extension).
_OUTPUT = {"JPEG": ("JPEG", "jpg"), "MPO": ("JPEG", "jpg"), "HEIF": ("JPEG", "jpg"), "PNG": ("PNG", "png"),
           "GIF": ("PNG", "png"), "WEBP": ("WEBP", "webp")}


class ImageRejected(ValidationError):
    """An upload that is not an acceptable image; the message says why, in the user's language."""


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile
    name: str
    width: int
    height: int


def _refuse(message, code: str):
    raise ImageRejected(message, code=code)


def _looks_like_svg(head: bytes, name: str) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return name.lower().endswith((".svg", ".svgz")) or text.startswith(b"<?xml") or b"<svg" in text[:1024]


def clean_image_upload(upload) -> CleanImage:
    """Check `upload` (an UploadedFile or any file object with .name/.size) and return a
    metadata-free re-encoding of it. Raises ImageRejected; nothing is stored here."""
    name = os.path.basename(getattr(upload, "name", "") or "photo")
    size = getattr(upload, "size", None)
    max_bytes = settings.UPLOAD_MAX_IMAGE_BYTES
    if size == 0:
        _refuse(_("The file %(name)s is empty.") % {"name": name}, "empty")
    if size is None or size > max_bytes:
        _refuse(_("The file %(name)s is too large: photos may be at most %(limit)s MB.")
                % {"name": name, "limit": max_bytes // (1024 * 1024)}, "too_large")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if _looks_like_svg(head, name):
        _refuse(_("%(name)s is an SVG drawing; please upload a photo (JPEG, PNG or WebP).") % {"name": name}, "svg")
    max_pixels = settings.UPLOAD_MAX_IMAGE_PIXELS
    not_image = _("%(name)s is not a photo we can read. Please upload a JPEG, PNG or WebP image.") % {"name": name}
    too_many_pixels = _("%(name)s has too many pixels (at most %(limit)s megapixels). "
                        "Please upload a smaller photo.") % {"name": name, "limit": max_pixels // 1_000_000}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:  # reads the header only
                if probe.format not in _OUTPUT:
                    _refuse(not_image, "format")
                if probe.width * probe.height > max_pixels:
                    _refuse(too_many_pixels, "too_many_pixels")
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                source_format = image.format
                image.load()
                image = ImageOps.exif_transpose(image)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(too_many_pixels, "too_many_pixels")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        _refuse(not_image, "not_image")
    finally:
        upload.seek(0)
    out_format, ext = _OUTPUT[source_format]
    if out_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif out_format == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
        image = image.convert("RGBA")
    image.info = {}  # no EXIF, XMP, ICC or comments carried into the new file
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": 88, "optimize": True}, "WEBP": {"quality": 85}, "PNG": {"optimize": True}}
    image.save(buffer, out_format, exif=b"", **options[out_format])
    stem = os.path.splitext(name)[0][:80] or "photo"
    clean_name = f"{stem}.{ext}"
    return CleanImage(content=ContentFile(buffer.getvalue(), name=clean_name), name=clean_name,
                      width=image.width, height=image.height)


def wagtail_image_from_clean(clean: CleanImage, *, title: str, user=None, written):
    """Save an image `clean_image_upload` already accepted as a Wagtail image, its file
    written through `written` (`core.storage.files_deleted_on_error`) so that a failure
    later in the caller's transaction deletes it."""
    from wagtail.images import get_image_model

    image = get_image_model()(title=title[:255], uploaded_by_user=user if user and user.is_authenticated else None)
    written.save(image.file, clean.name, clean.content)
    image.save()
    return image


# --- documents: a PDF or a photo ------------------------------------------------------------

_IMAGE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@dataclass(frozen=True)
class CleanDocument:
    content: File
    name: str
    content_type: str
    size: int


def clean_document_upload(upload) -> CleanDocument:
    """Raise ValidationError (in the user's language) unless `upload` is a PDF or a readable photo."""
    name = os.path.basename(getattr(upload, "name", "") or "document")[:150]
    size = getattr(upload, "size", None) or 0
    max_bytes = settings.UPLOAD_MAX_DOCUMENT_BYTES
    if not size:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": name}, code="empty")
    if size > max_bytes:
        raise ValidationError(_("The file %(name)s is too large: documents may be at most %(limit)s MB.")
                              % {"name": name, "limit": max_bytes // (1024 * 1024)}, code="too_large")
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
