"""Demo pictures drawn with Pillow: labelled products, places and store badges.

Pure Pillow (no Django, no download), so `seed_demo` stays offline and fast. A product is
a simple object on a table (a bottle, a jar, a pouch, a box, folded cloth, a basket, a
vase, ...) in its own colours, with the product's name printed on its label; a service
or a store's workshop is a simple landscape (karst hills, a river, a stilt house, kilns,
...). Everything is deterministic: the same arguments draw the same picture.

Vietnamese needs a font with its diacritics. Pillow ships none (its built-in Aileron has
no "ư", "ệ", ...), so the first TrueType font found among the usual system places that
really has those letters is used (DejaVu Sans from Debian's fonts-dejavu-core, Liberation,
Noto, Arial); on a machine with none of them the labels fall back to Pillow's built-in
font with the diacritics folded away ("Nuoc mam"), still readable.
"""

import functools
import hashlib
import importlib.util
import math
import random
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Fonts that cover Vietnamese, bold first; the first one present (and really covering
# Vietnamese) is used.
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]

PALETTE = {
    "amber": (150, 72, 18),
    "honey": (222, 152, 28),
    "paste": (128, 72, 92),
    "coffee": (86, 52, 34),
    "tea": (78, 122, 58),
    "jade": (126, 176, 150),
    "indigo": (38, 52, 112),
    "red": (172, 38, 40),
    "gold": (196, 150, 48),
    "straw": (206, 174, 108),
    "cream": (246, 239, 222),
    "blue": (36, 78, 160),
    "brown": (136, 76, 42),
    "green": (56, 128, 76),
    "purple": (112, 70, 124),
    "black": (38, 32, 38),
    "white": (242, 241, 236),
    "pink": (206, 112, 124),
    "orange": (214, 116, 44),
    "kraft": (186, 146, 98),
    "sand": (226, 206, 162),
    "teal": (30, 118, 122),
    "olive": (120, 122, 50),
    "silver": (176, 184, 190),
    "maroon": (112, 30, 44),
    "sky": (90, 150, 200),
}

# What shows through a pouch's window (or sits on a tray): (dot colour, shape).
CONTENTS = {
    "fish": ((196, 202, 206), "fish"),
    "rice": ((246, 244, 236), "grain"),
    "beans": ((92, 54, 32), "bean"),
    "powder": ((74, 46, 30), "dot"),
    "sticks": ((150, 84, 44), "stick"),
    "leaves": ((70, 110, 48), "leaf"),
    "crisps": ((222, 170, 80), "disc"),
    "flowers": ((110, 120, 70), "leaf"),
    "candy": ((200, 160, 96), "square"),
    "ginger": ((232, 206, 130), "disc"),
    "salt": ((250, 250, 250), "grain"),
    "squid": ((236, 214, 190), "squid"),
    "mums": ((240, 196, 40), "disc"),
    "meat": ((168, 56, 52), "slab"),
    "smoked": ((120, 58, 36), "slab"),
    "pollen": ((236, 170, 40), "dot"),
}


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def _light(c, t=0.35):
    return _mix(c, (255, 255, 255), t)


def _dark(c, t=0.3):
    return _mix(c, (0, 0, 0), t)


def _colour(name: str, default=(150, 110, 70)):
    return PALETTE.get(name, default)


def _seed(*parts) -> random.Random:
    digest = hashlib.sha1("|".join(map(str, parts)).encode(), usedforsecurity=False).hexdigest()
    return random.Random(int(digest[:16], 16))  # noqa: S311 - pictures, not secrets


# ---------------------------------------------------------------------------- text


def _covers_vietnamese(font) -> bool:
    """A font without Vietnamese draws its "missing glyph" box for "ự" and for a private-use
    character alike."""

    def ink(ch):
        img = Image.new("L", (48, 48))
        ImageDraw.Draw(img).text((8, 4), ch, font=font, fill=255)
        return img.tobytes()

    try:
        return ink("ự") != ink("\U000f0000")
    except Exception:  # noqa: BLE001 - any font trouble means: don't use it
        return False


@functools.cache
def font_path() -> str | None:
    """The TrueType font used for labels, or None (Pillow's built-in font, ASCII labels)."""
    candidates = list(FONT_CANDIDATES)
    spec = importlib.util.find_spec("matplotlib")  # ships DejaVu Sans, if it happens to be installed
    if spec and spec.origin:
        candidates.append(str(Path(spec.origin).parent / "mpl-data/fonts/ttf/DejaVuSans-Bold.ttf"))
    for path in candidates:
        if Path(path).is_file():
            try:
                font = ImageFont.truetype(path, 24)
            except OSError:
                continue
            if _covers_vietnamese(font):
                return path
    return None


@functools.cache
def _font(size: int):
    path = font_path()
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def ascii_fold(text: str) -> str:
    """Vietnamese without diacritics, case kept: "Nước mắm Đà Nẵng" → "Nuoc mam Da Nang"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in text if unicodedata.category(ch) != "Mn"))


def _printable(text: str) -> str:
    if font_path():
        return text
    return "".join(ch if ch.isascii() else "-" for ch in ascii_fold(text))


def _wrap(text: str, font, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def text_block(draw, text: str, box, *, fill, max_size=44, min_size=16, max_lines=4, upper=False):
    """Write `text` centred in `box` (x0, y0, x1, y1), as large as fits in `max_lines` lines."""
    text = _printable(text.upper() if upper else text)
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    for size in range(max_size, min_size - 1, -2):
        font = _font(size)
        lines = _wrap(text, font, width)
        step = round(size * 1.22)
        if len(lines) <= max_lines and len(lines) * step <= height and all(font.getlength(li) <= width for li in lines):
            break
    top = y0 + (height - len(lines) * step) / 2
    for i, line in enumerate(lines[:max_lines]):
        draw.text(((x0 + x1) / 2, top + i * step + size * 0.98), line, font=font, fill=fill, anchor="ms")


# ---------------------------------------------------------------------- backdrops


def _gradient(size, top, bottom) -> Image.Image:
    w, h = size
    mask = Image.linear_gradient("L").crop((0, 0, 1, 256)).resize((1, h)).resize((w, h), Image.Resampling.NEAREST)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _studio(size, tint, rng) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A wall in a pale tint of the product's colour and a wooden or linen table."""
    w, h = size
    wall_top = _mix(tint, (255, 255, 255), 0.86)
    wall_bottom = _mix(tint, (255, 255, 255), 0.72)
    img = _gradient(size, wall_top, wall_bottom)
    draw = ImageDraw.Draw(img, "RGBA")
    table_y = round(h * 0.74)
    wood = rng.choice([(196, 160, 118), (176, 134, 92), (214, 196, 166), (160, 120, 84)])
    draw.rectangle([0, table_y, w, h], fill=wood)
    for i in range(6):  # grain
        y = table_y + 12 + i * (h - table_y) // 6 + rng.randint(-4, 4)
        draw.line([0, y, w, y + rng.randint(-6, 6)], fill=(*_dark(wood, 0.12), 120), width=2)
    draw.rectangle([0, table_y - 3, w, table_y + 3], fill=(*_dark(wood, 0.25), 160))
    return img, draw


def _shadow(draw, cx, y, half_width, depth=26):
    for i in range(5):
        k = 1 - i * 0.16
        draw.ellipse(
            [cx - half_width * k - 20, y - depth * k, cx + half_width * k + 20, y + depth * k], fill=(0, 0, 0, 26)
        )


def _gloss(draw, box):
    x0, y0, x1, y1 = box
    stripe = (x1 - x0) * 0.09
    draw.rounded_rectangle(
        [x0 + (x1 - x0) * 0.1, y0 + 16, x0 + (x1 - x0) * 0.1 + stripe, y1 - 24],
        radius=round(stripe / 2),
        fill=(255, 255, 255, 70),
    )


