"""A committed write answers as a success whatever fails after the commit: the page-cache
bump and the outbox's dispatch run as robust on_commit hooks. Django logs a robust hook's
failure by the function's __qualname__, which functools.partial has not: the hooks are
named functions, or the failure would raise from the error handler itself."""

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
    assert record.getMessage().startswith("Error calling bump_page_tags_on_commit.<locals>.bump_after_commit in")
    assert record.getMessage().endswith("(Redis is down).")


def test_a_dispatch_failure_after_the_commit_is_logged_and_the_message_kept(monkeypatch, caplog):
    def broken(pk):
        raise RuntimeError("broker gone")

    monkeypatch.setattr(outbox, "dispatch", broken)
    with caplog.at_level(logging.ERROR, logger="django.db.backends.base"), transaction.atomic():
        message = outbox.enqueue_on_commit(index_objects, "marketplace.product", [1])
    (record,) = caplog.records
    assert record.getMessage().startswith("Error calling enqueue_on_commit.<locals>.dispatch_after_commit in")
    assert record.getMessage().endswith("(broker gone).")
    assert OutboxMessage.objects.filter(pk=message.pk).exists()  # kept for the relay to send
