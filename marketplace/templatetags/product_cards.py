"""`{% product_cards products show_store=True %}`: the product cards of a listing
(templates/marketplace/_product_card.html), each rendered once for what it shows.

Rendering 24 cards (photo rendition, price, stars, rating, sold, store) was about 20 ms of an
uncached catalogue page at 100,000 products. A card's HTML is kept in the cache under a key
made of everything the card shows — the product's name, slug, price, unit, in stock or not,
stars, rating, reviews, units sold, its first photo and rendition, the store's name and
province when shown, the language and the card templates' own text — so a changed product
makes a new key, never a stale card, and nothing has to be invalidated. Cards with search
highlights are rendered every time (`{% include %}` with title_html and extract).

Each card still declares its page-cache tags (card, and store when shown) for the page
being cached, as the template would.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.cache import page_depends_on
from marketplace.page_cache import card_tag, store_tag

register = template.Library()
CARD_TEMPLATE = "marketplace/_product_card.html"
SHOWN_TEMPLATES = (CARD_TEMPLATE, "marketplace/_rating_sold.html")
SECONDS = 3600  # unused keys just age out: a changed card has a new key


def _templates_digest() -> str:
    """The card templates' source: a new release's cards never come from an old one's."""
    sources = (get_template(name).template.source for name in SHOWN_TEMPLATES)
    return hashlib.sha256("\0".join(sources).encode()).hexdigest()[:12]


def _shown(product, show_store: bool) -> tuple:
    photos = product.photos.all()
    photo = photos[0] if photos else None
    image = photo.image if photo else None
    return (
        product.pk, product.slug, product.name, product.price, product.unit, product.stock > 0,
        getattr(product, "ocop_stars", None), product.rating, product.review_count, product.sold,
        (photo.alt_text, image.pk, image.file.name, image.get_focal_point()) if image else None,
        (product.store.name, product.store.province_name) if show_store else None,
    )


def card_key(product, show_store: bool, digest: str) -> str:
    shown = repr((get_language(), digest, _shown(product, show_store)))
    return f"product-card:{hashlib.sha256(shown.encode()).hexdigest()[:40]}"


@register.simple_tag
def product_cards(products, show_store=False):
    products = list(products)
    card = get_template(CARD_TEMPLATE)
    digest = _templates_digest()
    keys = {product.pk: card_key(product, show_store, digest) for product in products}
    found = cache.get_many(list(keys.values()))
    rendered, missing = [], {}
    for product in products:
        page_depends_on(card_tag(product.pk), *([store_tag(product.store_id)] if show_store else []))
        html = found.get(keys[product.pk])
        if html is None:
            html = missing[keys[product.pk]] = card.render({"product": product, "show_store": show_store})
        rendered.append(html)
    if missing:
        cache.set_many(missing, SECONDS)
    return mark_safe("".join(rendered))  # noqa: S308 - the card template's own output