def _label(draw, box, text, brand, *, ink, paper=(248, 242, 226), band=None, max_size=44, radius=10):
    """A paper label: a coloured band, the brand in small capitals, the product's name."""
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=radius, fill=paper, outline=_dark(paper, 0.25), width=2)
    band = band or ink
    bh = max(10, (y1 - y0) // 14)
    draw.rectangle([x0 + 2, y0 + radius, x1 - 2, y0 + radius + bh], fill=band)
    draw.rectangle([x0 + 2, y1 - radius - bh, x1 - 2, y1 - radius], fill=band)
    inner_top = y0 + radius + bh + 6
    if brand:
        text_block(
            draw,
            brand,
            (x0 + 12, inner_top, x1 - 12, inner_top + 30),
            fill=_mix(ink, paper, 0.25),
            max_size=22,
            min_size=12,
            max_lines=1,
            upper=True,
        )
        inner_top += 34
    text_block(draw, text, (x0 + 14, inner_top, x1 - 14, y1 - radius - bh - 6), fill=ink, max_size=max_size)


# ------------------------------------------------------------------ product shapes
# Each draws the object standing on the table and its label; `c` is the main colour.


def _bottle(img, draw, c, name, brand, ink, rng, *, wide=False):
    x0, x1 = (240, 560) if wide else (255, 545)
    top, base = 300, 690
    _shadow(draw, 400, base, (x1 - x0) / 2)
    liquid = c
    glass = (*_light(liquid, 0.15), 255)
    draw.rounded_rectangle([x0, top, x1, base], radius=46, fill=glass, outline=_dark(liquid, 0.35), width=3)
    draw.polygon([(x0 + 10, top + 30), (360, 205), (440, 205), (x1 - 10, top + 30)], fill=glass)
    draw.rectangle([360, 150, 440, 215], fill=glass)
    draw.rounded_rectangle(
        [348, 105, 452, 160], radius=8, fill=_dark(c, 0.55) if c != PALETTE["black"] else (180, 40, 40)
    )
    for y in range(115, 156, 9):
        draw.line([352, y, 448, y], fill=(255, 255, 255, 40), width=2)
    _gloss(draw, (x0, top, x1, base))
    _label(draw, (x0 + 12, 385, x1 - 12, 645), name, brand, ink=ink, max_size=46)


def _jug(img, draw, c, name, brand, ink, rng):
    x0, x1, top, base = 230, 570, 290, 690
    _shadow(draw, 400, base, 170)
    body = (*_light(c, 0.2), 255)
    draw.rounded_rectangle([x0, top, x1, base], radius=34, fill=body, outline=_dark(c, 0.35), width=3)
    draw.rounded_rectangle([440, 200, 560, 300], radius=30, outline=_light((240, 240, 240), 0.1), width=22)
    draw.rectangle([270, 230, 340, 295], fill=body)
    draw.rounded_rectangle([258, 195, 352, 240], radius=8, fill=(200, 40, 40))
    _gloss(draw, (x0, top, x1, base))
    _label(draw, (x0 + 16, 355, x1 - 16, 645), name, brand, ink=ink, max_size=50)


def _vial(img, draw, c, name, brand, ink, rng):
    x0, x1, top, base = 285, 515, 380, 690
    _shadow(draw, 400, base, 120)
    glass = (*_mix(c, (60, 30, 10), 0.4), 255)
    draw.rounded_rectangle([x0, top, x1, base], radius=30, fill=glass, outline=_dark(c, 0.5), width=3)
    draw.rectangle([360, 330, 440, 385], fill=glass)
    draw.rounded_rectangle([340, 300, 460, 350], radius=8, fill=(40, 40, 40))
    draw.rounded_rectangle([368, 190, 432, 310], radius=30, fill=(30, 30, 30))
    _gloss(draw, (x0, top, x1, base))
    _label(draw, (x0 + 10, 435, x1 - 10, 660), name, brand, ink=ink, max_size=38)


def _jar(img, draw, c, name, brand, ink, rng, *, small=False):
    x0, x1, top = (260, 540, 400) if small else (205, 595, 330)
    base = 690
    _shadow(draw, 400, base, (x1 - x0) / 2)
    glass = (*c, 255)
    draw.rounded_rectangle(
        [x0, top, x1, base], radius=60 if not small else 40, fill=glass, outline=_dark(c, 0.35), width=3
    )
    lid = _dark(c, 0.55) if sum(c) > 300 else (206, 170, 60)
    lid_top = top - (58 if small else 72)
    draw.rounded_rectangle([x0 + 16, lid_top, x1 - 16, top + 6], radius=14, fill=lid)
    for x in range(x0 + 30, x1 - 20, 14):
        draw.line([x, lid_top + 8, x, top - 4], fill=(*_dark(lid, 0.25), 160), width=3)
    _gloss(draw, (x0, top, x1, base))
    label = (x0 + 16, top + 70, x1 - 16, base - 40) if not small else (x0 + 12, top + 50, x1 - 12, base - 30)
    _label(draw, label, name, brand, ink=ink, max_size=50 if not small else 40)


def _scatter(draw, box, contents, rng, count=60):
    colour, shape = CONTENTS.get(contents, ((200, 180, 140), "dot"))
    x0, y0, x1, y1 = box
    for _ in range(count):
        x, y = rng.uniform(x0 + 8, x1 - 8), rng.uniform(y0 + 8, y1 - 8)
        shade = _mix(colour, (0, 0, 0), rng.uniform(0, 0.22))
        if shape == "fish":
            a = rng.uniform(0, math.pi)
            dx, dy = math.cos(a) * 22, math.sin(a) * 22
            draw.line([x - dx, y - dy, x + dx, y + dy], fill=shade, width=7)
            draw.ellipse([x - dx - 3, y - dy - 3, x - dx + 3, y - dy + 3], fill=(40, 40, 40))
        elif shape == "grain":
            draw.ellipse([x - 6, y - 3, x + 6, y + 3], fill=shade)
        elif shape == "bean":
            draw.ellipse([x - 11, y - 8, x + 11, y + 8], fill=shade)
            draw.line([x - 8, y, x + 8, y], fill=_dark(shade, 0.4), width=2)
        elif shape == "stick":
            draw.rounded_rectangle([x - 40, y - 7, x + 40, y + 7], radius=6, fill=shade, outline=_dark(shade, 0.3))
        elif shape == "leaf":
            draw.ellipse([x - 12, y - 6, x + 12, y + 6], fill=shade)
        elif shape == "disc":
            draw.ellipse([x - 20, y - 14, x + 20, y + 14], fill=shade, outline=_dark(shade, 0.2))
        elif shape == "square":
            draw.rounded_rectangle([x - 14, y - 10, x + 14, y + 10], radius=3, fill=shade, outline=(60, 50, 40))
        else:
            draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=shade)


def _pouch(img, draw, c, name, brand, ink, rng, contents="beans"):
    x0, x1, top, base = 215, 585, 215, 700
    _shadow(draw, 400, base, 190)
    draw.rounded_rectangle([x0, top, x1, base], radius=26, fill=c, outline=_dark(c, 0.35), width=3)
    draw.rectangle([x0 + 3, top + 3, x1 - 3, top + 34], fill=_dark(c, 0.15))
    for x in range(x0 + 6, x1 - 6, 12):
        draw.polygon([(x, top), (x + 6, top + 8), (x + 12, top)], fill=_light(c, 0.6))
    draw.ellipse([x1 - 46, top + 42, x1 - 30, top + 58], fill=_light(c, 0.7))  # hang hole
    window = (x0 + 60, 505, x1 - 60, 665)
    draw.rounded_rectangle(window, radius=50, fill=_light(CONTENTS.get(contents, ((200, 180, 140), ""))[0], 0.5))
    _scatter(draw, window, contents, rng, count=70)
    draw.rounded_rectangle(window, radius=50, outline=(255, 255, 255), width=5)
    draw.line([window[0] + 40, window[1] + 16, window[0] + 90, window[1] + 16], fill=(255, 255, 255, 140), width=5)
    _label(draw, (x0 + 18, 258, x1 - 18, 492), name, brand, ink=ink, max_size=48, band=_dark(c, 0.2))


