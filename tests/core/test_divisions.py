import pytest
from django.core.exceptions import ValidationError

from core import divisions


def test_two_level_divisions_since_july_2025():
    assert len(divisions.province_choices()) == 34
    assert sum(len(divisions.ward_choices(code)) for code, _ in divisions.province_choices()) == 3321


def test_province_lookup_with_or_without_diacritics():
    hue = divisions.province_code_for_name("Huế")
    assert hue is not None
    assert divisions.province_code_for_name("thanh pho hue") == hue
    assert divisions.province_code_for_name("Tỉnh Ninh Bình") == divisions.province_code_for_name("ninh binh")
    assert divisions.province_code_for_name("Atlantis") is None


def test_ward_must_belong_to_province():
    hue = divisions.province_code_for_name("Huế")
    quang_ngai = divisions.province_code_for_name("Quảng Ngãi")
    ward_code, ward_name = divisions.ward_choices(hue)[0]
    divisions.validate_ward_in_province(ward_code, hue)
    with pytest.raises(ValidationError) as exc:
        divisions.validate_ward_in_province(ward_code, quang_ngai)
    assert exc.value.code == "ward_not_in_province"
    assert divisions.format_address("12 Lê Lợi", ward_code, hue) == f"12 Lê Lợi, {ward_name}, Thành phố Huế"
