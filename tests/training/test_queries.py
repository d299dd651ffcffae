"""Course and module pages run a fixed number of SQL queries whatever the number of lessons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory
from tests.factories.training import create_course, lessons_of, quiz_answers
from training.models import ModulePage

pytestmark = pytest.mark.django_db


def _count(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _enrolled_with_progress(client, course):
    client.post(course.url + "enrol/")
    first = lessons_of(course)[0]
    if first.has_quiz:
        client.post(first.url + "quiz/", quiz_answers(first))
    else:
        client.post(first.url + "done/")


@pytest.mark.parametrize("page", ["course", "module", "index"])
def test_query_count_does_not_grow_with_lessons(client, page):
    client.force_login(UserFactory())
    small = create_course(modules=(1,))
    big = create_course(modules=(6, 6), quiz_in={(0, 0), (1, 3)})
    for course in (small, big):
        _enrolled_with_progress(client, course)

    def url(course):
        if page == "course":
            return course.url
        if page == "module":
            return ModulePage.objects.child_of(course).first().url
        return "/training/"

    assert _count(client, url(small)) == _count(client, url(big))


def test_lesson_page_query_count_does_not_grow_with_lessons(client):
    client.force_login(UserFactory())
    small = create_course(modules=(1,))
    big = create_course(modules=(12,))
    for course in (small, big):
        _enrolled_with_progress(client, course)
    assert _count(client, lessons_of(small)[0].url) == _count(client, lessons_of(big)[0].url)