def _sack(img, draw, c, name, brand, ink, rng, contents="rice"):
    x0, x1, top, base = 195, 605, 270, 700
    _shadow(draw, 400, base, 210)
    weave = _light(c, 0.55)
    draw.polygon([(x0, base), (x0 + 12, top), (x1 - 12, top), (x1, base)], fill=weave, outline=_dark(weave, 0.3))
    for y in range(top + 8, base, 10):
        draw.line([x0 + 8, y, x1 - 8, y], fill=(*_dark(weave, 0.12), 120), width=2)
    draw.polygon([(x0 + 12, top), (330, 190), (470, 190), (x1 - 12, top)], fill=weave, outline=_dark(weave, 0.3))
    draw.rounded_rectangle([340, 200, 460, 226], radius=10, fill=c)  # the tie
    _label(draw, (x0 + 40, 325, x1 - 40, 565), name, brand, ink=ink, max_size=50, band=c)
    _scatter(draw, (x0 + 60, 585, x1 - 60, 675), contents, rng, count=40)


def _box(img, draw, c, name, brand, ink, rng, pattern="border"):
    fx0, fx1, ftop, base, depth = 205, 555, 330, 695, 60
    _shadow(draw, 410, base, 200)
    front, top, side = c, _light(c, 0.3), _dark(c, 0.3)
    draw.polygon(
        [(fx0, ftop), (fx0 + depth, ftop - depth * 0.7), (fx1 + depth, ftop - depth * 0.7), (fx1, ftop)],
        fill=top,
        outline=_dark(c, 0.45),
    )
    draw.polygon(
        [(fx1, ftop), (fx1 + depth, ftop - depth * 0.7), (fx1 + depth, base - depth * 0.7), (fx1, base)],
        fill=side,
        outline=_dark(c, 0.45),
    )
    draw.rectangle([fx0, ftop, fx1, base], fill=front, outline=_dark(c, 0.45), width=2)
    gold = (214, 178, 84)
    if pattern == "border":
        draw.rectangle([fx0 + 14, ftop + 14, fx1 - 14, base - 14], outline=gold, width=4)
        for x in range(fx0 + 30, fx1 - 20, 36):
            draw.ellipse([x, ftop + 24, x + 10, ftop + 34], fill=gold)
            draw.ellipse([x, base - 34, x + 10, base - 24], fill=gold)
    else:
        for i in range(0, fx1 - fx0, 28):
            draw.line([fx0 + i, ftop, fx0 + i, base], fill=(*_light(c, 0.2), 90), width=10)
    _label(draw, (fx0 + 24, ftop + 44, fx1 - 24, base - 44), name, brand, ink=ink, max_size=52, band=_dark(c, 0.1))


def _bar(img, draw, c, name, brand, ink, rng):
    x0, x1, top, base = 190, 580, 450, 680
    _shadow(draw, 400, base, 210)
    draw.polygon([(x0, top), (x0 + 50, top - 60), (x1 + 50, top - 60), (x1, top)], fill=_light(c, 0.25))
    draw.polygon([(x1, top), (x1 + 50, top - 60), (x1 + 50, base - 60), (x1, base)], fill=_dark(c, 0.25))
    draw.rounded_rectangle([x0, top, x1, base], radius=12, fill=c, outline=_dark(c, 0.35), width=2)
    for row in range(4):  # a honeycomb stamp
        for col in range(9):
            x, y = x0 + 30 + col * 40 + (20 if row % 2 else 0), top + 40 + row * 48
            if x < x1 - 20:
                draw.regular_polygon((x, y, 18), 6, outline=(*_dark(c, 0.25), 150), width=3)
    draw.rectangle([330, top - 1, 470, base], fill=(190, 150, 100))  # paper band
    draw.polygon([(330, top), (380, top - 60), (520, top - 60), (470, top)], fill=(204, 166, 116))
    _label(draw, (x0 + 40, 240, x1 - 10, 410), name, brand, ink=ink, max_size=40, band=c)
    draw.line([400, 410, 400, 450], fill=(120, 90, 60), width=3)


def _tray(img, draw, c, name, brand, ink, rng, contents="meat"):
    _shadow(draw, 400, 680, 260, depth=34)
    draw.rounded_rectangle([130, 470, 670, 690], radius=40, fill=(236, 236, 232), outline=(190, 190, 186), width=3)
    draw.rounded_rectangle([160, 490, 640, 670], radius=30, fill=(246, 246, 242))
    colour, shape = CONTENTS.get(contents, ((160, 60, 50), "slab"))
    if shape == "squid":  # squid lying side by side: a long mantle, its fin, the tentacles
        for i in range(3):
            y = 515 + i * 50
            body = _mix(colour, (214, 150, 120), rng.uniform(0, 0.5))
            draw.polygon([(190, y + 20), (215, y), (235, y + 20), (215, y + 40)], fill=_dark(body, 0.08))
            draw.ellipse([205, y + 2, 470, y + 38], fill=body, outline=_dark(body, 0.2))
            for t in range(6):
                draw.line([465, y + 8 + t * 5, 610 - t * 6, y + 2 + t * 8], fill=_dark(body, 0.05), width=5)
            draw.ellipse([440, y + 12, 452, y + 24], fill=(40, 40, 40))
    else:
        for i in range(3):
            x = 185 + i * 150
            slab = _mix(colour, (0, 0, 0), rng.uniform(0, 0.2))
            draw.rounded_rectangle([x, 505 + i * 6, x + 140, 650], radius=22, fill=slab, outline=_dark(slab, 0.3))
            for j in range(3):
                y = 530 + j * 36 + i * 4
                draw.line([x + 18, y, x + 122, y + rng.randint(-8, 8)], fill=(242, 222, 214), width=5)
    draw.rounded_rectangle([130, 470, 670, 690], radius=40, fill=(255, 255, 255, 40))  # the film
    _label(draw, (190, 225, 610, 445), name, brand, ink=ink, max_size=50, band=c)


def _tent_card(draw, name, brand, ink):
    """A folded card standing in front of a craft object, as on a market stall."""
    draw.polygon([(150, 628), (650, 628), (672, 784), (128, 784)], fill=(250, 246, 236), outline=(190, 180, 160))
    draw.rectangle([150, 628, 650, 642], fill=ink)
    if brand:
        text_block(
            draw, brand, (170, 646, 630, 672), fill=_light(ink, 0.3), max_size=22, min_size=12, max_lines=1, upper=True
        )
    text_block(draw, name, (150, 672, 650, 780), fill=ink, max_size=44, max_lines=2)


def _weave(draw, box, c, rng, *, rows=14):
    x0, y0, x1, y1 = box
    step = (y1 - y0) / rows
    for i in range(rows):
        shade = _dark(c, 0.08) if i % 2 else _light(c, 0.12)
        draw.rectangle([x0, y0 + i * step, x1, y0 + (i + 1) * step], fill=shade)
        for x in range(int(x0) + (9 if i % 2 else 0), int(x1), 18):
            draw.line([x, y0 + i * step + 2, x, y0 + (i + 1) * step - 2], fill=(*_dark(c, 0.3), 130), width=2)


