"""Cards everywhere read the same: rating (average and count) and units sold from one
template (templates/marketplace/_rating_sold.html) on the catalogue, a storefront, the home
page, search results and under the product's name; prices never wrap before "₫"; the
product page's delivery note, store card and phone buy bar."""

import re

import pytest
from django.contrib.staticfiles import finders

from marketplace.orders.models import Order
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, ProductPhotoFactory, StoreFactory
from tests.factories.programme import OrderFactory, OrderLineFactory, ReviewFactory

pytestmark = pytest.mark.django_db
RATED = ('<p class="rating-sold small"><span class="rating"><span aria-hidden="true"><span class="stars">★</span> '
         '4,5 <span class="muted">(2)</span></span><span class="visually-hidden">Được 2 người mua chấm 4,5 trên 5 sao'
         '</span></span> <span aria-hidden="true">·</span> <span class="sold">Đã bán 120</span></p>')
NBSP = "\u00a0"


@pytest.fixture
def honey(django_capture_on_commit_callbacks):
    """Mật ong Nam Đông: 4★, rated 5 and 4 by two buyers, 120 sold (a cancelled order of 50 is no sale)."""
    with django_capture_on_commit_callbacks(execute=True):  # indexed for search, as after a real save
        store = StoreFactory(name="HTX Mật ong Nam Đông", slug="htx-mat-ong-nam-dong")
        honey = ProductFactory(store=store, name="Mật ong rừng Nam Đông", slug="mat-ong-rung-nam-dong",
                               price=250_000, unit="hũ")
        ProductPhotoFactory(product=honey)
        CertificateFactory(product=honey, stars=4)
        ReviewFactory(product=honey, rating=5, buyer=UserFactory(email="an@example.vn"))
        ReviewFactory(product=honey, rating=4, buyer=UserFactory(email="binh@example.vn"))
        OrderLineFactory(product=honey, quantity=118, order=OrderFactory(store=store))
        OrderLineFactory(product=honey, quantity=2, order=OrderFactory(store=store, status=Order.Status.DELIVERED))
        OrderLineFactory(product=honey, quantity=50, order=OrderFactory(store=store, status=Order.Status.CANCELLED))
    return honey


def card_of(html: str, name: str) -> str:
    """The card (<article class="card product-card">…</article>) showing `name`."""
    cards = re.findall(r'<article class="card product-card">.*?</article>', html, re.S)
    found = [card for card in cards if name in re.sub(r"</?mark>", "", card)]
    assert len(found) == 1, f"{len(found)} cards of {name!r}"
    return found[0]


@pytest.mark.parametrize("url", ["/products/", "/stores/htx-mat-ong-nam-dong/", "/", "/search/?q=mat+ong"])
def test_every_listing_shows_rating_and_sold_the_same_way(client, honey, url):
    card = card_of(client.get(url).content.decode(), "Mật ong rừng Nam Đông")
    assert RATED in card
    assert f'<span class="amount">250.000{NBSP}₫</span> <span class="muted unit">/ hũ</span>' in card
    assert '<span class="badge badge-ocop">OCOP <span class="stars">4★</span></span>' in card
    assert "<img " in card and 'loading="lazy"' in card


def test_the_product_page_shows_them_under_the_name(client, honey):
    html = client.get(honey.get_absolute_url()).content.decode()
    assert f"<h1>Mật ong rừng Nam Đông</h1>\n    {RATED}" in html


def test_no_reviews_and_no_sales_show_nothing_and_sales_alone_show_sold(client, honey):
    quiet = ProductFactory(store=honey.store, name="Phấn hoa Nam Đông")
    sold_only = ProductFactory(store=honey.store, name="Sáp ong Nam Đông")
    OrderLineFactory(product=sold_only, quantity=3, order=OrderFactory(store=honey.store, status=Order.Status.PAID))
    html = client.get("/products/").content.decode()
    assert "rating-sold" not in card_of(html, "Phấn hoa Nam Đông")
    assert '<p class="rating-sold small"><span class="sold">Đã bán 3</span></p>' in card_of(html, "Sáp ong Nam Đông")
    page = client.get(quiet.get_absolute_url()).content.decode()
    assert "rating-sold" not in page[page.index("<h1>"):page.index('<div class="buy-bar">')]


