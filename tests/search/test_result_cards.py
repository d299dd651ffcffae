"""The search page reads like a market: product cards (photo, name, price, OCOP stars,
rating, store and province) first, then the stores and courses that match; snippets keep a
space where one paragraph ends and the next begins."""

import re

import pytest

from search.sources import plain
from tests.factories.marketplace import CertificateFactory, ProductFactory, ProductPhotoFactory, StoreFactory
from tests.factories.programme import ReviewFactory
from tests.factories.search import course_page

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


@pytest.fixture
def market(db, django_capture_on_commit_callbacks):
    """"mật ong" names a store, two of its products and a course."""
    with django_capture_on_commit_callbacks(execute=True):
        store = StoreFactory(name="HTX Mật ong Nam Đông", slug="htx-mat-ong-nam-dong",
                             story="<p>Mật ong rừng nuôi dưới tán keo.</p>")
        honey = ProductFactory(store=store, name="Mật ong rừng Nam Đông", price=250_000,
                               description="<p>Mật ong nấu bằng củi.</p><p>Bảo quản nơi khô ráo.</p>")
        ProductPhotoFactory(product=honey)
        CertificateFactory(product=honey, stars=4)
        ReviewFactory(product=honey, rating=5)
        ProductFactory(store=store, name="Sáp ong Nam Đông", price=80_000, description="Từ tổ mật ong.")
        course_page("Bán mật ong trực tuyến", "Chụp ảnh hũ mật ong, viết mô tả.")
    return honey


def test_products_come_first_then_stores_then_courses(client, market):
    html = client.get("/search/", {"q": "mat ong"}).content.decode()
    first_product = html.index('<li class="search-hit search-hit-product">')
    stores = html.index("<h2>Gian hàng</h2>")
    courses = html.index("<h2>Khoá học</h2>")
    assert first_product < html.index('class="search-hit search-hit-store"') and first_product < stores < courses
    assert html.index('<li class="search-hit search-hit-product">', first_product + 1) < stores  # both products
    assert html.count('class="search-hit search-hit-store"') == 1 and html.count("search-hit-course") == 1


def test_a_product_result_is_the_catalogue_card(client, market):
    html = client.get("/search/", {"q": "mat ong rung"}).content.decode()
    hit = re.search(r'<li class="search-hit search-hit-product">(.*?)</li>', html, re.S).group(1)
    assert f'<a href="{market.get_absolute_url()}">' in hit
    # The factory's photo is 64 × 48: the square crop of a small photo is not enlarged.
    assert re.search(r'<img alt="Ảnh sản phẩm" height="48" loading="lazy" src="/media/images/[^"]+'
                     r'\.fill-400x400\.format-webp\.webp" width="48">', hit)
    assert "<h3><mark>Mật</mark> <mark>ong</mark> <mark>rừng</mark> Nam Đông</h3>" in hit
    assert f'<span class="amount">250.000{NBSP}₫</span>' in hit
    assert '<span class="badge badge-ocop">OCOP <span class="stars">4★</span></span>' in hit
    assert '<span class="stars">★</span> 5,0 <span class="muted">(1)</span>' in hit
    assert '<p class="muted small">HTX Mật ong Nam Đông · Thành phố Huế</p>' in hit


def test_the_snippet_keeps_a_space_between_paragraphs(client, market):
    html = client.get("/search/", {"q": "cui"}).content.decode()
    extract = re.search(r'<p class="extract small">(.*?)</p>', html, re.S).group(1)
    assert extract == "Mật ong nấu bằng <mark>củi</mark>. Bảo quản nơi khô ráo."
    assert "củi</mark>.Bảo" not in html


@pytest.mark.parametrize(("html", "text"), [
    ("<p>Đun bằng củi.</p><p>Bảo quản nơi khô ráo.</p>", "Đun bằng củi. Bảo quản nơi khô ráo."),
    ("Dòng một<br>dòng hai<br/>dòng ba", "Dòng một dòng hai dòng ba"),
    ("<ul><li>Mật ong</li><li>Phấn hoa</li></ul><h2>Cách dùng</h2><p>Pha nước ấm</p>",
     "Mật ong Phấn hoa Cách dùng Pha nước ấm"),
    ("<p>M<b>ậ</b>t <i>ong</i> <a href='/x'>rừng</a></p>", "Mật ong rừng"),  # inline tags add no space
    ("Không có thẻ\n\nhai   dòng", "Không có thẻ hai dòng"),
    ("", ""),
])
def test_plain_text_of_rich_text(html, text):
    assert plain(html) == text
