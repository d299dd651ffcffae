"""Drawing a sticker (Pillow for PNG and the PDF sheet, plain SVG for the store's own
printer) and laying stickers out on A4 sheets at 300 dpi.

One plan (`plan_sticker`) says where the QR modules, the text lines and the stars go;
two painters draw it, so the PNG, the SVG and the printed sheet show the same sticker.
Vietnamese text needs a font with its diacritics: the same search as the demo pictures
(core.demo_art.font_path: DejaVu Sans, Liberation, Noto…); without one, the text is
printed without diacritics, still readable. Stars are drawn as polygons, not a glyph, so
they never depend on the font.
"""

import functools
import io
import math
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import segno
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from core.demo_art import ascii_fold, font_path
from labels.layouts import A4_MM, DPI, LabelLayout, mm_to_px

QR_ERROR = "m"  # 15 % of the code may be scratched away
QR_BORDER = 2  # modules of quiet zone inside the sticker; the paper around it is white too
MAX_STICKERS = 500
SVG_FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Sticker:
    url: str
    product_name: str
    stars: int  # 3, 4 or 5: the valid certificate's stars when the sticker is printed


@dataclass(frozen=True)
class Line:
    text: str
    x: int
    y: int  # baseline
    size: int
    centred: bool


@dataclass(frozen=True)
class Plan:
    width: int
    height: int
    qr_x: int  # top-left of the first module (the quiet zone is outside it)
    qr_y: int
    module: int
    matrix: tuple[tuple[bool, ...], ...]
    lines: tuple[Line, ...]
    stars: tuple[tuple[tuple[float, float], ...], ...]


@functools.cache
def _font(size: int):
    path = font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def printable(text: str) -> str:
    if font_path():
        return text
    return "".join(ch if ch.isascii() else "?" for ch in ascii_fold(text.replace("…", "...")))


def _width(text: str, size: int) -> float:
    return _font(size).getlength(printable(text))


def _fit(text: str, max_width: int, size: int, min_size: int) -> tuple[str, int]:
    """`text` at the largest size from `size` down to `min_size` that fits; cut with "…" if none does."""
    while size > min_size and _width(text, size) > max_width:
        size -= 1
    while len(text) > 1 and _width(text, size) > max_width:
        text = text[:-2].rstrip() + "…"
    return text, size


