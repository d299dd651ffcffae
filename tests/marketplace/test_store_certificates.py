"""A store's OCOP certificates: those carried over from the approved application arrive
verified and backing no product; the seller attaches one to one or more products in one
step, without a second verification, and only a verified, unexpired certificate can be."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from marketplace.models import OcopCertificate, Product
from marketplace.services.stores import VerifiedCertificate, certificates_carry_over
from tests.factories.marketplace import CertificateFactory, ProductFactory
from tests.factories.onboarding import PDF_BYTES, OfficerFactory

pytestmark = pytest.mark.django_db


def carried(store, **overrides):
    """What onboarding's approval gives marketplace: plain values and the scan."""
    from core.storage import WrittenFiles

    values = {"product_name": "Mật ong rừng U Minh", "stars": 4, "decision_number": "12/QĐ-UBND",
              "decision_date": timezone.localdate() - datetime.timedelta(days=200),
              "issuing_authority": "UBND thành phố Huế", "verified_by": OfficerFactory(),
              "verified_at": timezone.now() - datetime.timedelta(days=3),
              "scan": ContentFile(PDF_BYTES, name="qd.pdf"), **overrides}
    return certificates_carry_over(store=store, certificates=[VerifiedCertificate(**values)],
                                   written=WrittenFiles())[0]


def stars(product):
    return Product.objects.with_ocop_stars().get(pk=product.pk).ocop_stars


def test_carried_over_certificate_is_listed_verified_and_attached_to_two_products_at_once(seller_client, store):
    certificate = carried(store)
    small, large = ProductFactory(store=store, name="Mật ong 500 ml"), ProductFactory(store=store, name="Mật ong 1 lít")
    page = seller_client.get("/seller/certificates/")
    assert page.status_code == 200
    listed = page.context["certificates"]
    assert [c.pk for c in listed] == [certificate.pk]
    assert listed[0].get_status_display() == "Đã xác minh"
    html = page.content.decode()
    assert "Chưa gắn vào sản phẩm" in html and f"/seller/certificates/{certificate.pk}/attach/" in html
    assert stars(small) is None

    response = seller_client.post(f"/seller/certificates/{certificate.pk}/attach/",
                                  {"products": [small.pk, large.pk]})
    assert response.status_code == 302
    assert stars(small) == stars(large) == 4
    rows = OcopCertificate.objects.filter(store=store).order_by("pk")
    assert sorted(r.product_id for r in rows) == sorted([small.pk, large.pk])
    assert {(r.status, r.verified_by_id, r.verified_at, r.scan.name) for r in rows} == {
        (certificate.status, certificate.verified_by_id, certificate.verified_at, certificate.scan.name)}
    assert not OcopCertificate.objects.filter(status="pending").exists()  # nothing for officers to verify again
    # The product page shows the certificate, without a score nobody recorded.
    detail = seller_client.get(f"/products/{small.slug}/")
    assert detail.context["certificate"].decision_number == "12/QĐ-UBND"
    content = detail.content.decode()
    assert "None/100" not in content and "Mật ong rừng U Minh" in content
    # Attaching again to a product that already shows it changes nothing.
    seller_client.post(f"/seller/certificates/{certificate.pk}/attach/", {"products": [small.pk]})
    assert OcopCertificate.objects.filter(store=store).count() == 2


