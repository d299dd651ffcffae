"""A trainer submits a whole course (course, modules, lessons) for review in one action."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, WorkflowState

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS
from tests.factories import UserFactory
from tests.factories.training import BODY, create_course, lessons_of
from training.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def _draft(parent, page, owner):
    """A page as the editor's autosave leaves it: created, never published, one revision."""
    page.owner, page.live = owner, False
    parent.add_child(instance=page)
    page.save_revision(user=owner, clean=False)
    return page


@pytest.fixture
def trainer():
    return UserFactory(groups=[TRAINERS])


@pytest.fixture
def course(trainer):
    """A live course of one module and one lesson, a lesson changed since, and a new draft
    module with two draft lessons."""
    course = create_course(modules=(2,), title="Bán hàng qua Zalo", owner=trainer)
    live_lesson, changed = lessons_of(course)
    changed.title = "Bài đã sửa"
    changed.save_revision(user=trainer)
    module = _draft(course, ModulePage(title="Học phần mới", slug="hoc-phan-moi"), trainer)
    for n in (1, 2):
        _draft(module, LessonPage(title=f"Bài mới {n}", slug=f"bai-moi-{n}", body=BODY), trainer)
    course.live_lesson, course.changed, course.new_module = live_lesson, changed, module
    return course


def _states(course) -> dict[str, str]:
    """Draft title of each page of the course → its active workflow state."""
    pages = {str(p.pk): p.draft_title for p in Page.objects.filter(path__startswith=course.path)}
    return {pages[s.object_id]: s.status for s in WorkflowState.objects.active().filter(object_id__in=pages)}


def test_the_owner_submits_every_draft_and_change_of_the_course_in_one_action(client, trainer, course):
    client.force_login(trainer)
    url = f"/admin/training/courses/{course.pk}/submit/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    listed = [li.get_text(" ", strip=True) for li in page.select("ol.course-submit-pages li")]
    assert listed == ["Bài học: Bài đã sửa", "Học phần: Học phần mới · bản nháp, chưa xuất bản lần nào",
                      "Bài học: Bài mới 1 · bản nháp, chưa xuất bản lần nào",
                      "Bài học: Bài mới 2 · bản nháp, chưa xuất bản lần nào"]
    assert "Trang đã xuất bản không có thay đổi, giữ nguyên: 3." in page.get_text(" ")  # course, module 1, lesson 1

    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{course.pk}/"
    assert _states(course) == {"Bài đã sửa": "in_progress", "Học phần mới": "in_progress",
                               "Bài mới 1": "in_progress", "Bài mới 2": "in_progress"}
    # The course and the lesson without changes stay as they are; nothing went live.
    assert not LessonPage.objects.filter(title__startswith="Bài mới", live=True).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["“Bán hàng qua Zalo”: đã gửi duyệt 4 trang."]

    # Submitting again finds nothing new: refused, nothing changes.
    response = client.post(url)
    assert response.status_code == 400
    assert WorkflowState.objects.count() == 4

    # An officer approves them: they go live.
    officer = UserFactory(groups=[PROGRAMME_OFFICERS])
    for state in WorkflowState.objects.active():
        state.current_task_state.task.specific.on_action(state.current_task_state, officer, "approve")
    assert sorted(LessonPage.objects.live().child_of(course.new_module).values_list("title", flat=True)) == [
        "Bài mới 1", "Bài mới 2"]
    course.changed.refresh_from_db()
    assert course.changed.title == "Bài đã sửa"


def test_an_incomplete_page_stops_the_whole_submission(client, trainer, course):
    lesson = LessonPage.objects.get(title="Bài mới 2")
    lesson.body = []  # autosaved before anything was written
    lesson.save_revision(user=trainer, clean=False)
    client.force_login(trainer)
    response = client.post(f"/admin/training/courses/{course.pk}/submit/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Chưa gửi trang nào. Hãy sửa các trang này trước: “Bài mới 2” (cần hoàn thiện: nội dung bài học)." in html
    assert WorkflowState.objects.count() == 0


def test_another_trainer_cannot_submit_the_course(client, course):
    other = UserFactory(groups=[TRAINERS])
    client.force_login(other)
    url = f"/admin/training/courses/{course.pk}/submit/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert WorkflowState.objects.count() == 0
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert url not in html


def test_the_course_editor_and_the_explorer_offer_the_action_to_the_owner_and_officers(client, trainer, course):
    url = f"/admin/training/courses/{course.pk}/submit/"
    for user in (trainer, UserFactory(groups=[PROGRAMME_OFFICERS])):
        client.force_login(user)
        edit = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
        assert f'href="{url}"' in edit and "Gửi duyệt cả khoá học" in edit
        explorer = client.get(f"/admin/pages/{course.get_parent().pk}/").content.decode()
        assert f'href="{url}"' in explorer
    lesson_edit = client.get(f"/admin/pages/{course.live_lesson.pk}/edit/").content.decode()
    assert "/submit/" not in lesson_edit  # only on courses
