"""The stickers and sheets decode back to the exact URL, in every size, and sit where the
label paper is cut."""

import io
import re
import subprocess

import pytest
from PIL import Image, ImageOps

from labels.layouts import A4_MM, LAYOUTS, mm_to_px
from labels.rendering import MAX_STICKERS, Sticker, sheet_images, sheet_pdf, sticker_png, sticker_svg
from tests.labels.conftest import zbar

URL = "https://choso.example.vn/xac-minh/ab12cd34ef/"
STICKER = Sticker(url=URL, product_name="Mật ong rừng Nam Đông nguyên chất loại đặc biệt", stars=4)


@pytest.mark.parametrize("key", list(LAYOUTS))
def test_every_layout_fits_on_a4_without_overlapping(key):
    layout = LAYOUTS[key]
    assert layout.pitch_x_mm >= layout.width_mm and layout.pitch_y_mm >= layout.height_mm
    right = layout.left_mm + (layout.columns - 1) * layout.pitch_x_mm + layout.width_mm
    bottom = layout.top_mm + (layout.rows - 1) * layout.pitch_y_mm + layout.height_mm
    assert 0 < layout.left_mm and right < A4_MM[0] and 0 < layout.top_mm and bottom < A4_MM[1]
    # The sheets are symmetric: the margins left and right, top and bottom, are equal.
    assert abs((A4_MM[0] - right) - layout.left_mm) < 0.1 and abs((A4_MM[1] - bottom) - layout.top_mm) < 0.1


def test_the_layouts_are_the_common_sheets():
    assert {k: (v.per_sheet, v.width_mm, v.height_mm) for k, v in LAYOUTS.items()} == {
        "a4-65": (65, 38.1, 21.2), "a4-24": (24, 63.5, 33.9), "a4-21": (21, 63.5, 38.1), "a4-12": (12, 63.5, 72.0)}


@pytest.mark.zbar
@pytest.mark.parametrize("key", list(LAYOUTS))
def test_one_sticker_png_is_300_dpi_at_the_label_size_and_decodes_to_the_url(key, tmp_path):
    layout = LAYOUTS[key]
    path = tmp_path / "tem.png"
    path.write_bytes(sticker_png(layout, STICKER))
    with Image.open(path) as image:
        assert image.size == (mm_to_px(layout.width_mm), mm_to_px(layout.height_mm))
        assert tuple(round(v) for v in image.info["dpi"]) == (300, 300)
    assert zbar(path) == [URL]


@pytest.mark.zbar
def test_a_sheet_holds_the_count_asked_each_decoding_to_the_url(tmp_path):
    layout = LAYOUTS["a4-24"]
    pages = sheet_images(layout, STICKER, 30)
    assert len(pages) == 2
    assert all(page.size == (2480, 3508) and page.mode == "1" for page in pages)
    for number, expected in ((0, 24), (1, 6)):
        path = tmp_path / f"page-{number}.png"
        pages[number].save(path)
        assert zbar(path) == [URL] * expected
    # Everything printed lies inside the labels' area: nothing on the margins the paper has no label on.
    left, top, right, bottom = ImageOps.invert(pages[0].convert("L")).getbbox()
    assert left >= mm_to_px(layout.left_mm) and top >= mm_to_px(layout.top_mm)
    assert right <= mm_to_px(layout.left_mm + 2 * layout.pitch_x_mm + layout.width_mm)
    assert bottom <= mm_to_px(layout.top_mm + 7 * layout.pitch_y_mm + layout.height_mm)


@pytest.mark.zbar
@pytest.mark.ghostscript
def test_the_pdf_prints_every_sticker_on_a4_pages(tmp_path):
    pdf = sheet_pdf(LAYOUTS["a4-65"], STICKER, 70)
    assert pdf.startswith(b"%PDF-")
    assert re.search(rb"/Count 2\b", pdf)
    (tmp_path / "tem.pdf").write_bytes(pdf)
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", "-r300",
                    f"-sOutputFile={tmp_path}/page-%d.png", str(tmp_path / "tem.pdf")], check=True, timeout=120)
    with Image.open(tmp_path / "page-1.png") as page:
        assert page.size == (2480, 3508)  # A4 at 300 dpi: printed at actual size, the stickers land on the labels
    assert zbar(tmp_path / "page-1.png") == [URL] * 65
    assert zbar(tmp_path / "page-2.png") == [URL] * 5


def test_the_sticker_text_is_vietnamese():
    svg = sticker_svg(LAYOUTS["a4-12"], STICKER)
    assert 'width="63.5mm" height="72.0mm"' in svg
    assert "<title>Tem QR OCOP: Mật ong rừng Nam Đông nguyên chất loại đặc biệt</title>" in svg
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    assert texts[0] == "Tem QR OCOP" and texts[-1] == "Quét để kiểm tra"
    assert " ".join(texts[1:-1]).rstrip("…").startswith("Mật ong rừng Nam Đông")
    assert svg.count("<polygon") == 4  # the stars


@pytest.mark.zbar
@pytest.mark.ghostscript
def test_the_svg_sticker_decodes_to_the_url(tmp_path):
    """The SVG's QR code is the same matrix: drawn as its path alone (no fonts needed), it decodes."""
    svg = sticker_svg(LAYOUTS["a4-24"], STICKER)
    path = re.search(r'<path fill="#000" d="([^"]+)"/>', svg).group(1)
    image = Image.new("L", (750, 400), 255)
    from PIL import ImageDraw
    draw = ImageDraw.Draw(image)
    for x, y, w, h in re.findall(r"M(\d+) (\d+)h(\d+)v(\d+)h-\d+z", path):
        x, y, w, h = int(x), int(y), int(w), int(h)
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill=0)
    image.save(tmp_path / "svg.png")
    assert zbar(tmp_path / "svg.png") == [URL]


@pytest.mark.parametrize("count", [0, MAX_STICKERS + 1])
def test_the_sheet_refuses_a_count_out_of_range(count):
    with pytest.raises(ValueError):
        sheet_images(LAYOUTS["a4-24"], STICKER, count)


def test_a_full_order_of_stickers_is_quick_and_small():
    pdf = sheet_pdf(LAYOUTS["a4-12"], STICKER, MAX_STICKERS)
    assert pdf.count(b"/Type /Page\n") == 42 or len(re.findall(rb"/Type /Page\b", pdf)) == 42
    assert len(pdf) < 3_000_000


def test_png_is_a_real_png():
    with Image.open(io.BytesIO(sticker_png(LAYOUTS["a4-65"], STICKER))) as image:
        assert image.format == "PNG" and image.mode == "L"