def _basket(img, draw, c, name, brand, ink, rng, *, handle=True, lamp=False, low=False):
    top, base = (300, 610) if not lamp else (250, 600)
    if low:
        top = 470
    _shadow(draw, 400, base, 170)
    if lamp:
        draw.line([400, 60, 400, top], fill=(60, 50, 40), width=4)
        draw.ellipse([270, top - 10, 530, base + 10], fill=(255, 220, 140))
    body = [(225, top), (575, top), (530, base), (270, base)]
    mask = Image.new("L", (800, 800), 0)
    ImageDraw.Draw(mask).polygon(body, fill=255)
    weave = Image.new("RGB", (800, 800))
    _weave(ImageDraw.Draw(weave), (200, top, 600, base), c, rng)
    img.paste(weave, (0, 0), mask)
    draw.polygon(body, outline=_dark(c, 0.4))
    draw.rounded_rectangle([215, top - 16, 585, top + 10], radius=12, fill=_dark(c, 0.15))
    if handle:
        draw.arc([260, top - 200, 540, top + 120], start=200, end=340, fill=_dark(c, 0.2), width=18)
    if lamp:
        draw.ellipse([340, base - 40, 460, base + 10], fill=(255, 236, 170, 160))
    _tent_card(draw, name, brand, ink)


def _mat(img, draw, c, name, brand, ink, rng):
    _shadow(draw, 400, 600, 280, depth=40)
    for i, k in enumerate(range(12, 0, -1)):
        rx, ry = 26 * k, 11 * k
        shade = _light(c, 0.1) if i % 2 else _dark(c, 0.08)
        draw.ellipse([400 - rx, 470 - ry, 400 + rx, 470 + ry], fill=shade, outline=(*_dark(c, 0.3), 120))
    # a second mat leaning against the wall, seen full face
    draw.ellipse([250, 100, 550, 400], fill=_dark(c, 0.05))
    for k in range(15, 0, -1):
        draw.ellipse(
            [400 - k * 10, 250 - k * 10, 400 + k * 10, 250 + k * 10],
            outline=_dark(c, 0.25) if k % 3 else (150, 50, 40),
            width=4,
        )
    _tent_card(draw, name, brand, ink)


def _tote(img, draw, c, name, brand, ink, rng, *, cloth=False):
    x0, x1, top, base = 230, 570, 330, 620
    _shadow(draw, 400, base, 170)
    handle = _dark(c, 0.3)
    draw.arc([290, 190, 510, 440], start=180, end=360, fill=handle, width=16)
    if cloth:
        draw.rounded_rectangle([x0, top, x1, base], radius=20, fill=c)
        _stripes(draw, (x0, top, x1, base), c, rng)
    else:
        mask = Image.new("L", (800, 800), 0)
        ImageDraw.Draw(mask).rounded_rectangle([x0, top, x1, base], radius=24, fill=255)
        weave = Image.new("RGB", (800, 800))
        _weave(ImageDraw.Draw(weave), (x0, top, x1, base), c, rng, rows=12)
        img.paste(weave, (0, 0), mask)
    draw.rounded_rectangle([x0, top, x1, base], radius=24, outline=_dark(c, 0.4), width=3)
    _tent_card(draw, name, brand, ink)


