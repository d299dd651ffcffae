import re

import pytest

from labels import codes
from labels.models import ProductLabel
from labels.services import label_for_product
from tests.factories.marketplace import ProductFactory


def test_a_new_code_is_ten_crockford_characters_and_not_repeated():
    drawn = {codes.new_code() for _ in range(2000)}
    assert len(drawn) == 2000
    assert all(re.fullmatch(r"[0-9a-hjkmnp-tv-z]{10}", code) for code in drawn)


@pytest.mark.parametrize(("typed", "read"), [
    ("ab12cd34ef", "ab12cd34ef"),
    ("AB12CD34EF", "ab12cd34ef"),
    (" ab12-cd34ef ", "ab12cd34ef"),
    ("abI2cdO4eL", "ab12cd04e1"),  # Crockford: I and L read as 1, O as 0
    ("ab12cd34e", None),
    ("ab12cd34efg", None),
    ("ab12cd34eu", None),  # u is not in the alphabet
    ("../../etc", None),
    ("", None),
])
def test_reading_a_code_is_forgiving_but_strict_about_its_shape(typed, read):
    assert codes.normalise(typed) == read


@pytest.mark.django_db
def test_a_product_keeps_its_one_label():
    product = ProductFactory()
    first = label_for_product(product=product)
    again = label_for_product(product=product)
    assert first.pk == again.pk and first.code == again.code
    assert codes.normalise(first.code) == first.code
    assert first.code != str(product.pk)
    assert first.get_absolute_url() == f"/xac-minh/{first.code}/"
    assert ProductLabel.objects.filter(product=product).count() == 1


@pytest.mark.django_db
def test_a_code_drawn_twice_is_drawn_again(monkeypatch):
    taken = label_for_product(product=ProductFactory())
    draws = iter([taken.code, "zzzzzzzzzz"])
    monkeypatch.setattr(codes, "new_code", lambda: next(draws))
    assert label_for_product(product=ProductFactory()).code == "zzzzzzzzzz"
