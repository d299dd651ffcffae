import pytest

from core.money import format_vnd
from core.text import fold, fold_tokens, vietnamese_slugify


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nước mắm Phú Quốc", "nuoc mam phu quoc"),
        ("ĐẬU PHỘNG rang muối", "dau phong rang muoi"),
        ("Mật ong bạc hà Hà Giang", "mat ong bac ha ha giang"),
        ("Trà Shan Tuyết", "tra shan tuyet"),
        # Decomposed input (NFD, as some Android keyboards send) folds the same way.
        ("Tra\u0300 Shan Tuye\u0302\u0301t", "tra shan tuyet"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_slug_and_tokens():
    assert vietnamese_slugify("Mật ong Bạc Hà (500ml)") == "mat-ong-bac-ha-500ml"
    assert fold_tokens("Gạo ST25, Sóc Trăng!") == ["gao", "st25", "soc", "trang"]


@pytest.mark.parametrize(("amount", "text"), [(125000, "125.000 ₫"), (0, "0 ₫"), (1250000, "1.250.000 ₫"),
                                              (-5000, "-5.000 ₫"), (None, "")])
def test_format_vnd(amount, text):
    assert format_vnd(amount) == text