def test_the_product_page_tells_delivery_and_the_store(client, honey):
    html = client.get(honey.get_absolute_url()).content.decode()
    assert (f'<p class="delivery-note">Gửi từ Thành phố Huế. Phí vận chuyển 30.000{NBSP}₫ cho mỗi đơn của một '
            "gian hàng, hiển thị lại trước khi bạn thanh toán.</p>") in html
    store_card = html[html.index('<section class="card store-card">'):]
    store_card = store_card[:store_card.index("</section>")]
    assert '<a href="/stores/htx-mat-ong-nam-dong/"><strong>HTX Mật ong Nam Đông</strong></a>' in store_card
    assert "Hợp tác xã · Thành phố Huế" in store_card
    assert ('<span class="badge badge-ocop">OCOP <span class="stars">4★</span></span> '
            '<span class="small">1 sản phẩm đạt sao OCOP</span>') in store_card
    # The buy bar (fixed at the bottom on phones by CSS) is a plain form: no JavaScript needed.
    bar = html[html.index('<div class="buy-bar">'):]
    assert bar.index(f'<span class="amount">250.000{NBSP}₫</span>') < bar.index('<form class="add-to-cart inline-form"')
    assert '<button type="submit" class="button">Thêm vào giỏ</button>' in bar[:bar.index("</form>")]
    assert '<body class="has-buy-bar">' in html


def test_a_gallery_of_several_photos_swipes_and_has_thumbnails(client, honey):
    ProductPhotoFactory(product=honey)
    html = client.get(honey.get_absolute_url()).content.decode()
    # Scrollable, so it takes the keyboard's focus too (arrow keys scroll it).
    assert ('<div class="gallery gallery-many" tabindex="0" role="group" '
            'aria-label="Ảnh sản phẩm: vuốt, hoặc dùng phím mũi tên">') in html
    assert html.count('<figure class="gallery-item" id="photo-') == 2
    assert '<a href="#photo-2">' in html and '<span class="visually-hidden">Ảnh 2</span>' in html


@pytest.mark.parametrize("url", ["/products/", "/", "/search/?q=mat+ong", "/cart/", "/checkout/"])
def test_prices_never_wrap_before_the_dong_sign(client, honey, url):
    assert client.post("/cart/add/", {"product": honey.pk, "quantity": 2}).status_code == 302
    html = client.get(url).content.decode()
    assert html.count(f"{NBSP}₫") >= 1
    assert re.findall(r"\d[ \t\n]+₫", html) == []


def test_units_are_named_in_english_on_the_english_site(client):
    """"lọ" and "hũ" are both jars in English; the Vietnamese site shows the unit as the seller wrote it."""
    royal_jelly = ProductFactory(name="Sữa ong chúa tươi", unit="lọ", price=250_000)
    ProductFactory(name="Mật ong hũ nhỏ", unit="hũ", price=120_000, store=royal_jelly.store)
    html = client.get("/products/").content.decode()
    assert '<span class="muted unit">/ lọ</span>' in card_of(html, "Sữa ong chúa tươi")
    assert '<span class="muted unit">/ hũ</span>' in card_of(html, "Mật ong hũ nhỏ")
    client.post("/i18n/setlang/", {"language": "en", "next": "/products/"})
    html = client.get("/products/").content.decode()
    assert '<span class="muted unit">/ jar</span>' in card_of(html, "Sữa ong chúa tươi")
    assert '<span class="muted unit">/ jar</span>' in card_of(html, "Mật ong hũ nhỏ")


@pytest.mark.parametrize("url", ["/products/", "/products/mat-ong-rung-nam-dong/", "/stores/htx-mat-ong-nam-dong/",
                                 "/search/?q=mat+ong", "/cart/", "/checkout/"])
def test_buyer_pages_stay_light(client, honey, url):
    """HTML + CSS + JS under 100 KB before images, whatever the page adds (checkout.js)."""
    assert client.post("/cart/add/", {"product": honey.pk, "quantity": 1}).status_code == 302
    html = client.get(url).content
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html.decode())
    assert {"css/site.css", "js/site.js"} <= set(assets)
    weight = len(html) + sum(len(open(finders.find(asset), "rb").read()) for asset in assets)
    assert weight < 100 * 1024, weight
