"""Public catalogue pages: visibility, filters, sort, OCOP badge, query counts (RELIABILITY 24)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import divisions
from marketplace.models import Category, OcopCertificate, Product, Store
from tests.factories.marketplace import (
    HUE,
    CertificateFactory,
    ProductFactory,
    ProductPhotoFactory,
    StoreFactory,
    first_ward,
)

NINH_BINH = divisions.province_code_for_name("Ninh Bình")
pytestmark = pytest.mark.django_db


def slugs(response):
    return [p.slug for p in response.context["page_obj"].object_list]


def test_only_published_products_of_active_stores_are_public(client):
    shown = ProductFactory(slug="hien")
    draft = ProductFactory(slug="nhap", status=Product.Status.DRAFT)
    archived = ProductFactory(slug="luu-tru", status=Product.Status.ARCHIVED)
    hidden_store = ProductFactory(slug="cua-hang-tam-dung", store=StoreFactory(status=Store.Status.SUSPENDED))
    draft_store = StoreFactory(status=Store.Status.DRAFT, slug="chua-mo")
    assert slugs(client.get("/products/")) == [shown.slug]
    assert client.get("/products/hien/").status_code == 200
    for product in (draft, archived, hidden_store):
        assert client.get(f"/products/{product.slug}/").status_code == 404
    assert client.get("/stores/chua-mo/").status_code == 404
    assert client.get(f"/stores/{hidden_store.store.slug}/").status_code == 404
    assert [s.slug for s in client.get("/stores/").context["page_obj"].object_list] == sorted(
        [shown.store.slug, draft.store.slug, archived.store.slug], key=lambda s: Store.objects.get(slug=s).name)
    assert draft_store.slug not in client.get("/stores/").content.decode()


def test_filters_group_with_subgroups_province_price_stock():
    food = Category.objects.get(slug="thuc-pham")
    honey = Category.objects.create(name="Mật ong", slug="mat-ong", parent=food)
    drinks = Category.objects.get(slug="do-uong")
    nb_store = StoreFactory(province_code=NINH_BINH, ward_code=first_ward(NINH_BINH))
    a = ProductFactory(slug="a", category=honey, price=100_000)
    b = ProductFactory(slug="b", category=food, price=300_000, stock=0)
    c = ProductFactory(slug="c", category=drinks, price=200_000, store=nb_store)
    from django.test import Client

    client = Client()
    assert sorted(slugs(client.get("/products/?group=thuc-pham"))) == ["a", "b"]
    assert slugs(client.get("/products/?group=mat-ong")) == ["a"]
    assert slugs(client.get(f"/products/?province={NINH_BINH}")) == ["c"]
    assert slugs(client.get("/products/?min_price=150000&max_price=250000")) == ["c"]
    assert slugs(client.get("/products/", {"min_price": "150.000", "max_price": "250.000 ₫"})) == ["c"]
    assert sorted(slugs(client.get("/products/?in_stock=on"))) == ["a", "c"]
    assert slugs(client.get("/products/?sort=price_asc")) == [a.slug, c.slug, b.slug]
    assert slugs(client.get("/products/?sort=price_desc")) == [b.slug, c.slug, a.slug]
    bad = client.get("/products/?min_price=300000&max_price=100&province=abc")
    assert bad.status_code == 400
    assert "Giá cao nhất không được thấp hơn giá thấp nhất." in bad.content.decode()
    assert slugs(bad) == ["b"]  # the invalid max_price and province are shown as errors and ignored


def test_stars_need_a_verified_unexpired_certificate(client):
    verified = ProductFactory(slug="da-xac-minh")
    CertificateFactory(product=verified, stars=4)
    pending = ProductFactory(slug="cho-xac-minh")
    CertificateFactory(product=pending, stars=5, status=OcopCertificate.Status.PENDING)
    expired = ProductFactory(slug="het-han")
    CertificateFactory(product=expired, stars=5, decision_date=timezone.localdate() - datetime.timedelta(days=37 * 31))
    five = ProductFactory(slug="nam-sao")
    CertificateFactory(product=five, stars=5)
    assert sorted(slugs(client.get("/products/?stars=4"))) == ["da-xac-minh", "nam-sao"]
    assert slugs(client.get("/products/?stars=5")) == ["nam-sao"]
    assert slugs(client.get("/products/?sort=stars"))[:2] == ["nam-sao", "da-xac-minh"]

    page = client.get("/products/da-xac-minh/").content.decode()
    assert "Chứng nhận OCOP: 4 sao" in page
    cert = verified.certificates.get()
    assert cert.decision_number in page and cert.expires_on.strftime("%d/%m/%Y") in page
    for slug in ("cho-xac-minh", "het-han"):
        response = client.get(f"/products/{slug}/")
        assert response.context["product"].ocop_stars is None and response.context["certificate"] is None
        assert "Chứng nhận OCOP:" not in response.content.decode()


def test_product_page_shows_price_unit_stock_store_and_hooks(client):
    product = ProductFactory(slug="nuoc-mam", name="Nước mắm Sa Huỳnh", price=125_000, unit="chai", stock=3)
    ProductPhotoFactory(product=product)
    related = ProductFactory(slug="cung-nhom", category=product.category)
    response = client.get("/products/nuoc-mam/")
    html = response.content.decode()
    assert "125.000\u00a0₫" in html and "/ chai" in html  # a no-break space: the price never wraps
    assert "Chỉ còn 3" in html
    assert product.store.name in html
    assert "srcset=" in html and ".webp" in html
    assert response.context["related"] == [related]
    assert response.context["reviews_context"]["count"] == 0  # from marketplace.orders.selectors
    assert [t.name for t in response.templates].count("orders/add_to_cart_form.html") == 1
    assert [t.name for t in response.templates].count("orders/product_reviews.html") == 1
    assert len(response.content) < 100_000


def test_store_directory_filters_by_province_and_storefront_lists_products(client):
    hue = StoreFactory(slug="hue-store", story="<p>Làm trà từ <b>1990</b></p>")
    nb = StoreFactory(slug="nb-store", province_code=NINH_BINH, ward_code=first_ward(NINH_BINH))
    ProductFactory(store=hue, slug="tra")
    ProductFactory(store=nb, slug="de")
    response = client.get(f"/stores/?province={HUE}")
    assert [s.slug for s in response.context["page_obj"].object_list] == ["hue-store"]
    page = client.get("/stores/hue-store/")
    assert slugs(page) == ["tra"]
    assert "Làm trà từ <b>1990</b>" in page.content.decode()


def queries_for(client, url, warm=True):
    if warm:
        client.get(url)  # renditions are generated on the first view; counted views are warm
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/products/", "/products/?province={hue}&stars=3&sort=stars", "/stores/",
                                 "/stores/{store}/"])
def test_listing_query_count_is_constant(client, url):
    store = StoreFactory(slug="s1")
    first = ProductFactory(store=store)
    ProductPhotoFactory(product=first)
    CertificateFactory(product=first, stars=3)
    url = url.format(hue=HUE, store=store.slug)
    one = queries_for(client, url)
    for _ in range(49):
        p = ProductFactory(store=store)
        ProductPhotoFactory(product=p)
        CertificateFactory(product=p, stars=4)
        StoreFactory()
    many = queries_for(client, url)
    assert one == many
    assert len(client.get(url).content) < 100_000


def test_product_page_query_count_does_not_grow_with_photos_or_related(client):
    product = ProductFactory(slug="p")
    ProductPhotoFactory(product=product)
    ProductFactory(category=product.category)
    one = queries_for(client, "/products/p/")
    for _ in range(5):
        ProductPhotoFactory(product=product)
        ProductFactory(category=product.category)
    assert queries_for(client, "/products/p/") == one


def test_bad_filters_on_the_store_directory_and_storefront_answer_400_with_the_reason(client):
    product = ProductFactory(name="Nước mắm Sa Huỳnh")
    directory = client.get("/stores/?province=khong-co")
    assert directory.status_code == 400
    assert product.store.name in directory.content.decode()  # unfiltered list, the bad filter ignored
    storefront = client.get(f"/stores/{product.store.slug}/?stars=9")
    assert storefront.status_code == 400
    html = storefront.content.decode()
    assert "Số sao OCOP phải là 3, 4 hoặc 5." in html and "Nước mắm Sa Huỳnh" in html
    assert client.get(f"/stores/{product.store.slug}/?stars=4").status_code == 200
