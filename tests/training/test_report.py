"""Trainers see enrolment and completion numbers of their own courses (admin report, CSV)."""

import csv
import io

import pytest
from django.utils import timezone

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS
from tests.factories import UserFactory
from tests.factories.training import create_course
from training.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses():
    alice = UserFactory(groups=[TRAINERS], full_name="Giảng viên An")
    bob = UserFactory(groups=[TRAINERS], full_name="Giảng viên Bình")
    mine = create_course(modules=(1,), title="Khoá của An", owner=alice)
    theirs = create_course(modules=(1,), title="Khoá của Bình", owner=bob)
    Enrolment.objects.create(user=UserFactory(full_name="Học viên Một"), course=mine, completed_at=timezone.now())
    Enrolment.objects.create(user=UserFactory(full_name="Học viên Hai"), course=mine)
    Enrolment.objects.create(user=UserFactory(), course=mine)
    Enrolment.objects.create(user=UserFactory(), course=theirs)
    return alice, bob, mine, theirs


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_trainer_sees_only_own_courses_with_numbers_and_csv(client, courses):
    alice, _bob, mine, _theirs = courses
    client.force_login(alice)
    html = client.get("/admin/reports/training/").content.decode()
    assert "Khoá của An" in html and "Khoá của Bình" not in html
    rows = _csv(client.get("/admin/reports/training/?export=csv"))
    assert rows[1:] == [["Khoá của An", "có", "3", "1", "33"]]
    assert len(rows[0]) == 5


def test_learners_of_own_course_and_404_for_another_trainers_course(client, courses):
    alice, _bob, mine, theirs = courses
    client.force_login(alice)
    html = client.get(f"/admin/reports/training/{mine.pk}/").content.decode()
    assert "Học viên Một" in html and "Học viên Hai" in html
    assert client.get(f"/admin/reports/training/{theirs.pk}/").status_code == 404
    assert client.get(f"/admin/reports/training/{theirs.pk}/?export=csv").status_code == 404


def test_officer_sees_every_course(client, courses):
    client.force_login(UserFactory(groups=[PROGRAMME_OFFICERS]))
    rows = _csv(client.get("/admin/reports/training/?export=csv"))
    assert [row[0] for row in rows[1:]] == ["Khoá của An", "Khoá của Bình"]


def test_learners_cannot_open_the_report(client, courses):
    client.force_login(UserFactory())
    response = client.get("/admin/reports/training/")
    assert response.status_code in (302, 403)
    assert "Khoá của An" not in response.content.decode()


def test_csv_exports_neutralise_formula_text(client):
    from training.services import certificate_issue

    trainer = UserFactory(groups=[TRAINERS])
    course = create_course(modules=(1,), title='=HYPERLINK("http://x")', owner=trainer)
    learner = UserFactory(full_name="@SUM(A1)", email="hoc-vien@example.vn")
    Enrolment.objects.create(user=learner, course=course)
    client.force_login(trainer)
    assert _csv(client.get("/admin/reports/training/?export=csv"))[1:] == [
        ["'=HYPERLINK(\"http://x\")", "có", "1", "0", "0"]]
    assert [row[:2] for row in _csv(client.get(f"/admin/reports/training/{course.pk}/?export=csv"))[1:]] == [
        ["'@SUM(A1)", "hoc-vien@example.vn"]]
    certificate = certificate_issue(user=learner, course=course)
    client.force_login(UserFactory(groups=[PROGRAMME_OFFICERS]))
    assert [row[:3] for row in _csv(client.get("/admin/training_certificates/?export=csv"))[1:]] == [
        [certificate.code, "'@SUM(A1)", "'=HYPERLINK(\"http://x\")"]]
