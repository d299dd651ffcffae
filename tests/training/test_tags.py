import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from tests.factories import UserFactory
from tests.factories.training import create_course, lessons_of
from training.services import enrolment_create, lesson_mark_done

pytestmark = pytest.mark.django_db

TEMPLATE = Template("{% load training_tags %}{% continue_learning user %}")


def _render(user) -> str:
    return TEMPLATE.render(Context({"user": user}))


def test_continue_learning_points_to_the_next_lesson():
    user = UserFactory()
    course = create_course(modules=(2,), title="Khoá <b>đậm</b>")
    first, second = lessons_of(course)
    assert _render(AnonymousUser()) == ""
    assert _render(user) == ""  # not enrolled anywhere
    enrolment_create(user=user, course=course)
    lesson_mark_done(user=user, lesson=first)
    html = _render(user)
    assert "Học tiếp từ chỗ bạn dừng lại" in html
    assert f'href="{second.url}"' in html
    assert "Khoá &lt;b&gt;đậm&lt;/b&gt;" in html  # escaped, safe to insert
    assert 'aria-valuenow="50"' in html

    lesson_mark_done(user=user, lesson=second)  # course complete: nothing left to continue
    assert _render(user) == ""


def test_training_index_shows_courses_and_continue_learning(client):
    user = UserFactory()
    course = create_course(modules=(1, 1), required=True)
    enrolment_create(user=user, course=course)
    client.force_login(user)
    html = client.get("/training/").content.decode()
    assert course.title in html and "Bắt buộc với người bán" in html
    assert "Học tiếp từ chỗ bạn dừng lại" in html
    assert "2 bài học" in html


def test_continue_learning_invites_to_the_starter_course_before_enrolment():
    user = UserFactory()
    starter = create_course(modules=(1,), required=True, title="Bán hàng trực tuyến cơ bản")
    html = _render(user)
    assert "Khoá học bắt buộc cho người bán" in html and f'href="{starter.url}"' in html
    enrolment_create(user=user, course=starter)
    assert "Học tiếp từ chỗ bạn dừng lại" in _render(user)
    lesson_mark_done(user=user, lesson=lessons_of(starter)[0])
    assert _render(user) == ""
