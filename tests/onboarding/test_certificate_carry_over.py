"""A verified certificate is not asked for twice: on approval each declared certificate the
officer verified becomes the new store's certificate, verified by the same officer at the
same time, with its own copy of the scan, ready to attach to products."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from marketplace.models import OcopCertificate, Store
from onboarding.models import ApplicationStatus
from onboarding.services.review import application_approve, declared_certificate_decide
from tests.factories.onboarding import PDF_BYTES, ApplicationFactory, DeclaredCertificateFactory, OfficerFactory
from tests.factories.storage import stored_files

pytestmark = pytest.mark.django_db
S = ApplicationStatus
QUEUE = "/admin/seller-applications/"


@pytest.fixture
def officer():
    return OfficerFactory(full_name="Lê Văn Cán Bộ")


@pytest.fixture
def application():
    return ApplicationFactory(status=S.SUBMITTED, submitted_at=timezone.now())


def declared(application, *, scan=True, **kwargs):
    certificate = DeclaredCertificateFactory(application=application, decision_date=datetime.date(2025, 3, 1),
                                             **kwargs)
    if scan:
        certificate.scan.save("qd.pdf", ContentFile(PDF_BYTES))
    return certificate


def test_verified_declared_certificates_become_the_stores_verified_certificates(application, officer):
    honey = declared(application, product_name="Mật ong rừng", stars=4, decision_number="12/QĐ-UBND",
                     issuing_authority="UBND thành phố Huế")
    tea = declared(application, product_name="Chè búp", stars=3, scan=False)
    refused = declared(application, product_name="Rượu", stars=5)
    declared_certificate_decide(certificate=honey, officer=officer, verified=True)
    declared_certificate_decide(certificate=tea, officer=officer, verified=True)
    declared_certificate_decide(certificate=refused, officer=officer, verified=False, reason="Không đúng")
    honey.refresh_from_db()

    approved = application_approve(application=application, officer=officer)

    store = approved.store
    certificates = {c.product_name: c for c in OcopCertificate.objects.filter(store=store)}
    assert set(certificates) == {"Mật ong rừng", "Chè búp"}  # the refused one stays on the application
    copy = certificates["Mật ong rừng"]
    assert (copy.status, copy.verified_by, copy.verified_at) == ("verified", officer, honey.verified_at)
    assert (copy.stars, copy.decision_number, copy.decision_date, copy.issuing_authority, copy.expires_on) == (
        4, "12/QĐ-UBND", datetime.date(2025, 3, 1), "UBND thành phố Huế", datetime.date(2028, 3, 1))
    assert copy.product is None and copy.score is None  # attached by the seller; the application asks no score
    # The scan is the store's own copy, not the applicant's private file.
    assert copy.scan.name != honey.scan.name and not copy.scan.name.startswith("onboarding/")
    with copy.scan.open("rb") as f:
        assert f.read() == PDF_BYTES
    assert honey.scan.storage.exists(honey.scan.name)
    assert not certificates["Chè búp"].scan


def test_approval_waits_until_every_declared_certificate_is_decided(application, officer):
    declared(application)
    with pytest.raises(ValidationError) as error:
        application_approve(application=application, officer=officer)
    assert error.value.code == "certificates_pending"
    application.refresh_from_db()
    assert application.status == S.SUBMITTED and application.store is None and application.events.count() == 0
    assert Store.objects.count() == 0 and OcopCertificate.objects.count() == 0


def test_approve_in_the_admin_with_a_pending_certificate_is_400_with_the_reason(client, application, officer):
    certificate = declared(application)
    client.force_login(officer)
    with translation.override("vi"):
        response = client.post(f"{QUEUE}{application.pk}/approve/", {"note": ""}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert "Hãy xác minh hoặc từ chối từng giấy chứng nhận OCOP" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED and Store.objects.count() == 0
    client.post(f"{QUEUE}{application.pk}/certificates/{certificate.pk}/", {"decision": "verify"})
    assert client.post(f"{QUEUE}{application.pk}/approve/", {"note": ""}).status_code == 302
    application.refresh_from_db()
    assert application.store.ocop_certificates.get().status == "verified"


def test_copied_scan_is_deleted_when_the_approval_fails(application, officer, monkeypatch):
    from django.contrib.auth.models import Group

    declared_certificate_decide(certificate=declared(application), officer=officer, verified=True)
    before = stored_files("private")

    def fail(*args, **kwargs):
        raise Group.DoesNotExist("Sellers")

    monkeypatch.setattr(Group.objects, "get", fail)
    with pytest.raises(Group.DoesNotExist):
        application_approve(application=application, officer=officer)
    assert stored_files("private") == before
    assert OcopCertificate.objects.count() == 0 and Store.objects.count() == 0


def test_an_unreadable_scan_does_not_block_the_approval(application, officer):
    certificate = declared(application)
    declared_certificate_decide(certificate=certificate, officer=officer, verified=True)
    certificate.scan.storage.delete(certificate.scan.name)
    approved = application_approve(application=application, officer=officer)
    copy = approved.store.ocop_certificates.get()
    assert copy.status == "verified" and not copy.scan
