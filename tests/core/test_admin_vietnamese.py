"""The Wagtail admin as officers and trainers meet it (issue 17, items 5 and 10): the
translations Wagtail and Django lack (locale_wagtail/), the project's block labels, the
sign-in form, the review workflow's names, the Help menu, and no Gravatar.

The walk through the admin in a browser is tests/browser/test_admin_vietnamese.py."""

import importlib
import json
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from tests.factories import UserFactory
from tests.factories.onboarding import OfficerFactory
from tests.wagtail_admin import sidebar_items

CATALOGUES = Path(settings.BASE_DIR) / "locale_wagtail" / "vi" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def wagtail_msgids(domain):
    """Every (msgctxt, msgid) of the English catalogues scripts/po_fill.py --wagtail accepts."""
    spec = importlib.util.spec_from_file_location("po_fill", Path(settings.BASE_DIR) / "scripts" / "po_fill.py")
    po_fill = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(po_fill)
    return set(po_fill.wagtail_entries(domain))


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_wagtail_catalogue_is_complete_compiled_and_only_wagtails_strings(domain):
    po = polib.pofile(str(CATALOGUES / f"{domain}.po"))
    assert len(po) > (900 if domain == "django" else 70)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    mo = polib.mofile(str(CATALOGUES / f"{domain}.mo"))
    assert {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural) for e in mo} == {
        (e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural) for e in po.translated_entries()}
    # A msgid Wagtail dropped in an upgrade shows up here, instead of lingering unused.
    assert {(e.msgctxt, e.msgid) for e in po} - wagtail_msgids(domain) == set()


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_translations_only_use_placeholders_the_english_has(domain):
    """A placeholder the English does not pass would raise when the string is shown."""
    wrong = []
    for entry in polib.pofile(str(CATALOGUES / f"{domain}.po")):
        given = {m.group(1) or m.group(2) for m in PLACEHOLDER.finditer(entry.msgid + (entry.msgid_plural or ""))}
        for msgstr in [entry.msgstr, *entry.msgstr_plural.values()]:
            used = {m.group(1) or m.group(2) for m in PLACEHOLDER.finditer(msgstr)}
            if not used <= given:
                wrong.append((entry.msgid, msgstr))
    assert wrong == []


def test_project_catalogue_comes_first():
    assert settings.LOCALE_PATHS == [Path(settings.BASE_DIR) / "locale", Path(settings.BASE_DIR) / "locale_wagtail"]
    with translation.override("vi"):
        # The project's word where both have one (a product is "đăng bán", a page "xuất bản").
        assert translation.pgettext("product", "Publish") == "Đăng bán"
        assert translation.gettext("Publish") == "Xuất bản"
        assert translation.gettext("Promote") == "Quảng bá"
        assert translation.gettext("Page '%(page_title)s' has been submitted for moderation.") == (
            "Trang “%(page_title)s” đã được gửi duyệt.")
        assert translation.ngettext("%(num)d minute", "%(num)d minutes", 5) % {"num": 5} == "5 phút"


def test_block_labels_are_vietnamese():
    from cms.blocks import BodyBlock
    from training.blocks import LessonBodyBlock, MultipleChoiceBlock, QuizBlock, TrueFalseBlock

    def labels(block):
        return [str(child.label) for child in block.child_blocks.values()]

    with translation.override("vi"):
        assert labels(LessonBodyBlock()) == ["Tiêu đề mục", "Đoạn văn", "Hình ảnh", "Video", "Tệp tải về",
                                             "Khung lưu ý", "Các bước"]
        assert labels(QuizBlock()) == ["Trắc nghiệm nhiều lựa chọn", "Đúng hay sai"]
        assert labels(MultipleChoiceBlock()) == ["Câu hỏi", "Các phương án trả lời", "Giải thích"]
        assert labels(MultipleChoiceBlock().child_blocks["choices"].child_block) == [
            "Phương án trả lời", "Đáp án đúng", "Giải thích (cho học viên chọn đáp án này)"]
        assert labels(TrueFalseBlock()) == ["Nhận định", "Khẳng định này đúng", "Giải thích"]
        assert labels(BodyBlock()) == ["Tiêu đề mục", "Đoạn văn", "Hình ảnh", "Khung lưu ý", "Hỏi đáp"]


@pytest.mark.django_db
def test_admin_sign_in_page_is_vietnamese(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for vietnamese in ("Đăng nhập trang quản trị", "Mật khẩu", "Ghi nhớ đăng nhập", "Quên mật khẩu?"):
        assert vietnamese in html
    for english in ("Password", "Remember me", "Sign in to Wagtail", "Forgotten password"):
        assert english not in html


@pytest.mark.django_db
def test_the_admin_scripts_get_the_vietnamese_catalogue(client):
    client.force_login(UserFactory(groups=["Trainers"]))
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for english, vietnamese in (("Insert a block", "Chèn một khối"), ("Search options…", "Tìm khối…"),
                                ("Toggle sidebar", "Mở/đóng thanh bên"), ("Edit", "Sửa")):
        assert f"{json.dumps(english)}: {json.dumps(vietnamese)}" in catalogue


@pytest.mark.django_db
def test_help_menu_keeps_the_guide_but_not_wagtails_release_notes(client):
    client.force_login(OfficerFactory())
    items = sidebar_items(client.get("/admin/").content.decode())
    names = [item["name"] for item in items]
    assert "editor-guide" in names and "keyboard-shortcuts-trigger" in names
    assert not [name for name in names if name.startswith("whats-new")]
    assert {item["name"]: item["label"] for item in items}["reports"] == "Báo cáo"


@pytest.mark.django_db
def test_admin_loads_its_stylesheet_for_long_labels(client):
    client.force_login(OfficerFactory())
    assert '<link rel="stylesheet" href="/static/css/admin.css">' in client.get("/admin/").content.decode()
    css = (Path(settings.BASE_DIR) / "static" / "css" / "admin.css").read_text()
    assert "white-space: normal" in css


@pytest.mark.django_db
def test_review_workflow_has_vietnamese_names_and_old_databases_are_renamed():
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    workflow = Workflow.objects.get(name="Duyệt khoá học")
    task = Task.objects.get(name="Cán bộ chương trình duyệt")
    Workflow.objects.filter(pk=workflow.pk).update(name="Training review")
    Task.objects.filter(pk=task.pk).update(name="Programme officer approval")

    migration = importlib.import_module("training.migrations.0006_vietnamese_workflow_names")
    migration.forwards(apps, None)
    assert Workflow.objects.get(pk=workflow.pk).name == "Duyệt khoá học"
    assert Task.objects.get(pk=task.pk).name == "Cán bộ chương trình duyệt"
    migration.backwards(apps, None)
    assert Workflow.objects.get(pk=workflow.pk).name == "Training review"
    migration.forwards(apps, None)


# --- item 10: no request leaves for Gravatar ------------------------------------------------

@pytest.mark.django_db
def test_admin_pages_load_no_gravatar(client):
    from wagtail.users.utils import get_gravatar_url

    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    officer = OfficerFactory(email="can-bo@example.vn")
    assert get_gravatar_url(officer.email) is None
    client.force_login(officer)
    for url in ("/admin/", "/admin/account/", "/admin/images/", "/admin/reports/site-history/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower(), url
        assert "/static/wagtailadmin/images/default-user-avatar.png" in html, url
