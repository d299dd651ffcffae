"""Mã số thuế: real companies' codes pass, one altered digit fails (check digit)."""

import pytest
from django.core.exceptions import ValidationError

from onboarding.taxcode import is_valid_tax_code, normalize_tax_code

# Each checked by hand with the published rule: check = 10 − (Σ dᵢ·wᵢ mod 11),
# weights 31 29 23 19 17 13 7 5 3.
REAL_CODES = [
    "0100109106",  # Viettel: Σ = 114, 114 mod 11 = 4 → 6
    "0100686209",  # Σ = 287, mod 11 = 1 → 9
    "0300588569",  # Vinamilk: Σ = 375, mod 11 = 1 → 9
    "0100112437",  # Vietcombank: Σ = 102, mod 11 = 3 → 7
    "0100107370",  # Petrolimex: Σ = 131, mod 11 = 10 → check digit 0 (valid)
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_companies_codes_pass(code):
    assert normalize_tax_code(code) == code


@pytest.mark.parametrize("code", REAL_CODES)
def test_every_altered_last_digit_fails(code):
    for digit in "0123456789":
        if digit == code[-1]:
            continue
        assert not is_valid_tax_code(code[:-1] + digit), code[:-1] + digit


def test_swapped_digits_fail():
    assert not is_valid_tax_code("0101009106")  # Viettel with two digits swapped
    assert not is_valid_tax_code("0300858569")


def test_sum_divisible_by_11_is_never_valid():
    for n in range(1, 2000):
        body = f"01{n:07d}"
        total = sum(int(d) * w for d, w in zip(body, (31, 29, 23, 19, 17, 13, 7, 5, 3), strict=True))
        if total % 11 == 0:
            assert not any(is_valid_tax_code(body + d) for d in "0123456789")
            return
    pytest.fail("no body with Σ ≡ 0 (mod 11) found")


def test_branch_code_with_thirteen_digits():
    assert normalize_tax_code("0100109106-001") == "0100109106-001"
    assert normalize_tax_code("0100109106001") == "0100109106-001"
    assert normalize_tax_code(" 0100 109 106 - 012 ") == "0100109106-012"
    assert not is_valid_tax_code("0100109107-001")  # the head's check digit still counts
    assert not is_valid_tax_code("0100109106-000")  # no branch 000


@pytest.mark.parametrize("raw", ["12345", "01001091060", "01001O9106", "0100109106-01", "abc"])
def test_wrong_length_or_letters_say_the_format(raw):
    with pytest.raises(ValidationError) as exc:
        normalize_tax_code(raw)
    assert exc.value.code == "tax_code_format"


def test_wrong_check_digit_message_is_vietnamese(settings):
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        normalize_tax_code("0100109107")
    assert exc.value.code == "tax_code_checksum"
    assert str(exc.value.messages[0]).startswith("Mã số thuế không hợp lệ")