def _stripes(draw, box, c, rng):
    """Thổ cẩm: bands of zigzags and diamonds in red, yellow, white and black."""
    x0, y0, x1, y1 = box
    colours = [(190, 40, 50), (236, 190, 50), (245, 240, 230), (30, 30, 40), (40, 110, 170)]
    y = y0 + 14
    while y < y1 - 20:
        band = rng.choice(colours)
        kind = rng.choice(["zig", "diamond", "line"])
        if kind == "line":
            draw.rectangle([x0 + 4, y, x1 - 4, y + 8], fill=band)
            y += 20
        elif kind == "zig":
            pts = [(x, y + (12 if (x // 16) % 2 else 0)) for x in range(int(x0) + 4, int(x1) - 3, 16)]
            draw.line(pts, fill=band, width=5)
            y += 28
        else:
            for x in range(int(x0) + 16, int(x1) - 16, 34):
                draw.polygon([(x, y), (x + 12, y + 12), (x, y + 24), (x - 12, y + 12)], fill=band)
            y += 36


def _fabric(draw, box, c, rng, kind):
    x0, y0, x1, y1 = box
    if kind == "brocade":
        draw.rectangle(box, fill=c)
        _stripes(draw, box, c, rng)
    elif kind == "indigo":
        draw.rectangle(box, fill=c)
        for _ in range(int((x1 - x0) * (y1 - y0) / 900)):
            x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
            draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(220, 226, 240))
    else:  # silk: a soft sheen
        draw.rectangle(box, fill=c)
        for i in range(0, int(x1 - x0), 40):
            draw.line([x0 + i, y0, x0 + i + 60, y1], fill=(*_light(c, 0.4), 60), width=18)


def _cloth(img, draw, c, name, brand, ink, rng, kind="silk"):
    """A stack of folded cloth."""
    _shadow(draw, 400, 600, 230)
    colours = [c, _mix(c, (240, 240, 240), 0.15), _dark(c, 0.15)]
    if kind == "silk":
        colours = [c, rng.choice([PALETTE["red"], PALETTE["gold"], PALETTE["teal"], PALETTE["pink"]]), _dark(c, 0.1)]
    y = 600
    for i, layer in enumerate(colours):
        h = 95
        x0, x1 = 170 + i * 14, 630 - i * 14
        _fabric(draw, (x0, y - h, x1, y), layer, rng, kind)
        draw.rectangle([x0, y - h, x1, y], outline=_dark(layer, 0.35), width=2)
        draw.line([x0, y - h + 12, x1, y - h + 12], fill=(*_dark(layer, 0.3), 150), width=3)  # the fold
        y -= h - 4
    _tent_card(draw, name, brand, ink)


def _garment(img, draw, c, name, brand, ink, rng, kind="silk", dress=False):
    draw.arc([370, 80, 430, 140], start=180, end=360, fill=(90, 70, 50), width=6)
    draw.line([430, 110, 430, 150], fill=(90, 70, 50), width=6)
    draw.polygon([(250, 200), (430, 150), (610, 200)], outline=(110, 80, 50), width=8)
    if dress:
        outline = [
            (330, 190),
            (530, 190),
            (560, 330),
            (520, 330),
            (510, 300),
            (620, 620),
            (240, 620),
            (350, 300),
            (340, 330),
            (300, 330),
        ]
    else:
        outline = [
            (330, 190),
            (530, 190),
            (650, 280),
            (610, 350),
            (560, 320),
            (560, 610),
            (300, 610),
            (300, 320),
            (250, 350),
            (210, 280),
        ]
    mask = Image.new("L", (800, 800), 0)
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    cloth = Image.new("RGB", (800, 800), c)
    _fabric(ImageDraw.Draw(cloth, "RGBA"), (180, 150, 680, 640), c, rng, kind)
    img.paste(cloth, (0, 0), mask)
    draw.polygon(outline, outline=_dark(c, 0.4))
    draw.arc([390, 170, 470, 240], start=0, end=180, fill=_dark(c, 0.4), width=5)  # the neck
    _tent_card(draw, name, brand, ink)


def _vase(img, draw, c, name, brand, ink, rng, *, painted=True, small=False):
    top, base, cx = (250, 620, 400) if not small else (330, 620, 400)
    _shadow(draw, cx, base, 130)
    h = base - top
    # A baluster: a flared lip, a narrow neck, a full shoulder, a narrower foot.
    profile = [(0, 62), (0.08, 48), (0.2, 52), (0.42, 150), (0.62, 150), (0.88, 96), (1, 84)]
    pts = []
    for i in range(41):
        t = i / 40
        for (t0, r0), (t1, r1) in zip(profile, profile[1:], strict=False):
            if t0 <= t <= t1:
                k = (t - t0) / (t1 - t0)
                r = r0 + (r1 - r0) * (1 - math.cos(math.pi * k)) / 2
                break
        pts.append((cx + r, top + t * h))
    outline = pts + [(2 * cx - x, y) for x, y in reversed(pts)]
    draw.polygon(outline, fill=c, outline=_dark(c, 0.35))
    draw.ellipse([cx - 62, top - 12, cx + 62, top + 12], fill=_dark(c, 0.3))
    if painted:  # men lam: blue bands and a lotus on the belly
        blue = (30, 60, 150) if sum(c) > 560 else (238, 232, 214)
        for t in (0.12, 0.2, 0.9):
            y = top + h * t
            r = 52 if t < 0.5 else 94
            draw.line([cx - r + 4, y, cx + r - 4, y], fill=blue, width=7)
        cy = top + h * 0.55
        for k in range(7):
            a = math.pi + k * math.pi / 6
            x, y = cx + math.cos(a) * 62, cy + math.sin(a) * 62 + 20
            draw.ellipse([x - 26, y - 40, x + 26, y + 40], fill=blue)
        draw.ellipse([cx - 34, cy - 12, cx + 34, cy + 50], fill=blue)
        draw.arc([cx - 130, cy + 40, cx + 130, cy + 130], start=200, end=340, fill=blue, width=6)
    else:  # flambé glaze: drips of a second colour
        for _ in range(14):
            x = rng.uniform(cx - 110, cx + 100)
            draw.line(
                [x, top + 10, x + rng.uniform(-10, 10), top + h * rng.uniform(0.3, 0.7)],
                fill=(*_mix(c, (120, 30, 70), 0.6), 140),
                width=rng.randint(10, 22),
            )
    draw.line([cx - 70, top + 30, cx - 95, base - 60], fill=(255, 255, 255, 80), width=10)
    _tent_card(draw, name, brand, ink)


def _teaset(img, draw, c, name, brand, ink, rng):
    _shadow(draw, 400, 610, 250)
    draw.ellipse([250, 330, 500, 600], fill=c, outline=_dark(c, 0.35), width=3)
    draw.polygon([(480, 430), (600, 360), (610, 375), (495, 500)], fill=c, outline=_dark(c, 0.35))
    draw.arc([180, 380, 290, 540], start=90, end=270, fill=_dark(c, 0.25), width=16)
    draw.ellipse([320, 300, 430, 350], fill=_dark(c, 0.15))
    draw.ellipse([358, 280, 392, 312], fill=_dark(c, 0.3))
    for _ in range(40):  # crackle
        x, y = rng.uniform(280, 470), rng.uniform(360, 570)
        draw.line([x, y, x + rng.uniform(-22, 22), y + rng.uniform(-22, 22)], fill=(*_dark(c, 0.45), 130), width=1)
    for x in (520, 630):
        draw.polygon([(x - 50, 520), (x + 50, 520), (x + 34, 610), (x - 34, 610)], fill=c, outline=_dark(c, 0.35))
        draw.ellipse([x - 50, 508, x + 50, 532], fill=_dark(c, 0.3))
    _tent_card(draw, name, brand, ink)


def _plate(img, draw, c, name, brand, ink, rng):
    draw.line([320, 620, 400, 470], fill=(90, 60, 40), width=10)  # the stand
    draw.line([480, 620, 400, 470], fill=(90, 60, 40), width=10)
    draw.ellipse([210, 130, 590, 510], fill=(246, 244, 236), outline=(180, 176, 168), width=3)
    draw.ellipse([240, 160, 560, 480], outline=c, width=10)
    for k in range(8):  # a lotus: petals around the centre
        a = k * math.pi / 4
        x, y = 400 + math.cos(a) * 70, 320 + math.sin(a) * 70
        draw.ellipse([x - 40, y - 40, x + 40, y + 40], fill=_light(c, 0.2), outline=c, width=3)
    draw.ellipse([355, 275, 445, 365], fill=c)
    _tent_card(draw, name, brand, ink)


def _cup(img, draw, c, name, brand, ink, rng):
    for dx, scale in ((-110, 0.9), (110, 1.0)):
        cx = 400 + dx
        w, h = 110 * scale, 230 * scale
        _shadow(draw, cx, 610, w)
        draw.rounded_rectangle([cx - w, 610 - h, cx + w, 610], radius=28, fill=c, outline=_dark(c, 0.35), width=3)
        draw.ellipse([cx - w, 610 - h - 18, cx + w, 610 - h + 18], fill=_dark(c, 0.4))
        draw.arc([cx + w - 40, 610 - h + 30, cx + w + 70, 610 - 50], start=270, end=90, fill=(150, 120, 60), width=16)
        draw.line([cx - w + 20, 610 - h + 40, cx - w + 20, 580], fill=(255, 255, 255, 70), width=10)
    _tent_card(draw, name, brand, ink)


# ------------------------------------------------------------------------ places


def _sky(draw, w, h, rng, horizon, *, dusk=False):
    top, bottom = ((120, 150, 210), (250, 200, 160)) if dusk else ((120, 180, 230), (214, 236, 246))
    for y in range(0, horizon + 1, 4):
        draw.rectangle([0, y, w, y + 4], fill=_mix(top, bottom, y / max(horizon, 1)))
    sx = rng.uniform(0.15, 0.85) * w
    draw.ellipse([sx - h * 0.06, horizon * 0.2, sx + h * 0.06, horizon * 0.2 + h * 0.12], fill=(255, 240, 200))
    for _ in range(3):
        cx, cy = rng.uniform(0, w), rng.uniform(horizon * 0.1, horizon * 0.5)
        for k in range(4):
            r = h * rng.uniform(0.03, 0.05)
            draw.ellipse([cx + k * r - r, cy - r * 0.7, cx + k * r + r, cy + r * 0.7], fill=(255, 255, 255, 170))


def _ridge(draw, w, y, amplitude, colour, rng, *, jagged=False, bottom=None):
    pts, x = [(0, bottom or y + amplitude * 3)], 0.0
    while x <= w + 40:
        pts.append((x, y - rng.uniform(0, amplitude) * (1.6 if jagged else 1)))
        x += rng.uniform(w * 0.04, w * 0.12) if jagged else w * 0.05
    pts.append((w, bottom or y + amplitude * 3))
    draw.polygon(pts, fill=colour)


def _karst(draw, w, horizon, h, colour, rng, count=6):
    for _ in range(count):
        cx, peak = rng.uniform(0, w), horizon - rng.uniform(0.12, 0.4) * h
        half = rng.uniform(0.05, 0.1) * w
        draw.rounded_rectangle([cx - half, peak, cx + half, horizon + 20], radius=round(half * 0.8), fill=colour)


def _water(draw, w, y0, y1, rng):
    draw.rectangle([0, y0, w, y1], fill=(86, 150, 170))
    for _ in range(int(w / 30)):
        x, y = rng.uniform(0, w), rng.uniform(y0 + 6, y1)
        draw.line([x, y, x + rng.uniform(20, 60), y], fill=(200, 230, 236, 150), width=3)


def _field(draw, w, y0, y1, colour, rng, *, rows=True):
    draw.rectangle([0, y0, w, y1], fill=colour)
    if rows:
        for i in range(1, 9):
            y = y0 + (y1 - y0) * (i / 9) ** 1.4
            draw.line([0, y, w, y], fill=(*_dark(colour, 0.2), 140), width=2 + i // 3)


def _house(draw, x, base, size, *, wall=(236, 220, 190), roof=(160, 70, 50), stilts=False):
    s = size
    if stilts:
        for dx in (0.1, 0.45, 0.9):
            draw.rectangle([x + s * dx, base - s * 0.3, x + s * dx + s * 0.05, base], fill=(110, 80, 50))
        base -= s * 0.3
    draw.rectangle([x, base - s * 0.5, x + s, base], fill=wall, outline=_dark(wall, 0.3))
    draw.polygon(
        [(x - s * 0.12, base - s * 0.5), (x + s * 0.5, base - s * 0.95), (x + s * 1.12, base - s * 0.5)], fill=roof
    )
    draw.rectangle([x + s * 0.4, base - s * 0.3, x + s * 0.6, base], fill=(110, 70, 40))
    draw.rectangle([x + s * 0.1, base - s * 0.38, x + s * 0.28, base - s * 0.22], fill=(250, 214, 120))
    draw.rectangle([x + s * 0.72, base - s * 0.38, x + s * 0.9, base - s * 0.22], fill=(250, 214, 120))


def _boat(draw, x, y, size, *, rower=True):
    s = size
    draw.polygon([(x, y), (x + s, y), (x + s * 0.85, y + s * 0.16), (x + s * 0.15, y + s * 0.16)], fill=(110, 70, 40))
    if rower:
        draw.ellipse([x + s * 0.55, y - s * 0.34, x + s * 0.67, y - s * 0.22], fill=(80, 60, 50))
        draw.polygon(
            [(x + s * 0.5, y - s * 0.3), (x + s * 0.61, y - s * 0.42), (x + s * 0.72, y - s * 0.3)],
            fill=(236, 210, 130),
        )  # nón lá
        draw.rectangle([x + s * 0.56, y - s * 0.22, x + s * 0.66, y], fill=(60, 90, 150))
        draw.line([x + s * 0.7, y - s * 0.15, x + s * 0.95, y + s * 0.25], fill=(90, 60, 30), width=max(2, int(s / 40)))


def _tree(draw, x, base, size, *, pine=False, colour=(60, 120, 60)):
    draw.rectangle([x - size * 0.06, base - size * 0.4, x + size * 0.06, base], fill=(100, 70, 40))
    if pine:
        for k in range(3):
            y = base - size * (0.3 + k * 0.25)
            draw.polygon(
                [(x - size * (0.4 - k * 0.1), y), (x, y - size * 0.4), (x + size * (0.4 - k * 0.1), y)],
                fill=_dark(colour, 0.1 * k),
            )
    else:
        draw.ellipse([x - size * 0.35, base - size * 1.0, x + size * 0.35, base - size * 0.35], fill=colour)


def _bike(draw, x, y, s):
    ink = (40, 40, 50)
    for dx in (0, s):
        draw.ellipse([x + dx - s * 0.35, y - s * 0.35, x + dx + s * 0.35, y + s * 0.35], outline=ink, width=6)
    draw.line(
        [(x, y), (x + s * 0.45, y), (x + s * 0.3, y - s * 0.5), (x + s * 0.85, y - s * 0.5), (x + s, y)],
        fill=(200, 40, 40),
        width=7,
    )
    draw.line([(x + s * 0.45, y), (x + s * 0.85, y - s * 0.5)], fill=(200, 40, 40), width=7)
    draw.line(
        [(x + s * 0.85, y - s * 0.5), (x + s * 0.8, y - s * 0.68), (x + s * 0.95, y - s * 0.7)], fill=ink, width=6
    )
    draw.line([(x + s * 0.25, y - s * 0.58), (x + s * 0.4, y - s * 0.58)], fill=ink, width=8)
    draw.ellipse([x + s * 0.22, y - s * 1.35, x + s * 0.4, y - s * 1.17], fill=(90, 60, 50))  # rider
    draw.line([(x + s * 0.32, y - s * 1.15), (x + s * 0.34, y - s * 0.62)], fill=(40, 110, 170), width=14)
    draw.line([(x + s * 0.32, y - s * 1.0), (x + s * 0.8, y - s * 0.72)], fill=(40, 110, 170), width=8)
    draw.line([(x + s * 0.34, y - s * 0.62), (x + s * 0.45, y)], fill=(40, 40, 60), width=9)


def _jars(draw, x0, x1, base, size, colour=(120, 70, 40), rng=None):
    x = x0
    while x < x1:
        draw.ellipse([x, base - size, x + size * 0.9, base], fill=colour, outline=_dark(colour, 0.3), width=2)
        draw.ellipse([x + size * 0.2, base - size * 1.05, x + size * 0.7, base - size * 0.85], fill=_dark(colour, 0.35))
        x += size * 0.95


def _hives(draw, x0, x1, base, size):
    x, i = x0, 0
    while x < x1:
        colour = [(230, 190, 90), (90, 140, 190), (220, 220, 210)][i % 3]
        draw.rectangle([x, base - size * 0.8, x + size, base - size * 0.1], fill=colour, outline=(90, 70, 50), width=2)
        draw.rectangle([x - size * 0.08, base - size * 0.92, x + size * 1.08, base - size * 0.8], fill=(120, 90, 60))
        draw.rectangle([x + size * 0.1, base - size * 0.1, x + size * 0.16, base], fill=(100, 80, 60))
        draw.rectangle([x + size * 0.84, base - size * 0.1, x + size * 0.9, base], fill=(100, 80, 60))
        x, i = x + size * 1.5, i + 1


def _kilns(draw, x0, x1, base, size, rng):
    x = x0
    while x < x1:
        draw.rectangle([x, base - size * 0.6, x + size * 0.8, base], fill=(170, 90, 60), outline=(120, 60, 40))
        draw.rectangle([x + size * 0.3, base - size * 1.4, x + size * 0.5, base - size * 0.6], fill=(150, 80, 55))
        for k in range(3):
            r = size * (0.1 + k * 0.06)
            cy = base - size * 1.5 - k * size * 0.22
            draw.ellipse([x + size * 0.4 - r, cy - r, x + size * 0.4 + r + k * 8, cy + r], fill=(230, 230, 230, 120))
        x += size * 1.3


def _drying(draw, x0, x1, y, size, colours, rng):
    """Cloth or mats hanging on a line."""
    draw.line([x0, y, x1, y], fill=(80, 60, 40), width=3)
    x = x0 + 10
    while x < x1 - size * 0.5:
        c = rng.choice(colours)
        draw.rectangle([x, y, x + size * 0.5, y + size * rng.uniform(0.9, 1.4)], fill=c, outline=_dark(c, 0.3))
        x += size * 0.62


def _rows(draw, w, y0, y1, colour, dot, rng):
    for i in range(7):
        y = y0 + (y1 - y0) * (i / 7) ** 1.2
        size = 8 + i * 5
        for x in range(-20, w + 20, int(size * 2.2)):
            cx = x + rng.uniform(-4, 4)
            draw.ellipse(
                [cx - size, y - size * 0.8, cx + size, y + size * 0.8],
                fill=_mix(colour, (0, 0, 0), rng.uniform(0, 0.2)),
            )
            if dot:
                draw.ellipse([cx - size * 0.25, y - size * 0.7, cx + size * 0.25, y - size * 0.2], fill=dot)


def _workshop(draw, w, h, rng):
    draw.rectangle([0, 0, w, h], fill=(226, 206, 176))
    for y in (h * 0.18, h * 0.38):  # shelves of pots
        draw.rectangle([w * 0.05, y, w * 0.95, y + 10], fill=(120, 80, 50))
        x = w * 0.08
        while x < w * 0.9:
            c = rng.choice([(40, 80, 160), (180, 160, 120), (120, 170, 150), (160, 60, 50)])
            s = rng.uniform(40, 70) * h / 800
            draw.ellipse([x, y - s, x + s * 0.8, y], fill=c)
            x += s * 1.1
    draw.rectangle([0, h * 0.62, w, h], fill=(150, 110, 76))
    cx, base = w * 0.5, h * 0.66
    draw.ellipse([cx - w * 0.25, base - h * 0.04, cx + w * 0.25, base + h * 0.06], fill=(90, 80, 80))
    draw.ellipse([cx - w * 0.2, base - h * 0.05, cx + w * 0.2, base + h * 0.02], fill=(140, 130, 128))
    draw.polygon(
        [
            (cx - w * 0.08, base - h * 0.02),
            (cx - w * 0.1, base - h * 0.2),
            (cx - w * 0.05, base - h * 0.26),
            (cx + w * 0.05, base - h * 0.26),
            (cx + w * 0.1, base - h * 0.2),
            (cx + w * 0.08, base - h * 0.02),
        ],
        fill=(176, 120, 84),
    )
    for side in (-1, 1):  # two hands on the clay
        draw.ellipse(
            [cx + side * w * 0.1 - w * 0.05, base - h * 0.2, cx + side * w * 0.1 + w * 0.05, base - h * 0.12],
            fill=(214, 170, 140),
        )


# A scene is a list of layers drawn back to front.
SCENES = {
    "sea": ["sky", "far", "sea", "sand", "jars", "boats"],
    "karst": ["sky", "karst", "river", "paddy", "boat"],
    "homestay": ["dusk", "karst", "paddy", "stilt", "trees"],
    "boat": ["sky", "karst", "river-wide", "boat-big"],
    "bike": ["sky", "karst-far", "paddy", "road", "bike"],
    "river-town": ["sky", "far", "river", "bank", "houses", "trees"],
    "tea-hills": ["sky", "far", "tea-rows", "house-small", "trees"],
    "sedge": ["sky", "far", "sedge", "mats", "house-small"],
    "forest": ["sky", "hills", "forest", "bark", "house-small"],
    "bees": ["sky", "mountains", "meadow", "hives", "trees"],
    "terraces": ["sky", "mountains", "terraces", "stilt"],
    "coffee": ["sky", "hills", "coffee-rows", "house-small"],
    "silk": ["sky", "far", "river", "bank", "silk-lines", "houses"],
    "pines": ["sky", "pine-hills", "atiso-rows", "greenhouse"],
    "kilns": ["sky", "far", "yard", "kilns", "vases"],
    "workshop": ["workshop"],
}


def _layers(draw, w, h, names, rng):
    horizon = round(h * 0.55)
    for name in names:
        if name in ("sky", "dusk"):
            _sky(draw, w, h, rng, horizon + 40, dusk=name == "dusk")
        elif name == "far":
            _ridge(draw, w, horizon - h * 0.06, h * 0.05, (150, 176, 196), rng)
        elif name == "mountains":
            _ridge(draw, w, horizon - h * 0.22, h * 0.12, (110, 140, 170), rng, jagged=True)
            _ridge(draw, w, horizon - h * 0.08, h * 0.08, (90, 130, 110), rng, jagged=True)
        elif name == "hills":
            _ridge(draw, w, horizon - h * 0.1, h * 0.06, (110, 156, 110), rng)
        elif name == "pine-hills":
            _ridge(draw, w, horizon - h * 0.12, h * 0.06, (100, 140, 120), rng)
            for _ in range(int(w / 50)):
                _tree(
                    draw,
                    rng.uniform(0, w),
                    horizon - h * 0.02 + rng.uniform(-20, 10),
                    h * 0.16,
                    pine=True,
                    colour=(40, 96, 70),
                )
        elif name in ("karst", "karst-far"):
            far = name == "karst-far"
            _karst(
                draw,
                w,
                horizon,
                h * (0.6 if far else 1),
                (120, 150, 140) if far else (84, 122, 100),
                rng,
                count=8 if far else 6,
            )
        elif name == "sea":
            _water(draw, w, horizon, round(h * 0.72), rng)
        elif name == "sand":
            draw.rectangle([0, h * 0.72, w, h], fill=(232, 214, 170))
        elif name == "jars":
            _jars(draw, w * 0.05, w * 0.6, h * 0.9, h * 0.13, rng=rng)
        elif name == "boats":
            _boat(draw, w * 0.62, horizon + h * 0.06, h * 0.2, rower=False)
            _boat(draw, w * 0.3, horizon + h * 0.02, h * 0.12, rower=False)
        elif name in ("river", "river-wide"):
            _water(draw, w, horizon, round(h * (0.95 if name == "river-wide" else 0.7)), rng)
        elif name == "paddy":
            _field(draw, w, h * 0.7, h, (120, 176, 70), rng)
        elif name == "meadow":
            _field(draw, w, horizon, h, (130, 170, 80), rng, rows=False)
            for _ in range(int(w / 6)):
                x, y = rng.uniform(0, w), rng.uniform(horizon + 10, h)
                draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=rng.choice([(240, 240, 250), (220, 120, 170)]))
        elif name == "boat":
            _boat(draw, w * 0.5, h * 0.6, h * 0.16)
        elif name == "boat-big":
            _boat(draw, w * 0.3, h * 0.7, h * 0.34)
        elif name == "stilt":
            _house(draw, w * 0.55, h * 0.84, h * 0.34, wall=(190, 150, 100), roof=(120, 80, 50), stilts=True)
        elif name == "trees":
            for x in (w * 0.08, w * 0.2, w * 0.92):
                _tree(draw, x, h * 0.86, h * 0.3)
        elif name == "road":
            draw.polygon([(w * 0.35, h), (w * 0.48, h * 0.7), (w * 0.56, h * 0.7), (w * 0.75, h)], fill=(196, 176, 140))
        elif name == "bike":
            _bike(draw, w * 0.42, h * 0.86, h * 0.14)
        elif name == "bank":
            draw.rectangle([0, h * 0.7, w, h], fill=(130, 170, 90))
        elif name == "houses":
            for i, x in enumerate((0.1, 0.42, 0.72)):
                _house(draw, w * x, h * 0.88, h * 0.2, roof=[(160, 70, 50), (180, 110, 60), (140, 60, 60)][i])
        elif name == "house-small":
            _house(draw, w * 0.68, h * 0.8, h * 0.18)
        elif name == "tea-rows":
            _field(draw, w, horizon, h, (90, 140, 70), rng, rows=False)
            _rows(draw, w, horizon + 20, h, (60, 130, 60), None, rng)
        elif name == "coffee-rows":
            _field(draw, w, horizon, h, (150, 96, 60), rng, rows=False)
            _rows(draw, w, horizon + 20, h, (40, 100, 50), (190, 40, 40), rng)
        elif name == "atiso-rows":
            _field(draw, w, horizon, h, (120, 90, 60), rng, rows=False)
            _rows(draw, w, horizon + 20, h, (120, 160, 130), (130, 90, 150), rng)
        elif name == "sedge":
            _field(draw, w, horizon, h, (150, 170, 80), rng, rows=False)
            for _ in range(int(w * 1.2)):
                x, y = rng.uniform(0, w), rng.uniform(horizon + 10, h)
                draw.line([x, y, x + rng.uniform(-6, 6), y - rng.uniform(12, 34)], fill=(110, 140, 50), width=2)
        elif name == "mats":
            _drying(draw, w * 0.05, w * 0.6, h * 0.62, h * 0.22, [(214, 186, 120), (190, 150, 90), (200, 80, 60)], rng)
        elif name == "forest":
            for _ in range(int(w / 35)):
                _tree(
                    draw,
                    rng.uniform(0, w),
                    horizon + rng.uniform(0, h * 0.12),
                    h * rng.uniform(0.2, 0.3),
                    colour=_mix((50, 110, 60), (0, 0, 0), rng.uniform(0, 0.3)),
                )
            draw.rectangle([0, h * 0.72, w, h], fill=(176, 150, 110))
        elif name == "bark":
            for i in range(4):
                y = h * (0.78 + i * 0.05)
                x = w * 0.05
                while x < w * 0.6:
                    draw.rounded_rectangle(
                        [x, y, x + h * 0.16, y + h * 0.03], radius=6, fill=(150, 84, 44), outline=(100, 56, 30)
                    )
                    x += h * 0.18
        elif name == "hives":
            _hives(draw, w * 0.05, w * 0.7, h * 0.92, h * 0.16)
        elif name == "terraces":
            for i in range(8):
                y = horizon + (h - horizon) * i / 8
                colour = _mix((150, 190, 80), (90, 150, 60), i / 8)
                pts = [(0, h)] + [(x, y + 14 * math.sin(x / w * 6 + i)) for x in range(0, w + 41, 40)] + [(w, h)]
                draw.polygon(pts, fill=colour, outline=(80, 110, 50))
        elif name == "silk-lines":
            _drying(
                draw,
                w * 0.05,
                w * 0.95,
                h * 0.6,
                h * 0.2,
                [(30, 28, 34), (170, 30, 40), (214, 170, 60), (40, 110, 120)],
                rng,
            )
        elif name == "greenhouse":
            x0, y1 = w * 0.55, h * 0.68
            draw.rectangle([x0, y1 - h * 0.12, x0 + w * 0.35, y1], fill=(230, 240, 244), outline=(160, 170, 176))
            draw.arc(
                [x0, y1 - h * 0.22, x0 + w * 0.35, y1 - h * 0.02], start=180, end=360, fill=(160, 170, 176), width=4
            )
            draw.chord([x0, y1 - h * 0.22, x0 + w * 0.35, y1 - h * 0.02], start=180, end=360, fill=(236, 244, 248))
        elif name == "yard":
            draw.rectangle([0, horizon, w, h], fill=(206, 176, 140))
        elif name == "kilns":
            _kilns(draw, w * 0.05, w * 0.95, horizon + h * 0.12, h * 0.22, rng)
        elif name == "vases":
            x = w * 0.05
            while x < w * 0.95:
                c = rng.choice([(40, 80, 160), (236, 230, 214), (120, 170, 150), (150, 50, 50)])
                s = rng.uniform(0.1, 0.16) * h
                draw.ellipse([x, h * 0.95 - s, x + s * 0.75, h * 0.95], fill=c, outline=_dark(c, 0.3))
                draw.rectangle([x + s * 0.25, h * 0.95 - s * 1.15, x + s * 0.5, h * 0.95 - s * 0.9], fill=c)
                x += s * 0.85
        elif name == "workshop":
            _workshop(draw, w, h, rng)


def draw_scene(kind: str, size=(800, 800), *, caption: str = "", subtitle: str = "", key: str = "") -> Image.Image:
    """A place: `kind` is one of SCENES; a caption strip carries the name when given."""
    w, h = size
    strip = round(h * (0.24 if subtitle else 0.19)) if caption else 0
    rng = _seed("scene", kind, key or caption, w, h)
    img = Image.new("RGB", size, (24, 36, 32))
    picture = Image.new("RGB", (w, h - strip), (200, 220, 230))
    _layers(ImageDraw.Draw(picture, "RGBA"), w, h - strip, SCENES.get(kind, SCENES["river-town"]), rng)
    img.paste(picture, (0, 0))
    draw = ImageDraw.Draw(img, "RGBA")
    if caption:
        top = h - strip + 10
        if subtitle:
            text_block(
                draw,
                subtitle,
                (30, top, w - 30, top + 34),
                fill=(250, 220, 140),
                max_size=26,
                min_size=14,
                max_lines=1,
                upper=True,
            )
            top += 38
        text_block(draw, caption, (30, top, w - 30, h - 12), fill=(255, 255, 255), max_size=48, max_lines=2)
    return img


# The square each shape is framed in (centre x, centre y, side), so it fills the photo.
FRAMES = {
    "bottle": (400, 410, 660),
    "jug": (400, 455, 600),
    "vial": (400, 455, 590),
    "jar": (400, 480, 580),
    ("jar", "small"): (400, 520, 500),
    "pouch": (400, 465, 590),
    "sack": (400, 460, 600),
    "box": (410, 495, 570),
    "bar": (410, 470, 580),
    "tray": (400, 470, 620),
    ("basket", "low"): (400, 560, 480),
    "cloth": (400, 540, 520),
    "cup": (400, 530, 540),
    "teaset": (400, 520, 560),
    "tote": (400, 500, 580),
    "mat": (400, 440, 720),
}

SHAPES = {
    "bottle": _bottle,
    "jug": _jug,
    "vial": _vial,
    "jar": _jar,
    "pouch": _pouch,
    "sack": _sack,
    "box": _box,
    "bar": _bar,
    "tray": _tray,
    "basket": _basket,
    "mat": _mat,
    "tote": _tote,
    "cloth": _cloth,
    "garment": _garment,
    "vase": _vase,
    "teaset": _teaset,
    "plate": _plate,
    "cup": _cup,
}


def parse_look(look: str) -> tuple[str, str, str]:
    """ "pouch:kraft/fish" → ("pouch", "kraft", "fish"): shape, colour, what is inside (or a variant)."""
    shape, _, rest = look.partition(":")
    colour, _, extra = rest.partition("/")
    return shape, colour, extra


def draw_product(name: str, look: str, *, brand: str = "", size=(800, 800)) -> Image.Image:
    """A product photo: the object `look` describes, standing on a table, its name on the label.

    `look` is "shape:colour/extra", e.g. "bottle:amber", "jar:honey", "pouch:coffee/beans",
    "cloth:indigo/indigo", "vase:blue", or "scene:karst" for a place (a service)."""
    shape, colour, extra = parse_look(look)
    if shape == "scene":
        return draw_scene(colour, size, caption=name, subtitle=brand, key=name)
    rng = _seed("product", name, look)
    c = _colour(colour)
    img, draw = _studio((800, 800), c, rng)
    ink = _dark(c, 0.45) if sum(c) < 560 else (60, 50, 40)
    fn = SHAPES.get(shape, _box)
    kwargs = {}
    if shape in ("pouch", "sack", "tray") and extra:
        kwargs["contents"] = extra
    elif shape in ("cloth", "garment") and extra:
        kwargs["kind"] = extra.split("-")[0]
        if shape == "garment" and extra.endswith("-dress"):
            kwargs["dress"] = True
    elif shape == "box" and extra:
        kwargs["pattern"] = extra
    elif shape == "jar" and extra == "small":
        kwargs["small"] = True
    elif shape == "bottle" and extra == "wide":
        kwargs["wide"] = True
    elif shape == "vase" and extra == "flambe":
        kwargs["painted"] = False
    elif shape == "basket" and extra in ("lamp", "open", "low"):
        kwargs.update(handle=False, lamp=extra == "lamp", low=extra == "low")
    elif shape == "tote" and extra == "cloth":
        kwargs["cloth"] = True
    fn(img, draw, c, name, brand, ink, rng, **kwargs)
    cx, cy, side = FRAMES.get((shape, extra), FRAMES.get(shape, (400, 400, 800)))
    top = min(max(cy - side // 2, 0), 800 - side)
    img = img.crop((cx - side // 2, top, cx + side // 2, top + side))
    return img.resize(size, Image.Resampling.BICUBIC)


def draw_badge(brand: str, trade: str, colour: str, place: str = "", size=(320, 320)) -> Image.Image:
    """A round store badge: the trade above, the brand in the middle, the place below."""
    w, h = size
    c = _colour(colour)
    img = Image.new("RGB", size, _light(c, 0.85))
    draw = ImageDraw.Draw(img, "RGBA")
    m = w * 0.05
    draw.ellipse([m, m, w - m, h - m], fill=c)
    draw.ellipse([m * 2.2, m * 2.2, w - m * 2.2, h - m * 2.2], outline=(250, 236, 200), width=max(2, w // 80))
    text_block(
        draw,
        trade,
        (w * 0.2, h * 0.2, w * 0.8, h * 0.36),
        fill=(250, 236, 200),
        max_size=w // 12,
        min_size=10,
        max_lines=1,
        upper=True,
    )
    text_block(
        draw,
        brand,
        (w * 0.16, h * 0.36, w * 0.84, h * 0.66),
        fill=(255, 255, 255),
        max_size=w // 7,
        min_size=12,
        max_lines=2,
    )
    draw.line([w * 0.35, h * 0.7, w * 0.65, h * 0.7], fill=(250, 236, 200), width=max(2, w // 100))
    if place:
        text_block(
            draw,
            place,
            (w * 0.22, h * 0.71, w * 0.78, h * 0.8),
            fill=(250, 236, 200),
            max_size=w // 16,
            min_size=9,
            max_lines=1,
            upper=True,
        )
    return img
