"""Being found: sitemap.xml, robots.txt, canonical URLs, Open Graph, schema.org JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from core.demo import demo_image
from marketplace.models import Product, ProductPhoto, Store
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory
from tests.factories.programme import OrderFactory, ReviewFactory, news_article, starter_course

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _render(source: str, **context) -> str:
    request = RequestFactory().get("/", HTTP_HOST="choso.example.vn")
    return Template("{% load seo_tags %}" + source).render(Context({"request": request, **context}))


def _jsonld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.+?)</script>', html, re.S)]


def test_sitemap_lists_every_published_product_active_store_and_live_page(client):
    products = ProductFactory.create_batch(3)
    draft = ProductFactory(status=Product.Status.DRAFT)
    closed = StoreFactory(status=Store.Status.SUSPENDED)
    ProductFactory(store=closed)
    course = starter_course()
    article = news_article()
    response = client.get("/sitemap.xml")  # the test database's Wagtail site is "localhost"
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    urls = {el.text for el in ET.fromstring(response.content).findall("s:url/s:loc", NS)}  # noqa: S314
    expected_products = {f"http://localhost/products/{p.slug}/" for p in Product.objects.published()}
    expected_stores = {f"http://localhost/stores/{s.slug}/" for s in Store.objects.active()}
    assert len(expected_products) == 3 and len(expected_stores) == 4  # the draft product's store is active
    assert expected_products | expected_stores <= urls
    assert f"http://localhost/products/{draft.slug}/" not in urls
    assert f"http://localhost/stores/{closed.slug}/" not in urls
    assert {"http://localhost/", f"http://localhost{course.url}", f"http://localhost{article.url}",
            "http://localhost/tin-tuc/", "http://localhost/training/"} <= urls
    assert len(urls) == 3 + 4 + 5  # home, training index, course, news index, article
    assert products[0].slug in response.content.decode()


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/seller/", "/checkout/", "/cart/", "/onboarding/", "/program/"):
        assert f"Disallow: {path}" in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"


def test_product_jsonld_is_a_schema_org_product_with_an_offer_in_vnd():
    product = CertificateFactory(stars=5, product__name="Mật ong <rừng> & hoa", product__price=245_000,
                                 product__description="<p>Mật ong <b>nguyên chất</b></p>").product
    ProductPhoto.objects.create(product=product, image=demo_image("Mật ong", colour=(200, 150, 0)), alt_text="Hũ")
    product = Product.objects.with_ocop_stars().get(pk=product.pk)
    html = _render("{% product_seo product %}", product=product)
    assert "<rừng>" not in html  # escaped inside the script
    [data] = _jsonld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Product"
    assert data["name"] == "Mật ong <rừng> & hoa" and data["description"] == "Mật ong nguyên chất"
    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["priceCurrency"] == "VND" and data["offers"]["price"] == "245000"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["offers"]["url"] == f"http://choso.example.vn/products/{product.slug}/"
    assert data["award"] == "OCOP 5★"
    assert data["image"][0].startswith("http://choso.example.vn/media/images/")
    assert "aggregateRating" not in data  # no reviews yet
    assert '<meta property="og:type" content="product">' in html
    assert f'<meta property="og:image" content="{data["image"][0]}">' in html
    assert '<meta property="product:price:currency" content="VND">' in html


def test_product_jsonld_has_the_aggregate_rating_of_its_reviews():
    product = ProductFactory()
    order = OrderFactory(store=product.store)
    ReviewFactory(product=product, order=order, rating=5)
    ReviewFactory(product=product, order=order, rating=4)
    [data] = _jsonld(_render("{% product_jsonld product %}", product=product))
    assert data["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": 4.5, "reviewCount": 2,
                                       "bestRating": 5, "worstRating": 1}


def test_store_and_course_jsonld():
    store = StoreFactory(name="HTX Mật ong Nam Đông", story="<p>Ong nuôi dưới tán rừng.</p>")
    [org] = _jsonld(_render("{% store_seo store %}", store=store))
    assert org["@type"] == "Organization" and org["name"] == "HTX Mật ong Nam Đông"
    assert org["address"]["addressRegion"] == "Thành phố Huế" and org["address"]["addressCountry"] == "VN"
    assert org["telephone"] == "0912345678" and org["description"] == "Ong nuôi dưới tán rừng."
    course = starter_course()
    [data] = _jsonld(_render("{% course_jsonld course %}", course=course))
    assert data["@type"] == "Course" and data["name"] == "Bán hàng trực tuyến cơ bản"
    assert data["provider"]["@type"] == "Organization"


def test_pages_carry_canonical_url_and_open_graph(client):
    html = client.get("/?utm_source=zalo").content.decode()
    assert '<link rel="canonical" href="http://testserver/">' in html
    assert '<meta property="og:url" content="http://testserver/">' in html
    assert '<meta property="og:site_name" content="Chợ Số OCOP">' in html
    assert '<meta property="og:title" content="' in html
    news_article()
    listing = client.get("/tin-tuc/?page=2&tag=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/tin-tuc/?page=2">' in listing


def test_product_store_and_course_pages_carry_their_structured_data(client):
    product = CertificateFactory(stars=4, product__price=120_000).product
    ReviewFactory(product=product, order=OrderFactory(store=product.store), rating=4)
    html = client.get(product.get_absolute_url()).content.decode()
    [data] = _jsonld(html)
    assert data["@type"] == "Product" and data["name"] == product.name
    assert (data["offers"]["price"], data["offers"]["priceCurrency"]) == ("120000", "VND")
    assert data["aggregateRating"]["ratingValue"] == 4.0 and data["aggregateRating"]["reviewCount"] == 1
    assert f'<link rel="canonical" href="http://testserver/products/{product.slug}/">' in html
    assert '<meta property="og:type" content="product">' in html

    [org] = _jsonld(client.get(product.store.get_absolute_url()).content.decode())
    assert org["@type"] == "Organization" and org["name"] == product.store.name

    course = starter_course()
    [data] = _jsonld(client.get(course.url).content.decode())
    assert data["@type"] == "Course" and data["name"] == course.title
