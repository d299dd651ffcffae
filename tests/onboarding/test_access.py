"""Ownership: another applicant's application, documents, scans, checklist and payout
answer 404 and change nothing; private files are never under a public media URL."""

from pathlib import Path

import pytest
from django.conf import settings

from marketplace.models import Store
from onboarding.models import ApplicationStatus, OfficerScope
from onboarding.services.review import application_approve
from tests.factories import UserFactory
from tests.factories.marketplace import HUE, ProductFactory
from tests.factories.onboarding import PDF_BYTES, ApplicationFactory, DeclaredCertificateFactory, OfficerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    return ApplicationFactory(status=ApplicationStatus.SUBMITTED)


@pytest.fixture
def stranger(client):
    user = UserFactory()
    ApplicationFactory(applicant=user)  # an applicant too, with an application of their own
    client.force_login(user)
    return user


def test_owner_reads_own_application_and_documents(client, application):
    client.force_login(application.applicant)
    assert client.get(f"/onboarding/applications/{application.pk}/").status_code == 200
    document = application.documents.get(kind="registration_certificate")
    response = client.get(f"/onboarding/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_another_applicant_gets_404_everywhere(client, application, stranger):
    document = application.documents.first()
    certificate = DeclaredCertificateFactory(application=application, scan="onboarding/certificates/x.pdf")
    for url in (f"/onboarding/applications/{application.pk}/", f"/onboarding/documents/{document.pk}/",
                f"/onboarding/certificate-scans/{certificate.pk}/"):
        assert client.get(url).status_code == 404, url


def test_another_users_store_checklist_and_payout_are_404_and_unchanged(client, application, stranger):
    approved = application_approve(application=application, officer=OfficerFactory())
    store = approved.store
    assert client.get(f"/onboarding/status/{store.slug}/").status_code == 404
    assert client.get(f"/onboarding/payout/{store.slug}/").status_code == 404
    response = client.post(f"/onboarding/payout/{store.slug}/", {"bank_bin": "970436", "account_number": "0123456789",
                                                                  "account_holder": "KE GIAN"})
    assert response.status_code == 404
    store.refresh_from_db()
    assert (store.payout_bank_bin, store.payout_account_number) == ("", "")
    # The stranger owns no store: the plain payout page is 404 too.
    assert client.get("/onboarding/payout/").status_code == 404


def test_anonymous_is_sent_to_login(client, application):
    document = application.documents.first()
    for url in ("/onboarding/", "/onboarding/status/", f"/onboarding/documents/{document.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url


def test_officers_see_documents_of_their_provinces_only(client, application):
    from core import divisions

    document = application.documents.first()
    officer = OfficerFactory()
    client.force_login(officer)
    assert client.get(f"/onboarding/documents/{document.pk}/").status_code == 200
    other = next(code for code, _name in divisions.province_choices() if code != HUE)
    OfficerScope.objects.create(user=officer, province_codes=[other])
    assert client.get(f"/onboarding/documents/{document.pk}/").status_code == 404


def test_officers_do_not_see_drafts(client):
    draft = ApplicationFactory()
    client.force_login(OfficerFactory())
    assert client.get(f"/onboarding/documents/{draft.documents.first().pk}/").status_code == 404


def test_documents_are_outside_the_public_media_folder(client, application):
    document = application.documents.first()
    path = Path(document.file.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert document.file.name.startswith("onboarding/documents/")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    client.force_login(application.applicant)
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_configured_private_storage_has_no_public_url():
    from config.settings import base

    if base.AWS_STORAGE_BUCKET_NAME:  # S3: a private prefix, signed short-lived URLs
        assert base.PRIVATE_BACKEND["OPTIONS"]["default_acl"] == "private"
        return
    assert base.PRIVATE_BACKEND["OPTIONS"]["base_url"] is None  # FileSystemStorage.url() refuses
    assert not Path(base.PRIVATE_BACKEND["OPTIONS"]["location"]).is_relative_to(base.MEDIA_ROOT)


def test_ocop_scan_for_store_members_and_officers_only(client):
    from django.core.files.base import ContentFile

    from tests.factories.marketplace import CertificateFactory

    owner = UserFactory()
    product = ProductFactory(store__owner=owner)
    certificate = CertificateFactory(product=product, status="pending")
    certificate.scan.save("scan.pdf", ContentFile(PDF_BYTES))
    client.force_login(UserFactory())
    assert client.get(f"/onboarding/ocop-scans/{certificate.pk}/").status_code == 404
    client.force_login(owner)
    assert client.get(f"/onboarding/ocop-scans/{certificate.pk}/").status_code == 200
    client.force_login(OfficerFactory())
    assert client.get(f"/onboarding/ocop-scans/{certificate.pk}/").status_code == 200
    assert Store.objects.count() == 1


def test_store_staff_sees_the_checklist_but_not_the_payout_form(client, application):
    from marketplace.models import StoreMember

    store = application_approve(application=application, officer=OfficerFactory()).store
    staff = UserFactory()
    StoreMember.objects.create(store=store, user=staff, role=StoreMember.Role.STAFF)
    client.force_login(staff)
    assert client.get(f"/onboarding/status/{store.slug}/").status_code == 200
    assert client.get(f"/onboarding/payout/{store.slug}/").status_code == 404
    assert client.post(f"/onboarding/payout/{store.slug}/", {"bank_bin": "970436", "account_number": "0123456789",
                                                              "account_holder": "NHAN VIEN"}).status_code == 404
    store.refresh_from_db()
    assert store.payout_account_number == ""
