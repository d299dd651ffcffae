"""Programme officers' review in the Wagtail admin: queue, filters, scope, decisions and
OCOP certificate verification."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import divisions
from marketplace.models import OcopCertificate, Product, Store
from onboarding.models import ApplicationStatus, OfficerScope
from onboarding.selectors import officer_province_codes
from tests.factories import UserFactory
from tests.factories.marketplace import HUE, CertificateFactory, ProductFactory, StoreFactory, first_ward
from tests.factories.onboarding import ApplicationFactory, DeclaredCertificateFactory, OfficerFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus
QUEUE = "/admin/seller-applications/"
OTHER = next(code for code, _name in divisions.province_choices() if code != HUE)


@pytest.fixture
def officer(client):
    user = OfficerFactory()
    client.force_login(user)
    return user


def submitted(**kwargs):
    return ApplicationFactory(status=S.SUBMITTED, **kwargs)


def test_officer_province_codes():
    assert officer_province_codes(UserFactory()) == set()
    assert officer_province_codes(UserFactory(is_superuser=True)) is None
    officer = OfficerFactory()
    assert officer_province_codes(officer) is None
    OfficerScope.objects.create(user=officer, province_codes=[HUE, OTHER])
    assert officer_province_codes(officer) == {HUE, OTHER}


def test_only_officers_reach_the_review(client):
    client.force_login(UserFactory())  # no admin access at all
    assert client.get(QUEUE).status_code == 302
    client.force_login(UserFactory(groups=["Trainers"]))  # admin, but not an officer
    assert client.get(QUEUE).status_code == 404
    assert client.get(f"{QUEUE}{submitted().pk}/").status_code == 404


def test_queue_lists_submitted_not_drafts_and_filters(client, officer):
    a = submitted(trading_name="Nước mắm Phú Quốc", producer_type="enterprise")
    b = submitted(trading_name="Trà Shan Tuyết", province_code=OTHER, ward_code=first_ward(OTHER))
    c = ApplicationFactory(status=S.CHANGES_REQUESTED, trading_name="Gạo Séng Cù")
    ApplicationFactory(trading_name="Bản nháp bí mật")
    page = client.get(QUEUE).content.decode()
    assert all(name in page for name in ("Nước mắm Phú Quốc", "Trà Shan Tuyết", "Gạo Séng Cù"))
    assert "Bản nháp bí mật" not in page

    def names(query):
        response = client.get(QUEUE, query)
        return sorted(a.display_name for a in response.context["page"])

    assert names({"province": OTHER}) == [b.display_name]
    assert names({"status": "changes_requested"}) == [c.display_name]
    assert names({"producer_type": "enterprise"}) == [a.display_name]
    assert names({"province": HUE, "status": "submitted"}) == [a.display_name]


def test_queue_query_count_is_constant(client, officer):
    submitted()
    client.get(QUEUE)  # the officer's user row is cached from here on
    with CaptureQueriesContext(connection) as one:
        assert client.get(QUEUE).status_code == 200
    for _ in range(24):
        submitted()
    with CaptureQueriesContext(connection) as many:
        response = client.get(QUEUE)
    assert len(response.context["page"]) == 25
    assert len(many) == len(one)


def test_scope_hides_other_provinces(client, officer):
    OfficerScope.objects.create(user=officer, province_codes=[OTHER])
    hue = submitted(trading_name="Ở Huế")
    page = client.get(QUEUE).content.decode()
    assert "Ở Huế" not in page
    assert client.get(f"{QUEUE}{hue.pk}/").status_code == 404
    assert client.post(f"{QUEUE}{hue.pk}/approve/", {"note": ""}).status_code == 404
    hue.refresh_from_db()
    assert hue.status == S.SUBMITTED and Store.objects.count() == 0


def test_detail_shows_documents_through_the_protected_view(client, officer):
    application = submitted()
    page = client.get(f"{QUEUE}{application.pk}/").content.decode()
    for document in application.documents.all():
        assert f"/onboarding/documents/{document.pk}/" in page
    assert "/media/" not in page


def test_approve_through_the_admin(client, officer):
    application = submitted(trading_name="Cà phê Khe Sanh")
    response = client.post(f"{QUEUE}{application.pk}/approve/", {"note": "Đạt"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.APPROVED
    assert application.store.name == "Cà phê Khe Sanh"
    # A second approval (double click, second officer) is refused and changes nothing.
    client.post(f"{QUEUE}{application.pk}/approve/", {"note": ""})
    assert Store.objects.count() == 1 and application.events.count() == 1


def test_request_changes_with_a_note_per_field(client, officer):
    application = submitted()
    response = client.post(f"{QUEUE}{application.pk}/request-changes/", {
        "note": "", "field_tax_code": "Mã số thuế không khớp.", "field_representative_id": "Ảnh bị mờ."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.CHANGES_REQUESTED
    assert application.field_notes == {"tax_code": "Mã số thuế không khớp.", "representative_id": "Ảnh bị mờ."}


def test_request_changes_without_any_note_is_400(client, officer):
    application = submitted()
    response = client.post(f"{QUEUE}{application.pk}/request-changes/", {"note": ""})
    assert response.status_code == 400
    assert "ghi chú ít nhất một mục" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED and application.events.count() == 0


def test_reject_without_reason_is_400_then_with_reason(client, officer):
    application = submitted()
    response = client.post(f"{QUEUE}{application.pk}/reject/", {"reason": ""})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == S.SUBMITTED
    client.post(f"{QUEUE}{application.pk}/reject/", {"reason": "Không phải sản phẩm OCOP."})
    application.refresh_from_db()
    assert application.status == S.REJECTED
    assert application.events.get().note == "Không phải sản phẩm OCOP."


def test_verify_and_refuse_declared_certificates(client, officer):
    application = submitted()
    good = DeclaredCertificateFactory(application=application)
    bad = DeclaredCertificateFactory(application=application)
    client.post(f"{QUEUE}{application.pk}/certificates/{good.pk}/", {"decision": "verify"})
    client.post(f"{QUEUE}{application.pk}/certificates/{bad.pk}/", {"decision": "refuse", "reason": ""})
    bad.refresh_from_db()
    assert bad.status == "pending"  # refusing needs a reason
    client.post(f"{QUEUE}{application.pk}/certificates/{bad.pk}/", {"decision": "refuse", "reason": "Hết hạn"})
    good.refresh_from_db()
    bad.refresh_from_db()
    assert (good.status, good.verified_by) == ("verified", officer)
    assert (bad.status, bad.refusal_reason) == ("refused", "Hết hạn")
    # A certificate of another application through this URL: 404.
    other = DeclaredCertificateFactory(application=submitted())
    assert client.post(f"{QUEUE}{application.pk}/certificates/{other.pk}/", {"decision": "verify"}).status_code == 404


def test_verified_product_certificate_backs_the_stars(client, officer):
    product = ProductFactory()
    certificate = CertificateFactory(product=product, status=OcopCertificate.Status.PENDING, verified_at=None)
    assert Product.objects.with_ocop_stars().get(pk=product.pk).ocop_stars is None
    page = client.get(f"{QUEUE}ocop-certificates/").content.decode()
    assert product.name in page
    client.post(f"{QUEUE}ocop-certificates/{certificate.pk}/", {"decision": "verify"})
    certificate.refresh_from_db()
    assert (certificate.status, certificate.verified_by) == ("verified", officer)
    assert Product.objects.with_ocop_stars().get(pk=product.pk).ocop_stars == 4


def test_product_certificate_out_of_scope_is_404_and_unchanged(client, officer):
    OfficerScope.objects.create(user=officer, province_codes=[OTHER])
    certificate = CertificateFactory(product=ProductFactory(store=StoreFactory()), status="pending", verified_at=None)
    assert client.post(f"{QUEUE}ocop-certificates/{certificate.pk}/", {"decision": "verify"}).status_code == 404
    certificate.refresh_from_db()
    assert certificate.status == "pending" and certificate.verified_by is None


def test_ocop_queue_query_count_is_constant(client, officer):
    CertificateFactory(status="pending", verified_at=None)
    client.get(f"{QUEUE}ocop-certificates/")  # the officer's user row is cached from here on
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"{QUEUE}ocop-certificates/").status_code == 200
    for _ in range(24):
        CertificateFactory(status="pending", verified_at=None)
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"{QUEUE}ocop-certificates/")
    assert len(response.context["page"]) == 25
    assert len(many) == len(one)


def test_menu_items_only_for_officers(client, officer):
    assert "/admin/seller-applications/" in client.get("/admin/").content.decode()
    client.force_login(UserFactory(groups=["Trainers"]))
    assert "/admin/seller-applications/" not in client.get("/admin/").content.decode()


def test_officer_revokes_a_verified_certificate_and_the_stars_go_at_once(client, officer):
    product = ProductFactory(name="Trà sen Tây Hồ")
    certificate = CertificateFactory(product=product, status=OcopCertificate.Status.VERIFIED)
    CertificateFactory(status=OcopCertificate.Status.PENDING, verified_at=None)
    assert Product.objects.with_ocop_stars().get(pk=product.pk).ocop_stars == 4
    pending = client.get(f"{QUEUE}ocop-certificates/").content.decode()
    assert "Trà sen Tây Hồ" not in pending  # the waiting list shows only what waits
    listed = client.get(f"{QUEUE}ocop-certificates/", {"status": "verified"}).content.decode()
    assert "Trà sen Tây Hồ" in listed and "Lý do thu hồi" in listed and 'value="verify"' not in listed
    # Revoking needs a reason; without one nothing changes.
    client.post(f"{QUEUE}ocop-certificates/{certificate.pk}/", {"decision": "refuse", "reason": " "})
    certificate.refresh_from_db()
    assert certificate.status == "verified"
    response = client.post(f"{QUEUE}ocop-certificates/{certificate.pk}/",
                           {"decision": "refuse", "reason": "Quyết định bị huỷ"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{QUEUE}ocop-certificates/?status=verified"
    assert "Đã thu hồi giấy chứng nhận." in response.content.decode()
    certificate.refresh_from_db()
    assert (certificate.status, certificate.refusal_reason) == ("refused", "Quyết định bị huỷ")
    assert Product.objects.with_ocop_stars().get(pk=product.pk).ocop_stars is None