def _wrap(text: str, max_width: int, size: int, max_lines: int) -> list[str]:
    """Words onto at most `max_lines` lines of `max_width`; what does not fit ends in "…"."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _width(candidate, size) <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += "…"
    return [_fit(line, max_width, size, size)[0] for line in lines] or [""]


def _star(cx: float, cy: float, radius: float) -> tuple[tuple[float, float], ...]:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((round(cx + r * math.cos(angle), 1), round(cy + r * math.sin(angle), 1)))
    return tuple(points)


def plan_sticker(layout: LabelLayout, sticker: Sticker) -> Plan:
    """Landscape labels: the QR code on the left, the text on its right; tall labels: the
    QR code on top, the text centred under it."""
    width, height = layout.size_px
    pad = max(8, round(min(width, height) * 0.05))
    qr = segno.make(sticker.url, error=QR_ERROR, micro=False)
    matrix = tuple(tuple(bool(v) for v in row) for row in qr.matrix)
    n = len(matrix) + 2 * QR_BORDER
    tall = height > width
    side = min(width - pad, round(height * 0.62)) if tall else height - pad
    module = side // n
    side = module * n
    qr_left = (width - side) // 2 if tall else pad // 2
    qr_top = pad // 2 if tall else (height - side) // 2
    if tall:
        x, text_width, top, bottom = width // 2, width - 2 * pad, qr_top + side, height - pad
    else:
        x, text_width, top, bottom = qr_left + side + pad // 2, width - (qr_left + side + pad // 2) - pad // 2, pad, \
            height - pad
    room = bottom - top
    # Sizes relative to the room left for the text; the name may take two lines.
    title, title_size = _fit(_("OCOP QR label"), text_width, max(10, round(room * 0.17)), 8)
    star_radius = max(5, round(room * 0.085))
    name_size = max(8, round(room * 0.12))
    name_lines = _wrap(sticker.product_name, text_width, name_size, 2)
    footer, footer_size = _fit(_("Scan to check"), text_width, max(8, round(room * 0.12)), 7)
    gap = max(2, round(room * 0.04))
    heights = [title_size, 2 * star_radius, *(name_size for _ in name_lines), footer_size]
    spare = room - sum(heights) - gap * (len(heights) - 1)
    y = top + max(0, spare // 2)
    lines = []
    y += title_size
    lines.append(Line(title, x, y, title_size, tall))
    y += gap
    star_step = 2.15 * star_radius
    star_x = x - (sticker.stars - 1) * star_step / 2 if tall else x + star_radius
    stars = tuple(_star(star_x + i * star_step, y + star_radius, star_radius) for i in range(sticker.stars))
    y += 2 * star_radius
    for name in name_lines:
        y += gap + name_size
        lines.append(Line(name, x, y, name_size, tall))
    y += gap + footer_size
    lines.append(Line(footer, x, y, footer_size, tall))
    return Plan(width, height, qr_left + QR_BORDER * module, qr_top + QR_BORDER * module, module, matrix,
                tuple(lines), stars)


def sticker_image(layout: LabelLayout, sticker: Sticker) -> Image.Image:
    """The sticker at 300 dpi, greyscale (mode "L")."""
    plan = plan_sticker(layout, sticker)
    image = Image.new("L", (plan.width, plan.height), 255)
    draw = ImageDraw.Draw(image)
    m = plan.module
    for r, row in enumerate(plan.matrix):
        for c, dark in enumerate(row):
            if dark:
                draw.rectangle((plan.qr_x + c * m, plan.qr_y + r * m, plan.qr_x + (c + 1) * m - 1,
                                plan.qr_y + (r + 1) * m - 1), fill=0)
    for line in plan.lines:
        draw.text((line.x, line.y), printable(line.text), font=_font(line.size), fill=0,
                  anchor="ms" if line.centred else "ls")
    for star in plan.stars:
        draw.polygon(star, fill=0)
    return image


def sticker_png(layout: LabelLayout, sticker: Sticker) -> bytes:
    buffer = io.BytesIO()
    sticker_image(layout, sticker).save(buffer, "PNG", dpi=(DPI, DPI), optimize=True)
    return buffer.getvalue()


def sticker_svg(layout: LabelLayout, sticker: Sticker) -> str:
    """The same sticker as SVG in millimetres (the printer's own software scales nothing)."""
    plan = plan_sticker(layout, sticker)
    m = plan.module
    runs = []
    for r, row in enumerate(plan.matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            runs.append(f"M{plan.qr_x + start * m} {plan.qr_y + r * m}h{(c - start) * m}v{m}h-{(c - start) * m}z")
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width_mm}mm" height="{layout.height_mm}mm" '
             f'viewBox="0 0 {plan.width} {plan.height}">',
             f"<title>{escape(_('OCOP QR label'))}: {escape(sticker.product_name)}</title>",
             f'<rect width="{plan.width}" height="{plan.height}" fill="#fff"/>',
             f'<path fill="#000" d="{"".join(runs)}"/>']
    for line in plan.lines:
        anchor = "middle" if line.centred else "start"
        parts.append(f'<text x="{line.x}" y="{line.y}" font-size="{line.size}" font-family={quoteattr(SVG_FONT)} '
                     f'font-weight="bold" text-anchor="{anchor}" fill="#000">{escape(line.text)}</text>')
    for star in plan.stars:
        parts.append(f'<polygon fill="#000" points="{" ".join(f"{x},{y}" for x, y in star)}"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def sheet_images(layout: LabelLayout, sticker: Sticker, count: int) -> list[Image.Image]:
    """A4 pages at 300 dpi, black and white (mode "1"), `count` stickers laid row by row;
    the last page keeps its unused labels blank."""
    if not 1 <= count <= MAX_STICKERS:
        raise ValueError(f"count must be 1–{MAX_STICKERS}")
    one = sticker_image(layout, sticker).point(lambda v: 255 if v >= 128 else 0).convert("1", dither=None)
    page_size = (mm_to_px(A4_MM[0]), mm_to_px(A4_MM[1]))
    positions = layout.positions_px()
    pages = []
    for first in range(0, count, layout.per_sheet):
        page = Image.new("1", page_size, 1)
        for position in positions[:count - first]:
            page.paste(one, position)
        pages.append(page)
    return pages


def sheet_pdf(layout: LabelLayout, sticker: Sticker, count: int) -> bytes:
    pages = sheet_images(layout, sticker, count)
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=DPI, save_all=True, append_images=pages[1:],
                  title=f"{_('OCOP QR label')} – {sticker.product_name}", producer="Chợ Số OCOP")
    return buffer.getvalue()
