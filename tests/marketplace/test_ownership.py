"""RELIABILITY 17: another seller's product, photo, certificate or store by id or slug
answers 404 on every seller endpoint, and nothing changes."""

import pytest

from marketplace.models import OcopCertificate, Product, ProductPhoto
from tests.factories.marketplace import CertificateFactory, ProductFactory, ProductPhotoFactory, photo_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(other_store):
    product = ProductFactory(store=other_store, price=500, stock=5, status=Product.Status.DRAFT, name="Của người khác")
    photo = ProductPhotoFactory(product=product, alt_text="gốc")
    second = ProductPhotoFactory(product=product)
    cert = CertificateFactory(product=product)
    cert.scan.save("qd.pdf", __import__("django.core.files.base", fromlist=["ContentFile"]).ContentFile(b"%PDF-1.4"))
    return {"product": product, "photo": photo, "second": second, "cert": cert, "store": other_store}


def snapshot(f):
    p = Product.objects.get(pk=f["product"].pk)
    photos = list(ProductPhoto.objects.filter(product=p).order_by("pk").values_list("pk", "sort_order", "alt_text"))
    store = f["store"]
    store.refresh_from_db()
    return (p.name, p.price, p.stock, p.status, p.sku, photos, OcopCertificate.objects.filter(product=p).count(),
            store.name, store.updated_at)


ENDPOINTS = [
    ("get", "/seller/products/{product}/", {}),
    ("post", "/seller/products/{product}/", {"name": "Hack", "category": 1, "price": "1", "unit": "kg", "stock": "1"}),
    ("post", "/seller/products/{product}/quick/", {"price": "1", "stock": "0"}),
    ("post", "/seller/products/{product}/status/", {"action": "publish"}),
    ("post", "/seller/products/{product}/status/", {"action": "archive"}),
    ("post", "/seller/products/{product}/photos/", "upload"),
    ("post", "/seller/photos/{photo}/delete/", {}),
    ("post", "/seller/photos/{second}/move/", {"direction": "up"}),
    ("post", "/seller/photos/{photo}/alt/", {"alt_text": "bị sửa"}),
    ("get", "/seller/certificates/{cert}/scan/", {}),
    ("post", "/seller/store/pick/", {"store": "{store}"}),
]


@pytest.mark.parametrize(("method", "url", "data"), ENDPOINTS)
def test_other_sellers_objects_answer_404_and_nothing_changes(seller_client, foreign, method, url, data):
    ids = {k: v.pk for k, v in foreign.items()}
    before = snapshot(foreign)
    if data == "upload":
        data = {"photos": [photo_upload()]}
    else:
        data = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in data.items()}
    response = getattr(seller_client, method)(url.format(**ids), data)
    assert response.status_code == 404
    assert snapshot(foreign) == before


def test_certificate_for_another_stores_product_is_not_offered(seller_client, foreign):
    response = seller_client.get("/seller/certificates/")
    assert foreign["product"] not in response.context["form"].fields["product"].queryset
    assert foreign["cert"] not in response.context["certificates"]


def test_other_stores_products_never_listed_or_exported(seller_client, store, foreign):
    mine = ProductFactory(store=store, sku="CUA-TOI")
    listed = seller_client.get("/seller/products/").context["page_obj"].object_list
    assert list(listed) == [mine]
    export = seller_client.get("/seller/export.csv").content.decode("utf-8-sig")
    assert "CUA-TOI" in export and foreign["product"].sku not in export


def test_profile_edits_only_the_members_store(seller_client, store, foreign):
    from tests.marketplace.test_seller_store import profile_data

    before = snapshot(foreign)
    seller_client.post("/seller/store/", profile_data(name="Đổi tên"))
    store.refresh_from_db()
    assert store.name == "Đổi tên"
    assert snapshot(foreign) == before
