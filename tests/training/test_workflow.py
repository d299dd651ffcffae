"""Trainers write courses but cannot publish: their changes wait for a programme officer."""

import pytest
from django.test import Client
from wagtail.models import GroupPagePermission, WorkflowState

from accounts.roles import PROGRAMME_OFFICERS, TRAINERS
from tests.factories import UserFactory
from tests.factories.training import create_course, training_index
from tests.wagtail_admin import page_form_data
from training.models import CoursePage
from training.setup import ensure_training_setup

pytestmark = pytest.mark.django_db


def test_migration_sets_up_the_training_index_permissions_and_workflow():
    index = training_index()
    assert index.url == "/training/" and index.live
    perms = set(GroupPagePermission.objects.filter(page=index).values_list("group__name", "permission__codename"))
    assert {(TRAINERS, "add_page"), (TRAINERS, "change_page")} <= perms
    assert (TRAINERS, "publish_page") not in perms
    assert (PROGRAMME_OFFICERS, "publish_page") in perms
    workflow = index.get_workflow()
    assert workflow.name == "Duyệt khoá học"
    [task] = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [PROGRAMME_OFFICERS]

    from django.apps import apps
    before = GroupPagePermission.objects.count()
    ensure_training_setup(apps)  # idempotent
    assert GroupPagePermission.objects.count() == before


def test_trainer_edit_goes_to_moderation_and_goes_live_only_when_an_officer_approves(client):
    trainer = UserFactory(groups=[TRAINERS])
    officer = UserFactory(groups=[PROGRAMME_OFFICERS])
    course = create_course(modules=(1,), title="Khoá học gốc", owner=trainer)
    perms = course.permissions_for_user(trainer)
    assert perms.can_edit() and not perms.can_publish()

    client.force_login(trainer)
    data = page_form_data(client, f"/admin/pages/{course.pk}/edit/")
    data["title"] = "Khoá học đã sửa"
    data["action-publish"] = "action-publish"  # a trainer trying to publish directly...
    client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert CoursePage.objects.get(pk=course.pk).title == "Khoá học gốc"  # ...changes nothing live

    data.pop("action-publish")
    data["action-submit"] = "action-submit"
    response = client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == "Khoá học gốc" and course.live
    visitor = Client()
    html = visitor.get(course.url).content.decode()
    assert "Khoá học gốc" in html and "Khoá học đã sửa" not in html
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    assert task_state.task.specific.get_actions(course, trainer) == []  # trainers cannot approve

    client.force_login(officer)
    response = client.post(f"/admin/pages/workflow/action/{course.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    course.refresh_from_db()
    assert course.title == "Khoá học đã sửa"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "Khoá học đã sửa" in visitor.get(course.url).content.decode()


def test_trainer_cannot_add_a_course_outside_training(client):
    trainer = UserFactory(groups=[TRAINERS])
    client.force_login(trainer)
    home = training_index().get_parent()
    response = client.get(f"/admin/pages/add/cms/standardpage/{home.pk}/")
    assert response.status_code in (302, 403)


def test_trainer_can_open_the_course_editor_but_not_publish_from_the_explorer(client):
    trainer = UserFactory(groups=[TRAINERS])
    client.force_login(trainer)
    index = training_index()
    assert client.get(f"/admin/pages/add/training/coursepage/{index.pk}/").status_code == 200
    course = create_course(modules=(1,), owner=trainer)
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
