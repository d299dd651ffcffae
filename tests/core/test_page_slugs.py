"""Page addresses are ASCII and a draft never stops on "slug already in use" (core/pages.py)."""

import json
import re
import unicodedata

import django.apps
import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.pages import ascii_slugs_for_existing_pages
from tests.factories.training import create_course, create_module, training_index
from tests.wagtail_admin import page_form_data
from training.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}  # what the editor's autosave sends


def _lesson_data(client, url: str) -> dict:
    data = page_form_data(client, url)
    data.update(nested_form_data({"body": streamfield([("heading", "Giới thiệu")]), "quiz": streamfield([])}))
    return data


def _add_url(model, parent) -> str:
    return f"/admin/pages/add/training/{model._meta.model_name}/{parent.pk}/"


@pytest.mark.parametrize("typed", ["", "Bán hàng qua Zalo", "bán-hàng-qua-zalo"])
def test_the_admin_add_view_makes_an_ascii_slug_from_a_vietnamese_title(admin_client, typed):
    url = _add_url(CoursePage, training_index())
    data = page_form_data(admin_client, url)
    data.update(title="Bán hàng qua Zalo", slug=typed, summary="Bán hàng qua Zalo cho người mới.")
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CoursePage.objects.get(title="Bán hàng qua Zalo")
    assert page.slug == "ban-hang-qua-zalo"
    assert page.url_path.endswith("/training/ban-hang-qua-zalo/")


def test_the_slug_box_is_taught_vietnamese_letters(admin_client):
    html = admin_client.get(_add_url(CoursePage, training_index())).content.decode()
    slug = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "slug"})
    assert "data-w-slug-allow-unicode-value" not in slug.attrs  # false: Wagtail's widget keeps ASCII only
    typed = unicodedata.normalize("NFC", "Đóng gói & giao hàng Bắc Kạn") + unicodedata.normalize("NFD", " Mật ong")
    for rule, replacement in json.loads(slug["data-w-slug-formatters-value"]):  # as the slug box's script does
        pattern, flags = rule if isinstance(rule, list) else (rule, "")
        typed = re.sub(pattern, replacement, typed)
    assert typed.lower() == "dong goi & giao hang bac kan mat ong"  # the script then lower-cases and dashes


def test_two_lessons_with_the_same_title_in_a_module_both_autosave(admin_client):
    module = create_module(create_course(modules=()))
    url = _add_url(LessonPage, module)
    answers = []
    for _ in range(2):
        data = _lesson_data(admin_client, url)
        data.update(title="Bài 1: Giới thiệu", slug="bai-1-gioi-thieu")  # what the slug box fills in
        response = admin_client.post(url, data, **JSON)
        assert response.status_code == 200
        answers.append(response.json())
    assert [a["success"] for a in answers] == [True, True]
    slugs = list(LessonPage.objects.child_of(module).order_by("path").values_list("slug", flat=True))
    assert slugs == ["bai-1-gioi-thieu", "bai-1-gioi-thieu-2"]
    assert answers[0]["field_updates"].get("slug") is None
    assert answers[1]["field_updates"]["slug"] == "bai-1-gioi-thieu-2"  # the editor's slug box is told

    # Autosaving the second draft again keeps its own slug (no clash with itself or the first).
    second = LessonPage.objects.get(slug="bai-1-gioi-thieu-2")
    edit = f"/admin/pages/{second.pk}/edit/"
    data = _lesson_data(admin_client, edit)
    data.update(title="Bài 1: Giới thiệu", slug="bai-1-gioi-thieu")
    response = admin_client.post(edit, data, **JSON)
    assert response.status_code == 200 and response.json()["success"] is True
    second.refresh_from_db()
    assert Revision.objects.filter(object_id=str(second.pk)).latest("pk").content["slug"] == "bai-1-gioi-thieu-2"


def test_a_published_page_keeps_its_address_and_a_clash_is_reported(admin_client):
    course = create_course(modules=(1, 1))
    first, second = ModulePage.objects.child_of(course).order_by("path")
    edit = f"/admin/pages/{second.pk}/edit/"
    data = page_form_data(admin_client, edit)
    data["slug"] = first.slug
    response = admin_client.post(edit, data, **JSON)
    assert response.status_code == 400 and response.json()["success"] is False
    response = admin_client.post(edit, data)  # the editor's own save button
    assert response.status_code == 200
    with translation.override("vi"):  # Wagtail's own message, in Vietnamese once the catalogue has it
        clash = gettext("The slug '%(page_slug)s' is already in use within the parent page.") % {
            "page_slug": first.slug}
    assert response.context["form"].errors["slug"] == [clash]
    second.refresh_from_db()
    assert second.slug != first.slug


def test_old_vietnamese_slugs_become_ascii_with_a_permanent_redirect(client):
    course = create_course(modules=(1,), title="Bán hàng qua Zalo")
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).get()
    old_course_path = "/training/bán-hàng-qua-zalo/"
    old_lesson_url = f"{old_course_path}{module.slug}/{lesson.slug}/"
    # As Wagtail made them before: the slug with Vietnamese letters, in the page and its revision.
    Page.objects.filter(pk=course.pk).update(slug="bán-hàng-qua-zalo", url_path="/home" + old_course_path)
    for page in (module, lesson):
        Page.objects.filter(pk=page.pk).update(url_path=page.url_path.replace(
            f"/{course.slug}/", "/bán-hàng-qua-zalo/"))
    revision = course.latest_revision
    revision.content["slug"] = "bán-hàng-qua-zalo"
    revision.save(update_fields=["content"])

    renamed = ascii_slugs_for_existing_pages(django.apps.apps)

    assert renamed == [("/home" + old_course_path, "/home/training/ban-hang-qua-zalo/")]
    course.refresh_from_db()
    lesson.refresh_from_db()
    assert course.slug == "ban-hang-qua-zalo" and course.url == "/training/ban-hang-qua-zalo/"
    assert lesson.url == f"/training/ban-hang-qua-zalo/{module.slug}/{lesson.slug}/"
    redirects = {r.old_path: (r.redirect_page_id, r.is_permanent) for r in Redirect.objects.all()}
    assert redirects["/training/bán-hàng-qua-zalo"] == (course.pk, True)
    assert redirects[old_lesson_url.rstrip("/")] == (lesson.pk, True)
    revision.refresh_from_db()
    assert revision.content["slug"] == "ban-hang-qua-zalo"  # publishing the old revision does not bring it back

    response = client.get("/training/b%C3%A1n-h%C3%A0ng-qua-zalo/")
    assert response.status_code == 301 and response["Location"] == "/training/ban-hang-qua-zalo/"
    assert client.get(response["Location"]).status_code == 200
    assert ascii_slugs_for_existing_pages(django.apps.apps) == []  # idempotent
