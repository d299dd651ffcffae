"""Helpers for `manage.py seed_demo`: idempotent creation and locally drawn pictures."""

import hashlib
import io
from collections.abc import Callable

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw


def demo_picture(title: str, draw: Callable[[], PILImage.Image], *, quality: int = 82):
    """A Wagtail image of what `draw()` returns (a Pillow image), saved as JPEG; found again
    by title on later runs, so `draw` is only called the first time."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw().convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
    slug = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"demo-{slug}.jpg"))


def demo_image(title: str, *, colour: tuple[int, int, int], size=(960, 640), motif: str = "circles"):
    """A Wagtail image of abstract shapes in `colour` drawn with Pillow (no download), found
    again by title on later runs."""
    return demo_picture(title, lambda: _abstract(title, colour, size, motif))


def _abstract(title: str, colour: tuple[int, int, int], size, motif: str) -> PILImage.Image:
    seed = int(hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest(), 16)
    img = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    w, h = size
    light = tuple(min(255, c + 60) for c in colour)
    dark = tuple(max(0, c - 50) for c in colour)
    for i in range(7):
        r = (seed >> (i * 5)) % (h // 3) + h // 8
        x = (seed >> (i * 7)) % w
        y = (seed >> (i * 3)) % h
        shape = draw.ellipse if motif == "circles" else draw.rectangle
        shape([x - r, y - r, x + r, y + r], fill=light if i % 2 else dark)
    draw.rectangle([0, h - h // 5, w, h], fill=dark)
    return img
