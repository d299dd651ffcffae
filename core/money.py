"""Money is VND in whole đồng: integers, no minor unit (docs/ARCHITECTURE.md, Domain rules).

Prices are read the way Vietnamese people write them, by one parser (`parse_vnd`) that the
product form, the seller's quick edit and the CSV import share: "120.000", "120,000",
"120 000", "120000", "120.000đ", "120.000 ₫" and "120.000 VND" are all 120000. A dot or a
comma may only separate thousands (groups of exactly three digits, one kind of separator),
because đồng have no decimals: "120,5", "1.20", "12.0000" or "1.000,5" could mean two
different amounts, so they are refused rather than guessed.
"""

import re
import unicodedata

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# The highest price a product may have (2 billion đồng; PositiveIntegerField holds 2,147,483,647).
MAX_PRICE = 2_000_000_000

# Written after (or before) the amount: "120.000đ", "120.000 ₫", "120.000 VND", "VND 120.000".
_CURRENCY = re.compile(r"^(?:vnd|vnđ)\s*|\s*(?:₫|đ|d|đồng|dong|vnd|vnđ)$", re.IGNORECASE)
# Spaces people and spreadsheets put between thousands: space, no-break space, narrow no-break space.
_SPACES = "\u0020\u00a0\u202f"
_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (what a phone keyboard may give)
_PLAIN = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:([.,\u0020\u00a0\u202f])\d{3})(?:\1\d{3})*")


class PriceError(ValueError):
    """A price that was refused. `code` says why; `fragment` is the reason as the CSV import
    lists it ("giá “120,5” không rõ ràng: …"), `message` the sentence a form shows."""

    FRAGMENTS = {
        "empty": _("the price is empty"),
        "negative": _("the price “%(value)s” is negative"),
        "ambiguous": _("the price “%(value)s” is ambiguous: write whole đồng with a dot between thousands, "
                       "e.g. 120.000"),
        "invalid": _("the price “%(value)s” is not a whole number of đồng above 0"),
        # "invalid" where 0 is allowed too (a price filter's "from")
        "invalid_or_zero": _("the price “%(value)s” is not a whole number of đồng"),
        "too_high": _("the price “%(value)s” is above the highest price allowed, %(max)s"),
    }

    def __init__(self, code: str, value: str = "", *, zero_allowed: bool = False):
        super().__init__(code)
        self.code, self.value, self.zero_allowed = code, value, zero_allowed

    @property
    def params(self) -> dict:
        return {"value": self.value, "max": format_vnd(MAX_PRICE)}

    @property
    def fragment(self) -> str:
        key = "invalid_or_zero" if self.code == "invalid" and self.zero_allowed else self.code
        return str(self.FRAGMENTS[key]) % self.params

    @property
    def message(self) -> str:
        return f"{capfirst(self.fragment)}."


def parse_whole_number(text: str) -> int | None:
    """A whole number as people write it: "1500", "1.500", "1,500", "1 500" → 1500. Thousands
    separators must be consistent and between groups of three digits; anything else
    (decimals, "1.20", "1.000,5", a sign, letters) is None."""
    text = unicodedata.normalize("NFKC", text).strip() if text else ""
    if _PLAIN.fullmatch(text) or _GROUPED.fullmatch(text):
        return int(re.sub(r"\D", "", text))
    return None


def parse_vnd(raw: str, *, minimum: int = 1, maximum: int = MAX_PRICE) -> int:
    """The whole đồng a person typed, or PriceError saying why not (see the module docstring)."""
    shown = (raw or "").strip()
    invalid = PriceError("invalid", shown, zero_allowed=minimum <= 0)
    text = unicodedata.normalize("NFC", shown)
    while True:  # "120.000 đ", "VND 120.000", "120.000 VNĐ"
        stripped = _CURRENCY.sub("", text).strip(_SPACES)
        if stripped == text:
            break
        text = stripped
    if not text:
        raise PriceError("empty", shown) if not shown else invalid
    if text[0] in _MINUS and any(ch.isdigit() for ch in text):
        raise PriceError("negative", shown)
    amount = parse_whole_number(text)
    if amount is None:
        # Digits with separators that are not thousands (120,5 · 1.20 · 12.0000 · 1.000,5) could be
        # read two ways; letters or other signs are simply not a price.
        looks_numeric = bool(re.fullmatch(rf"[\d.,{_SPACES}]+", text)) and any(ch.isdigit() for ch in text)
        raise PriceError("ambiguous", shown) if looks_numeric else invalid
    if amount < minimum:
        raise invalid
    if amount > maximum:
        raise PriceError("too_high", shown)
    return amount


def format_vnd_number(amount: int | None) -> str:
    """Đồng with a dot between thousands and no currency sign: 120000 → "120.000" (what a
    price field shows back, and what `parse_vnd` reads)."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".")


def format_vnd(amount: int | None) -> str:
    """Format đồng the Vietnamese way: 125000 → "125.000 ₫"."""
    if amount is None:
        return ""
    return f"{format_vnd_number(amount)} ₫"
