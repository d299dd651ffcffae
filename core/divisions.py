"""Vietnam's administrative divisions in force since 1 July 2025: 34 provinces, 3,321
wards, two levels (no district), from the `vietnam-provinces` package.

Addresses store the numeric codes; names come from here. One place for choices,
lookups and the "ward belongs to province" rule.
"""

from functools import cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from vietnam_provinces import Province, Ward

from core.text import fold


@cache
def provinces() -> tuple[Province, ...]:
    """All provinces, sorted by folded name (Vietnamese alphabetical order is close enough)."""
    return tuple(sorted(Province.iter_all(), key=lambda p: fold(short_province_name(p.name))))


@cache
def _province_by_code() -> dict[int, Province]:
    return {int(p.code): p for p in Province.iter_all()}


@cache
def _wards_by_province() -> dict[int, tuple[Ward, ...]]:
    grouped: dict[int, list[Ward]] = {}
    for ward in Ward.iter_all():
        grouped.setdefault(int(ward.province_code), []).append(ward)
    return {code: tuple(sorted(ws, key=lambda w: fold(w.name))) for code, ws in grouped.items()}


@cache
def _ward_by_code() -> dict[int, Ward]:
    return {int(w.code): w for w in Ward.iter_all()}


def short_province_name(name: str) -> str:
    """"Thành phố Huế" → "Huế", "Tỉnh Ninh Bình" → "Ninh Bình"."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def province_name(code: int | None) -> str:
    province = _province_by_code().get(int(code)) if code else None
    return province.name if province else ""


def ward_name(code: int | None) -> str:
    ward = _ward_by_code().get(int(code)) if code else None
    return ward.name if ward else ""


def province_choices() -> list[tuple[int, str]]:
    return [(int(p.code), p.name) for p in provinces()]


def ward_choices(province_code: int | None) -> list[tuple[int, str]]:
    if not province_code:
        return []
    return [(int(w.code), w.name) for w in _wards_by_province().get(int(province_code), ())]


def province_code_for_name(name: str) -> int | None:
    """Find a province by name, with or without diacritics or its "Tỉnh/Thành phố" prefix."""
    wanted = fold(name.strip())
    for prefix in ("thanh pho ", "tinh "):
        wanted = wanted.removeprefix(prefix)
    for p in provinces():
        if fold(short_province_name(p.name)) == wanted:
            return int(p.code)
    return None


def validate_province(code: int) -> None:
    if int(code) not in _province_by_code():
        raise ValidationError(_("Unknown province."), code="unknown_province")


def validate_ward_in_province(ward_code: int, province_code: int) -> None:
    ward = _ward_by_code().get(int(ward_code))
    if ward is None:
        raise ValidationError(_("Unknown ward."), code="unknown_ward")
    if int(ward.province_code) != int(province_code):
        raise ValidationError(_("This ward is not in the chosen province."), code="ward_not_in_province")


def format_address(street: str, ward_code: int | None, province_code: int | None) -> str:
    parts = [street.strip(), ward_name(ward_code), province_name(province_code)]
    return ", ".join(p for p in parts if p)