def test_the_carried_over_scan_is_served_to_the_store(seller_client, store):
    certificate = carried(store)
    response = seller_client.get(f"/seller/certificates/{certificate.pk}/scan/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_attach_refuses_without_a_product_or_with_another_stores_product(seller_client, store, other_store):
    certificate = carried(store)
    foreign = ProductFactory(store=other_store)
    for data in ({}, {"products": [foreign.pk]}, {"products": ["x"]}):
        response = seller_client.post(f"/seller/certificates/{certificate.pk}/attach/", data)
        assert response.status_code == 400
        content = response.content.decode()
        assert "Hãy chọn ít nhất một sản phẩm." in content or "Hãy chọn một sản phẩm của gian hàng bạn." in content
    certificate.refresh_from_db()
    assert certificate.product is None and OcopCertificate.objects.count() == 1


@pytest.mark.parametrize("state", ["pending", "expired"])
def test_only_a_verified_unexpired_certificate_can_be_attached(seller_client, store, state):
    if state == "pending":
        certificate = CertificateFactory(product=ProductFactory(store=store), status="pending", verified_at=None)
    else:
        certificate = carried(store, decision_date=timezone.localdate() - datetime.timedelta(days=37 * 31))
    other = ProductFactory(store=store)
    response = seller_client.post(f"/seller/certificates/{certificate.pk}/attach/", {"products": [other.pk]})
    assert response.status_code == 400
    assert "Chỉ giấy chứng nhận đã được xác minh và còn hiệu lực" in response.content.decode()
    assert OcopCertificate.objects.count() == 1 and stars(other) is None


def test_another_stores_certificate_cannot_be_attached(seller_client, store, other_store):
    certificate = carried(other_store)
    mine = ProductFactory(store=store)
    assert seller_client.post(f"/seller/certificates/{certificate.pk}/attach/",
                              {"products": [mine.pk]}).status_code == 404
    certificate.refresh_from_db()
    assert certificate.product is None and stars(mine) is None
    assert certificate not in seller_client.get("/seller/certificates/").context["certificates"]


def test_certificates_page_query_count_does_not_grow(seller_client, store):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    carried(store)
    ProductFactory(store=store)
    seller_client.get("/seller/certificates/")
    with CaptureQueriesContext(connection) as one:
        seller_client.get("/seller/certificates/")
    for n in range(5):
        carried(store, decision_number=f"{n}/QĐ")
        CertificateFactory(product=ProductFactory(store=store))
    with CaptureQueriesContext(connection) as many:
        response = seller_client.get("/seller/certificates/")
    assert len(response.context["certificates"]) == 11
    assert len(many) == len(one)


def test_existing_certificates_keep_their_product_and_get_its_store():
    """The migration's rule, kept by save(): a certificate of a product belongs to its store."""
    product = ProductFactory()
    certificate = OcopCertificate.objects.create(product=product, stars=3, score=60, decision_number="1/QĐ",
                                                 decision_date=datetime.date(2025, 1, 1), issuing_authority="UBND")
    assert certificate.store_id == product.store_id


def test_a_store_without_products_is_told_to_add_one_not_to_enter_the_certificate_again(seller_client, store):
    """Right after approval the store has its verified certificate and no product yet."""
    assert not store.products.exists()
    certificate = carried(store)
    page = seller_client.get("/seller/certificates/")
    assert page.status_code == 200
    html = page.content.decode()
    assert page.context["waiting_for_product"] is True
    assert "Chưa gắn vào sản phẩm" in html and "Đã xác minh" in html
    assert f"/seller/certificates/{certificate.pk}/scan/" in html
    assert 'Hãy thêm sản phẩm trước (<a href="/seller/products/new/">sản phẩm mới</a>), rồi chọn nó ở đây.' in html
    assert "Chỉ dành cho giấy chứng nhận bạn chưa khai trong hồ sơ đăng ký" in html
    assert f"/seller/certificates/{certificate.pk}/attach/" not in html  # nothing to choose yet


def test_approved_applicant_finds_the_verified_certificate_on_the_dashboard_and_attaches_it(client):
    """End to end: declared in the application, verified and approved by the officer, then
    the new seller shows it on a product in one step; nothing waits for a second check."""
    from onboarding.models import ApplicationStatus
    from onboarding.services.review import application_approve, declared_certificate_decide
    from tests.factories.onboarding import ApplicationFactory, DeclaredCertificateFactory

    officer = OfficerFactory()
    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED, submitted_at=timezone.now())
    declared = DeclaredCertificateFactory(application=application, product_name="Trà sen Tây Hồ", stars=5,
                                          decision_number="88/QĐ-BNN", decision_date=datetime.date(2025, 6, 1))
    declared.scan.save("qd.pdf", ContentFile(PDF_BYTES))
    declared_certificate_decide(certificate=declared, officer=officer, verified=True)
    store = application_approve(application=application, officer=officer).store
    client.force_login(application.applicant)

    certificate = OcopCertificate.objects.get(store=store)
    assert (certificate.status, certificate.product_id, certificate.product_name, certificate.stars) == (
        "verified", None, "Trà sen Tây Hồ", 5)
    scan = client.get(f"/seller/certificates/{certificate.pk}/scan/")
    assert scan.status_code == 200 and b"".join(scan.streaming_content) == PDF_BYTES

    product = ProductFactory(store=store, name="Trà sen 100 g")
    page = client.get("/seller/certificates/")
    assert f'name="products" value="{product.pk}"' in page.content.decode()
    assert client.post(f"/seller/certificates/{certificate.pk}/attach/",
                       {"products": [product.pk]}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.product == product and certificate.status == "verified"
    assert stars(product) == 5
    assert not OcopCertificate.objects.filter(status="pending").exists()
