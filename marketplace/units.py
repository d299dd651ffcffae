"""Units of sale: free text, as sellers say them.

OCOP covers food and drinks but also handicrafts ("tấm" chiếu, "bức" tranh, "ché" rượu cần)
and community tourism ("đêm" homestay, "vé" tham quan), so a fixed list always misses the
unit of some real product. A unit is any short word; the common ones (`Unit`) are offered
as suggestions, written one way ("Chai", "CHAI" → "chai"; "hủ" → "hũ"; "lit" → "lít") and
shown in English on the English site. The Vietnamese site shows the unit as stored.
"""

import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.text import fold

MAX_LENGTH = 20


class Unit(models.TextChoices):
    """The common units: the suggestions of the product form and the spellings others are
    normalised to. Labels are the English names ("unit of sale" context; Vietnamese = value)."""

    KG = "kg", pgettext_lazy("unit of sale", "kg")
    GRAM = "g", pgettext_lazy("unit of sale", "gram")
    LITRE = "lít", pgettext_lazy("unit of sale", "litre")
    MILLILITRE = "ml", pgettext_lazy("unit of sale", "ml")
    BOTTLE = "chai", pgettext_lazy("unit of sale", "bottle")
    BOX = "hộp", pgettext_lazy("unit of sale", "box")
    PACK = "gói", pgettext_lazy("unit of sale", "pack")
    BAG = "túi", pgettext_lazy("unit of sale", "bag")
    JAR = "hũ", pgettext_lazy("unit of sale", "jar")
    POT = "lọ", pgettext_lazy("unit of sale (lọ)", "jar")  # "jar" in English too; own context: "lọ" in Vietnamese
    CASE = "thùng", pgettext_lazy("unit of sale", "case")
    PIECE = "cái", pgettext_lazy("unit of sale", "piece")
    ITEM = "chiếc", pgettext_lazy("unit of sale", "item")
    SET = "bộ", pgettext_lazy("unit of sale", "set")
    PAIR = "đôi", pgettext_lazy("unit of sale", "pair")
    BUNCH = "bó", pgettext_lazy("unit of sale", "bunch")
    SHEET = "tấm", pgettext_lazy("unit of sale", "sheet")
    PICTURE = "bức", pgettext_lazy("unit of sale", "picture")
    CROCK = "ché", pgettext_lazy("unit of sale", "crock")
    ROLL = "cuộn", pgettext_lazy("unit of sale", "roll")
    METRE = "mét", pgettext_lazy("unit of sale", "metre")
    SERVING = "suất", pgettext_lazy("unit of sale", "serving")
    TICKET = "vé", pgettext_lazy("unit of sale", "ticket")
    NIGHT = "đêm", pgettext_lazy("unit of sale", "night")
    PERSON = "người", pgettext_lazy("unit of sale", "person")


# Other spellings of the common units, lower-case: misspellings seen in catalogues, short
# forms, and the English names (an English spreadsheet says "bottle").
ALIASES = {
    "hủ": "hũ", "lit": "lít", "l": "lít", "liter": "lít", "mililít": "ml", "gr": "g", "gam": "g",
    "gram": "g", "gramme": "g", "kilogram": "kg", "kilo": "kg", "kí": "kg", "ký": "kg", "cân": "kg",
    "met": "mét", "m": "mét", "meter": "mét", "metre": "mét", "piece": "cái", "pcs": "cái", "item": "chiếc",
    "bottle": "chai", "box": "hộp", "pack": "gói", "bag": "túi", "jar": "hũ", "pot": "lọ", "case": "thùng",
    "set": "bộ", "pair": "đôi", "bunch": "bó", "sheet": "tấm", "mat": "tấm", "picture": "bức", "painting": "bức",
    "crock": "ché", "roll": "cuộn", "serving": "suất", "ticket": "vé", "night": "đêm", "person": "người",
    "litre": "lít",
}


def _ascii_spellings() -> dict[str, str]:
    """"chai", "hop", "tam" (typed without diacritics) → the unit, where only one unit folds
    to that spelling: "bo" could be "bộ" (set) or "bó" (bunch), so it is left as typed."""
    candidates: dict[str, set[str]] = {}
    for value in Unit.values:
        candidates.setdefault(fold(value), set()).add(value)
    return {key: values.pop() for key, values in candidates.items() if len(values) == 1}


_ASCII = _ascii_spellings()


def normalize_unit(raw: str) -> str:
    """The unit as stored: spaces collapsed, lower-case, and a common unit spelled one way.
    Anything else is kept as typed (lower-case): "Cặp" → "cặp"."""
    text = " ".join(unicodedata.normalize("NFC", raw or "").split()).lower()
    if text in Unit.values:
        return text
    if text in ALIASES:
        return ALIASES[text]
    if text == fold(text) and text in _ASCII:
        return _ASCII[text]
    return text


def unit_too_long(value: str) -> str | None:
    """Why `value` cannot be a unit (as the CSV import lists it), or None when it can."""
    if len(value) <= MAX_LENGTH:
        return None
    return _("the unit “%(value)s” is longer than %(max)s characters") % {"value": value, "max": MAX_LENGTH}


def unit_label(value: str) -> str:
    """What the site shows after a price ("120.000 ₫ / chai"): the English name of a common
    unit on the English site, the unit itself otherwise."""
    try:
        return str(Unit(value).label)
    except ValueError:
        return value
