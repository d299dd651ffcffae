"""Vietnamese phone numbers, parsed by `phonenumbers` (Google's libphonenumber data)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalize_vn_phone(raw: str) -> str:
    """Return the national form "0912345678" of a Vietnamese number, or raise ValidationError.

    Accepts "0912 345 678", "+84 912 345 678", "84912345678".
    """
    raw = (raw or "").strip()
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("Enter a Vietnamese phone number such as 0912 345 678."), code="invalid_phone") from exc
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a Vietnamese phone number such as 0912 345 678."), code="invalid_phone")
    return "0" + str(number.national_number)
