"""Product cards rendered once for what they show (marketplace/templatetags/product_cards.py):
the same HTML as the card template, a changed product or store never shows an old card, one
card per language."""

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from marketplace import selectors
from marketplace.services.products import product_quick_update
from marketplace.templatetags import product_cards as tag
from tests.factories.marketplace import ProductFactory, StoreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def _card(product_pk) -> object:
    return selectors.product_cards([product_pk])[product_pk]


def test_a_card_from_the_cache_is_the_card_template_and_is_rendered_once(monkeypatch):
    product = ProductFactory(store=StoreFactory(name="HTX Mật ong Huế"), name="Mật ong rừng", price=150_000, stock=0)
    with translation.override("vi"):
        expected = render_to_string(tag.CARD_TEMPLATE, {"product": _card(product.pk), "show_store": True})
        assert tag.product_cards([_card(product.pk)], show_store=True) == expected
        rendered = []
        original = tag.get_template(tag.CARD_TEMPLATE).render
        monkeypatch.setattr(tag.get_template(tag.CARD_TEMPLATE).__class__, "render",
                            lambda self, *a, **k: rendered.append(1) or original(*a, **k))
        assert tag.product_cards([_card(product.pk)], show_store=True) == expected
        assert rendered == []  # from the cache
    assert "Hết hàng" in expected and "HTX Mật ong Huế" in expected and "150.000" in expected


def test_a_changed_product_or_store_shows_at_once_with_nothing_invalidated(django_capture_on_commit_callbacks):
    store = StoreFactory(name="HTX Mật ong Huế")
    product = ProductFactory(store=store, name="Mật ong rừng", price=150_000, stock=5)
    assert "150.000" in Client().get("/products/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        product_quick_update(product=product, price=99_000, stock=5)
    page = Client().get("/products/").content.decode()
    assert "99.000" in page and "150.000" not in page
    store.name = "HTX Ong mật Huế"
    store.save()
    assert "HTX Ong mật Huế" in Client().get("/products/").content.decode()


def test_one_card_per_language_and_per_store_shown():
    product = ProductFactory(stock=0)
    with translation.override("vi"):
        vi = tag.product_cards([_card(product.pk)])
    with translation.override("en"):
        en = tag.product_cards([_card(product.pk)])
        with_store = tag.product_cards([_card(product.pk)], show_store=True)
    assert ("Hết hàng" in vi, "Out of stock" in en) == (True, True)
    assert product.store.name not in en and product.store.name in with_store
