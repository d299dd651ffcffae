"""RELIABILITY 14 and 15: the upload gate refuses what is not a photo and strips EXIF."""

import io
import struct
import tracemalloc
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from wagtail.images import get_image_model

from core.storage import files_deleted_on_error
from core.uploads import ImageRejected, clean_image_upload, wagtail_image_from_clean
from tests.factories.marketplace import jpeg_bytes


def png_bomb(width=20_000, height=20_000) -> bytes:
    """A valid 1-bit PNG of width×height pixels, a few KB compressed, built chunk by chunk
    so the test itself never holds the decoded image in memory."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def image_count():
    return get_image_model().objects.count()


@pytest.mark.django_db
def test_decompression_bomb_refused_with_bounded_memory():
    data = png_bomb()
    assert len(data) < 100_000  # tiny on disk, 400 megapixels once decoded
    before = image_count()
    tracemalloc.start()
    with pytest.raises(ImageRejected) as exc:
        clean_image_upload(upload("bom.png", data, "image/png"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert exc.value.code == "too_many_pixels"
    assert exc.value.messages == ["bom.png có quá nhiều điểm ảnh (tối đa 40 megapixel). Vui lòng tải lên ảnh nhỏ hơn."]
    assert peak < 20 * 1024 * 1024  # never decoded
    assert image_count() == before


@pytest.mark.django_db
def test_text_file_named_jpg_refused():
    with pytest.raises(ImageRejected) as exc:
        clean_image_upload(upload("hoa-don.jpg", b"Day la van ban, khong phai anh.\n" * 20))
    assert exc.value.code == "not_image"
    assert "hoa-don.jpg" in exc.value.messages[0]
    assert image_count() == 0


@pytest.mark.parametrize("name", ["logo.svg", "logo.jpg"])
@pytest.mark.django_db
def test_svg_refused_even_when_renamed(name):
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ImageRejected) as exc:
        clean_image_upload(upload(name, svg, "image/svg+xml"))
    assert exc.value.code == "svg"
    assert exc.value.messages == [f"{name} là hình vẽ SVG; vui lòng tải lên ảnh chụp (JPEG, PNG hoặc WebP)."]
    assert image_count() == 0


@pytest.mark.django_db
def test_oversized_file_refused(settings):
    settings.UPLOAD_MAX_IMAGE_BYTES = 1024 * 1024
    data = jpeg_bytes() + b"\x00" * (1024 * 1024)  # a valid JPEG padded past the limit
    with pytest.raises(ImageRejected) as exc:
        clean_image_upload(upload("to.jpg", data))
    assert exc.value.code == "too_large"
    assert exc.value.messages == ["Tệp to.jpg quá lớn: ảnh tối đa 1 MB."]
    assert image_count() == 0


def gps_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 6  # rotated 90° clockwise
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (16.0, 27.0, 50.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (107.0, 35.0, 26.0)
    return exif


@pytest.mark.django_db
def test_gps_exif_stripped_from_stored_file_and_orientation_applied():
    data = jpeg_bytes(size=(80, 40), exif=gps_exif())
    with Image.open(io.BytesIO(data)) as original:  # the test photo really carries GPS
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"
    with files_deleted_on_error() as written:
        image = wagtail_image_from_clean(clean_image_upload(upload("vuon.jpg", data)), title="Vườn", written=written)
    with image.file.open("rb") as stored, Image.open(stored) as saved:
        assert saved.format == "JPEG"
        assert dict(saved.getexif()) == {}
        assert "exif" not in saved.info
        assert saved.size == (40, 80)  # orientation 6 applied, then dropped
    assert (image.width, image.height) == (40, 80)


def test_png_and_webp_kept_in_their_format():
    for fmt, ext in (("PNG", "png"), ("WEBP", "webp")):
        buffer = io.BytesIO()
        Image.new("RGBA", (30, 20), (10, 20, 30, 128)).save(buffer, fmt)
        clean = clean_image_upload(upload(f"a.{ext}", buffer.getvalue(), f"image/{ext}"))
        assert clean.name == f"a.{ext}"
        assert (clean.width, clean.height) == (30, 20)


def test_iphone_heic_is_accepted_and_stored_as_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (120, 80, 20)).save(buffer, "HEIF")  # pillow-heif registered by core.uploads
    clean = clean_image_upload(upload("IMG_0001.HEIC", buffer.getvalue(), "image/heic"))
    assert clean.name == "IMG_0001.jpg"
    with Image.open(io.BytesIO(clean.content.read())) as stored:
        assert (stored.format, stored.size) == ("JPEG", (40, 30))


@pytest.mark.django_db
@pytest.mark.parametrize("clean", [clean_image_upload, "document"])
def test_an_empty_file_is_refused_by_the_one_gate(clean):
    from django.core.exceptions import ValidationError

    from core.uploads import clean_document_upload

    gate = clean_document_upload if clean == "document" else clean
    with pytest.raises(ValidationError) as refused:
        gate(upload("trong.jpg", b""))
    assert refused.value.messages == ["Tệp trong.jpg trống."]
