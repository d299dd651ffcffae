import re

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.training import create_course
from training.models import Certificate
from training.models.progress import CERTIFICATE_ALPHABET
from training.services import certificate_issue, certificate_revoke

pytestmark = pytest.mark.django_db


def test_codes_are_short_unambiguous_and_unique():
    course = create_course(modules=(1,))
    codes = {certificate_issue(user=UserFactory(), course=course).code for _ in range(20)}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == 8 and set(code) <= set(CERTIFICATE_ALPHABET)
        assert not set(code) & set("01OIL")


def test_issuing_twice_returns_the_same_certificate():
    course, user = create_course(modules=(1,)), UserFactory()
    assert certificate_issue(user=user, course=course) == certificate_issue(user=user, course=course)
    assert Certificate.objects.count() == 1


def test_public_page_shows_who_what_when_and_a_qr_code_to_itself(client, settings):
    settings.SITE_URL = "https://choso.example.vn"
    course = create_course(modules=(1,), title="Bán hàng trực tuyến cơ bản")
    user = UserFactory(full_name="Lê Văn Minh")
    certificate = certificate_issue(user=user, course=course)
    response = client.get(f"/certificates/{certificate.code.lower()}/")  # typed in lower case: still found
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lê Văn Minh" in html and "Bán hàng trực tuyến cơ bản" in html
    assert timezone.localtime(certificate.issued_at).strftime("%d/%m/%Y") in html
    assert "Còn hiệu lực" in html
    url = f"https://choso.example.vn/certificates/{certificate.code}/"
    assert f'href="{url}"' in html
    assert re.search(r"<svg[^>]*>.*</svg>", html, re.S)
    assert user.email not in html
    assert len(response.content) < 100_000


def test_revoked_certificate_says_so(client):
    certificate = certificate_issue(user=UserFactory(), course=create_course(modules=(1,)))
    certificate_revoke(certificate=certificate)
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Đã bị thu hồi ngày" in html and "Còn hiệu lực" not in html


def test_unknown_code_is_404(client):
    assert client.get("/certificates/ZZZZ2222/").status_code == 404


def test_learner_without_a_name_is_not_shown_by_email(client):
    user = UserFactory(full_name="", email="ba.hoa@example.vn")
    certificate = certificate_issue(user=user, course=create_course(modules=(1,)))
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert certificate.learner_name == "ba.hoa" and "ba.hoa@example.vn" not in html


def test_my_certificates_lists_only_mine(client):
    course = create_course(modules=(1,))
    mine = certificate_issue(user=(me := UserFactory()), course=course)
    other = certificate_issue(user=UserFactory(), course=course)
    assert client.get("/certificates/").status_code == 302
    client.force_login(me)
    html = client.get("/certificates/").content.decode()
    assert mine.code in html and other.code not in html


def _article(html: str) -> str:
    return html.split('<article class="certificate">', 1)[1].split("</article>", 1)[0]


def test_certificate_names_the_programme_office_and_says_certificate_once(client):
    from wagtail.models import Site

    from cms.models import SiteSettings

    office = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    office.office_name = "Sở Công Thương tỉnh Huế"
    office.save()
    certificate = certificate_issue(user=UserFactory(full_name="Lê Văn Minh"),
                                    course=create_course(modules=(1,), title="Bán hàng qua Zalo"))
    article = _article(client.get(certificate.get_absolute_url()).content.decode())
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article.split("<figure", 1)[0])).strip()
    assert text.startswith(
        "Sở Công Thương tỉnh Huế Chợ Số OCOP · đào tạo kỹ năng số "
        "Giấy chứng nhận hoàn thành khoá học Cấp cho Lê Văn Minh đã hoàn thành khoá học Bán hàng qua Zalo "
        "Ngày cấp ")
    assert '<strong class="certificate-office">Sở Công Thương tỉnh Huế</strong>' in article
    assert article.lower().count("chứng nhận") == 1


def test_certificate_without_an_office_in_the_settings_names_the_platform_once(client):
    certificate = certificate_issue(user=UserFactory(full_name="Lê Văn Minh"), course=create_course(modules=(1,)))
    article = _article(client.get(certificate.get_absolute_url()).content.decode())
    assert "certificate-office" not in article
    assert '<p class="certificate-issuer">Chợ Số OCOP · đào tạo kỹ năng số</p>' in article
    assert article.lower().count("chứng nhận") == 1
