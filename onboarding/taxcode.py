"""Vietnamese tax codes (mã số thuế, MST): 10 digits whose last is a check digit over the
first nine (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − sum mod 11, so a sum
≡ 0 (mod 11) is never issued), or 13 digits for a branch, written `0123456789-001`.

python-stdnum implements the published rule (`stdnum.vn.mst`); this module gives its
answers Vietnamese messages and one stored form.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.vn import mst

MESSAGES = {
    "format": _("A tax code has 10 digits, or 13 digits written as 0123456789-001."),
    "checksum": _("This tax code is not valid: its check digit does not match. Please check for a typing mistake."),
    "component": _("This tax code is not valid. Please copy it from your registration certificate."),
}


def normalize_tax_code(raw: str) -> str:
    """Return the tax code in its written form ("0100109106" or "0314409058-002"), or raise
    ValidationError with a message for the applicant."""
    number = mst.compact(raw or "")
    try:
        mst.validate(number)
    except (stdnum_errors.InvalidLength, stdnum_errors.InvalidFormat) as exc:
        raise ValidationError(MESSAGES["format"], code="tax_code_format") from exc
    except stdnum_errors.InvalidChecksum as exc:
        raise ValidationError(MESSAGES["checksum"], code="tax_code_checksum") from exc
    except stdnum_errors.ValidationError as exc:
        raise ValidationError(MESSAGES["component"], code="tax_code_invalid") from exc
    return mst.format(number)


def is_valid_tax_code(raw: str) -> bool:
    try:
        normalize_tax_code(raw)
    except ValidationError:
        return False
    return True
