"""A committed write answers as a success whatever fails after the commit: what follows it
runs through `core.commit.after_commit`, a robust on_commit hook named after the work it
does. Django logs a robust hook's failure by the function's __qualname__, which
functools.partial has not: without the name the failure raised from Django's error handler
itself."""

import logging

import pytest
from django.db import transaction

from core import cache as page_cache
from core import outbox
from core.models import OutboxMessage
from search.tasks import index_objects

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_cache_outage_after_the_commit_is_logged_not_raised(monkeypatch, caplog):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache.cache, "set_many", unreachable)
    with caplog.at_level(logging.ERROR, logger="django.db.backends.base"), transaction.atomic():
        page_cache.bump_page_tags_on_commit("product:1")
    (record,) = caplog.records
    assert record.getMessage().startswith("Error calling after_commit(bump_page_tags) in")
    assert record.getMessage().endswith("(Redis is down).")


def test_a_dispatch_failure_after_the_commit_is_logged_and_the_message_kept(monkeypatch, caplog):
    def broken(pk):
        raise RuntimeError("broker gone")

    monkeypatch.setattr(outbox, "dispatch", broken)
    with caplog.at_level(logging.ERROR, logger="django.db.backends.base"), transaction.atomic():
        message = outbox.enqueue_on_commit(index_objects, "marketplace.product", [1])
    (record,) = caplog.records
    assert record.getMessage().startswith("Error calling after_commit(")
    assert ".<locals>.broken) in on_commit()" in record.getMessage()
    assert record.getMessage().endswith("(broker gone).")
    assert OutboxMessage.objects.filter(pk=message.pk).exists()  # kept for the relay to send


def test_a_course_completed_while_the_cache_is_down_is_completed_and_logged(monkeypatch, caplog):
    """The completion's followers (home rankings, figures) run after the commit: a cache
    down costs a stale home page for a while, never the learner's answer."""
    from tests.factories import UserFactory
    from tests.factories.training import create_course, lessons_of
    from training.models import Certificate
    from training.services import enrolment_create, lesson_mark_done

    learner = UserFactory()
    course = create_course(modules=(1,), required=True)
    (lesson,) = lessons_of(course)
    enrolment_create(user=learner, course=course)

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache.cache, "delete", unreachable)
    with caplog.at_level(logging.ERROR):
        outcome = lesson_mark_done(user=learner, lesson=lesson)
    assert outcome.course_completed
    assert Certificate.objects.filter(user=learner, course=course).count() == 1
    assert "Could not forget the home page rankings" in [r.getMessage() for r in caplog.records]


def test_a_product_group_renamed_while_the_cache_is_down_is_saved_and_logged(monkeypatch, caplog):
    """The search facets' group names are forgotten after the commit: with the cache down
    they stay as they were for a while, and the rename itself is kept."""
    from marketplace.models import Category

    group = Category.objects.get(slug="thuc-pham")

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(page_cache.cache, "delete", unreachable)
    with caplog.at_level(logging.ERROR, logger="django.db.backends.base"), transaction.atomic():
        group.name = "Thực phẩm đặc sản"
        group.save()
    assert Category.objects.get(slug="thuc-pham").name == "Thực phẩm đặc sản"
    assert [r.getMessage() for r in caplog.records] == [
        "Error calling after_commit(forget_group_names) in on_commit() during transaction (Redis is down)."]
