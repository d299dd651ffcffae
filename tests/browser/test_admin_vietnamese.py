"""The Wagtail admin in Vietnamese: a trainer and a programme officer sign in and walk
their daily work (login, dashboard, sidebar, pages, a lesson's editor with its block
chooser and quiz, submitting for review, images, documents, reports, the application
queue) on a desk-sized screen; any listed English word in the visible text fails.

Screenshots and the visible text of every stop go to var/test-artifacts/admin/."""

import re

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.onboarding import ApplicationFactory, OfficerFactory

# Words an officer or a trainer met in English before the admin was translated (issue 17),
# and the admin's other everyday words. Matched as whole words, case-sensitive.
ENGLISH = [
    "Password", "Remember me", "Forgotten password", "Sign in", "Dashboard", "Search", "Pages", "Page",
    "Images", "Image", "Documents", "Document", "Reports", "Settings", "Help", "Snippets", "Workflows",
    "Site history", "Site summary", "Page title", "Title", "Content", "Promote", "Heading", "Text",
    "Callout", "Steps", "Step", "Download", "Question", "Answer", "Explanation", "Statement", "Choices",
    "Correct", "Multiple choice", "True or false", "submitted for moderation", "Edit", "Save draft", "Publish",
    "Submit", "Preview", "History", "Delete", "Add", "Live", "Draft", "Collapse all", "Expand all", "Status",
    "Comments", "Actions", "Upload", "Filter", "Sort by", "Created", "Updated", "Type", "Choose", "Close",
    "Toggle", "Insert a block", "Move up", "Move down", "Duplicate", "Drag", "Awaiting", "Your pages",
    "Your most recent edits", "Approve", "Request changes", "Workflow", "Collection", "Tags", "Privacy",
    "Private", "Public", "Slug", "Go live", "Expiry", "Locked", "Unlocked", "Owner", "Editor", "Log out",
    "Account", "Profile", "Notifications", "Keyboard shortcuts", "There are", "matching", "No results",
    "of", "and", "the", "you", "your", "has been", "created", "Latest", "Recent", "Just now", "ago",
    "minutes", "minute", "hours", "days", "None",
]
# "Video" is not listed: Vietnamese says "video" too.
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(ENGLISH, key=len, reverse=True))
                     + r")(?![\w-])")

# What the page shows as text: the body's rendered text (hidden elements excluded), the
# placeholders of visible fields and the selected option of each select (not every option).
VISIBLE_TEXT = """() => {
  const parts = [];
  const clone = document.body.cloneNode(true);
  clone.querySelectorAll('select, script, style, template').forEach(e => e.remove());
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;left:-99999px;top:0;width:1280px';
  box.appendChild(clone);
  document.documentElement.appendChild(box);
  parts.push(box.innerText);
  box.remove();
  for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
    if (el.offsetParent !== null) parts.push(el.getAttribute('placeholder'));
  }
  for (const el of document.querySelectorAll('select')) {
    if (el.offsetParent !== null && el.selectedOptions.length) parts.push(el.selectedOptions[0].textContent);
  }
  return parts.join('\\n');
}"""


class Walk:
    """Visits pages, saves a screenshot and the visible text of each stop, and keeps the
    English words found on each."""

    def __init__(self, page, who, artifacts):
        self.page, self.who, self.artifacts, self.found = page, who, artifacts, {}

    def stop(self, name, *, allow=()):
        page = self.page
        page.wait_for_load_state("networkidle")
        text = page.evaluate(VISIBLE_TEXT)
        (self.artifacts / f"{self.who}-{name}.txt").write_text(text, encoding="utf-8")
        page.screenshot(path=self.artifacts / f"{self.who}-{name}.png", full_page=True)
        words = sorted({m.group(1) for m in PATTERN.finditer(text)} - set(allow))
        if words:
            self.found[name] = words
        return text

    def go(self, name, url, **kwargs):
        response = self.page.goto(url)
        assert response.status == 200, (url, response.status)
        return self.stop(name, **kwargs)


@pytest.fixture
def artifacts(artifacts_dir):
    path = artifacts_dir / "admin"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def desk(chromium, live_server):
    """A desk-sized browser (1280 px) that asks for English: the admin must answer in
    Vietnamese. `desk.elsewhere` lists every request that left for another site (none may:
    no Gravatar, no CDN)."""
    contexts = []
    origin = live_server.url.rstrip("/")

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url,
                                       locale="en-US")
        context.set_default_timeout(10_000)
        context.on("request", lambda request: None if request.url.startswith((origin, "data:", "blob:"))
                   else open_page.elsewhere.append(request.url))
        contexts.append(context)
        return context.new_page()

    open_page.elsewhere = []
    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def course(db):
    from training.demo import seed_training
    from training.models import CoursePage

    seed_training(lambda line: None)
    return CoursePage.objects.get(slug="ban-hang-truc-tuyen-co-ban")


