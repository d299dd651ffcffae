"""Programme officers look certificates up and revoke one issued by mistake."""

import pytest
from django.utils import timezone

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS
from tests.factories import UserFactory
from tests.factories.training import create_course
from training.models import Certificate
from training.services import certificate_issue

pytestmark = pytest.mark.django_db

INDEX = "/admin/training_certificates/"


@pytest.fixture
def certificate():
    return certificate_issue(user=UserFactory(full_name="Phạm Thị Hồng"), course=create_course(modules=(1,)))


def test_officer_finds_and_revokes_a_certificate(client, certificate):
    other = certificate_issue(user=UserFactory(full_name="Võ Văn Kiệt"), course=certificate.course)
    client.force_login(UserFactory(groups=[PROGRAMME_OFFICERS]))
    html = client.get(INDEX, {"q": certificate.code}).content.decode()
    assert "Phạm Thị Hồng" in html and "Võ Văn Kiệt" not in html
    response = client.post(f"{INDEX}edit/{certificate.pk}/", {"revoked": "on"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and not certificate.is_valid
    day = timezone.localtime(certificate.revoked_at).strftime("%d/%m/%Y")  # the service dates it, not the form
    assert f"Đã bị thu hồi ngày {day}" in client.get(certificate.get_absolute_url()).content.decode()
    # A revocation made by mistake is undone the same way.
    assert client.post(f"{INDEX}edit/{certificate.pk}/", {}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is None and certificate.is_valid
    client.post(f"{INDEX}edit/{certificate.pk}/", {"revoked": "on"})
    other.refresh_from_db()
    assert other.is_valid
    # Certificates are issued by completing a course, never by hand.
    assert client.get(f"{INDEX}new/").status_code in (302, 403)
    assert Certificate.objects.count() == 2


@pytest.mark.parametrize("groups", [[TRAINERS], []])
def test_others_cannot_revoke(client, certificate, groups):
    client.force_login(UserFactory(groups=groups))
    response = client.post(f"{INDEX}edit/{certificate.pk}/", {"revoked": "on"})
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
