import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.models import HomePage, SiteSettings, StandardPage
from marketplace.models import Category

pytestmark = pytest.mark.django_db


def _seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _counts():
    return {
        "pages": Page.objects.count(), "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(), "images": get_image_model().objects.count(),
        "categories": Category.objects.count(), "settings": SiteSettings.objects.count(),
    }


def test_seed_demo_builds_the_site_and_a_second_run_changes_nothing(client, settings):
    output = _seed()
    assert f"Admin: {settings.DEMO_ADMIN_EMAIL} / {settings.DEMO_ADMIN_PASSWORD}" in output
    first = _counts()
    assert first["categories"] == 6
    assert StandardPage.objects.live().count() == 3
    _seed()
    assert _counts() == first

    admin = get_user_model().objects.get(email=settings.DEMO_ADMIN_EMAIL)
    assert admin.is_superuser and admin.check_password(settings.DEMO_ADMIN_PASSWORD)
    assert client.post("/admin/login/", {"username": settings.DEMO_ADMIN_EMAIL,
                                         "password": settings.DEMO_ADMIN_PASSWORD}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_six_ocop_groups_are_seeded_by_migration():
    assert list(Category.objects.values_list("name", flat=True)) == [
        "Thực phẩm", "Đồ uống", "Thảo dược", "Vải và may mặc", "Lưu niệm – nội thất – trang trí",
        "Dịch vụ du lịch nông thôn",
    ]


def test_home_page_is_vietnamese_even_for_an_english_browser(client):
    _seed()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Sản phẩm OCOP, mua trực tiếp từ người làm ra" in html
    assert "Đăng nhập" in html and "Sign in" not in html
    assert response["Content-Language"] == "vi"
    assert isinstance(response.context["page"].specific, HomePage)


def test_language_switcher_changes_to_english_and_back(client):
    _seed()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/gioi-thieu/"})
    assert response.status_code == 302 and response["Location"] == "/gioi-thieu/"
    html = client.get("/gioi-thieu/").content.decode()
    assert '<html lang="en">' in html and "Sign in" in html
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Đăng nhập" in client.get("/").content.decode()


def test_standard_pages_and_navigation(client):
    _seed()
    html = client.get("/cau-hoi-thuong-gap/").content.decode()
    assert "<summary>Sao OCOP trên sản phẩm có nghĩa là gì?</summary>" in html
    # Header menu: pages marked "show in menus"; footer: links from site settings.
    assert html.count('href="/gioi-thieu/"') == 2
    assert 'href="/chinh-sach/"' in html
    assert "1900 6868" in html


@pytest.mark.parametrize("path", ["/", "/gioi-thieu/", "/accounts/signup/", "/accounts/login/"])
def test_pages_are_light(client, path):
    """HTML + CSS + JS under 100 KB before images."""
    _seed()
    html = client.get(path).content
    assets = re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html.decode())
    assert assets == ["css/site.css", "js/site.js"]
    weight = len(html) + sum(len(open(finders.find(a), "rb").read()) for a in assets)
    assert weight < 100 * 1024, weight


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_seeded_live_stores_have_their_approved_application_and_a_complete_checklist():
    from marketplace.checklist import store_checklists
    from marketplace.models import Store
    from onboarding.models import SellerApplication

    _seed()
    live = list(Store.objects.filter(status=Store.Status.ACTIVE).order_by("pk"))
    approved = SellerApplication.objects.filter(status="approved")
    assert len(live) == 12  # the store of the approved demo applicant is still a draft: not trained yet
    assert set(approved.values_list("store_id", flat=True)) >= {store.pk for store in live}
    checklists = store_checklists(live)
    to_do = [[step.key for step in checklists[store.pk] if not step.done] for store in live]
    assert to_do == [[]] * 9 + [["payout"]] * 3  # three demo stores show VietQR hidden for want of a bank account
    _seed()
    assert SellerApplication.objects.filter(status="approved").count() == approved.count()