def sign_in(walk, email):
    page = walk.page
    walk.go("login", "/admin/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.get_by_label("Ghi nhớ đăng nhập").check()
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    walk.stop("dashboard")


# Labels of the sidebar drawn whole: none is cut off with "…" (static/css/admin.css).
CUT_LABELS = """() => Array.from(document.querySelectorAll('.sidebar-menu-item .menuitem-label'))
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""


def open_sidebar_menus(walk):
    """Every submenu of the sidebar, opened one after the other, and the account menu; the
    labels of the main menu, each checked to be shown whole."""
    page = walk.page
    top = page.locator(".sidebar-main-menu__list > .sidebar-menu-item > .sidebar-menu-item__link .menuitem-label")
    labels = [label.strip() for label in top.all_inner_texts()]
    assert page.evaluate(CUT_LABELS) == []
    for n, item in enumerate(page.locator(".sidebar-menu-item > button").all(), start=1):
        item.click()
        walk.stop(f"sidebar-{n}")
        assert page.evaluate(CUT_LABELS) == []
        page.keyboard.press("Escape")
    page.locator(".sidebar-footer button").first.click()
    walk.stop("sidebar-account")
    page.keyboard.press("Escape")
    return labels


def lesson_editor(walk, lesson):
    page = walk.page
    walk.go("lesson-edit", f"/admin/pages/{lesson.pk}/edit/")
    page.get_by_role("tab", name="Quảng bá").click()
    walk.stop("lesson-promote")
    page.get_by_role("tab", name="Nội dung").click()
    page.locator("[data-contentpath=quiz]").first.scroll_into_view_if_needed()
    walk.stop("lesson-quiz")
    page.locator("[data-streamfield-stream-container] button.c-sf-add-button").first.click()
    page.locator(".w-combobox").first.wait_for()
    walk.stop("lesson-block-chooser")
    page.keyboard.press("Escape")


def test_trainer_and_officer_work_in_vietnamese(desk, course, artifacts, live_server):
    from training.models import LessonPage

    trainer_email, officer_email = "giang-vien@example.vn", "can-bo@example.vn"
    UserFactory(email=trainer_email, full_name="Trần Thị Hoa", groups=["Trainers"])
    OfficerFactory(email=officer_email, full_name="Lê Văn Cán")
    ApplicationFactory(status="submitted", submitted_at=timezone.now())
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    quiz_lesson = next(lesson for lesson in lessons if lesson.quiz)
    problems = {}

    # The trainer: their pages, a lesson with its quiz, submitted for review; images, reports.
    trainer = Walk(desk(), "trainer", artifacts)
    sign_in(trainer, trainer_email)
    assert open_sidebar_menus(trainer) == ["Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Trợ giúp"]
    trainer.go("explorer", f"/admin/pages/{course.pk}/")
    trainer.go("course-edit", f"/admin/pages/{course.pk}/edit/")
    lesson_editor(trainer, quiz_lesson)
    page = trainer.page
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi tới quy trình Duyệt khoá học").click()
    assert f"Trang “{quiz_lesson.title}” đã được gửi duyệt." in trainer.stop("submitted")
    trainer.go("images", "/admin/images/")
    trainer.go("image-upload", "/admin/images/multiple/add/")
    trainer.go("documents", "/admin/documents/")
    trainer.go("course-report", "/admin/reports/training/")
    trainer.go("search", "/admin/pages/search/?q=b%C3%A1n")
    problems.update({f"trainer {k}": v for k, v in trainer.found.items()})

    # The officer: the queue (with its count), the lesson waiting for review, reports.
    officer = Walk(desk(), "officer", artifacts)
    sign_in(officer, officer_email)
    labels = open_sidebar_menus(officer)
    assert "Hồ sơ đăng ký bán hàng (1)" in labels
    officer.go("queue", "/admin/seller-applications/")
    officer.go("ocop-queue", "/admin/seller-applications/ocop-certificates/")
    officer.go("explorer", f"/admin/pages/{course.pk}/")
    lesson_editor(officer, quiz_lesson)
    page = officer.page
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.locator("footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    assert f"Đã cập nhật trang “{quiz_lesson.title}”." in officer.stop("approved")  # approved: live now
    officer.go("history", f"/admin/pages/{quiz_lesson.pk}/history/")
    officer.go("images", "/admin/images/")
    officer.go("documents", "/admin/documents/")
    officer.go("workflow-report", "/admin/reports/workflow/")
    officer.go("site-history", "/admin/reports/site-history/")
    officer.go("course-report", "/admin/reports/training/")
    problems.update({f"officer {k}": v for k, v in officer.found.items()})

    assert problems == {}
    assert desk.elsewhere == []  # issue 17 item 10: nothing loaded from Gravatar or any other site
    quiz_lesson.refresh_from_db()
    assert quiz_lesson.live and not quiz_lesson.has_unpublished_changes and not quiz_lesson.workflow_in_progress
