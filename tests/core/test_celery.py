"""Celery configuration promises (RELIABILITY 13) and a real worker on Redis."""

import time

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from config.celery import app

# Tasks that may be acknowledged late, because running them twice has their effect once.
# Each is rerun safely: its own tests (tests/payments/test_tasks.py, search, orders) prove it.
IDEMPOTENT_TASKS = {
    "core.tasks.deliver_email",  # OutgoingEmail row marked sent: a second run sends nothing
    "core.tasks.relay_outbox",  # sends unsent messages (their tasks are idempotent) and marks them sent
    "core.tasks.resend_unsent_emails",  # enqueues deliver_email, which sends an e-mail once
    "marketplace.orders.tasks.expire_unpaid_orders",  # expired orders are cancelled once
    "marketplace.payments.tasks.execute_refund",  # a succeeded refund is skipped, key reused
    "marketplace.payments.tasks.expire_provider_session",  # cancelling a cancelled session
    "search.tasks.index_objects",  # makes the index agree with the database for those ids
    "search.tasks.index_store",
    "search.tasks.index_category",
    "search.tasks.reconcile_search",  # repairs drift; nothing left to repair the second time
    "cms.tasks.refresh_home_rankings",  # recomputes the home page's cached rankings: same result twice
}


def _project_tasks():
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_json_only_and_late_acks_for_idempotent_tasks():
    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_reject_on_worker_lost is True
    tasks = _project_tasks()
    assert "core.tasks.deliver_email" in tasks
    late = {name for name, task in tasks.items() if task.acks_late}
    assert late <= IDEMPOTENT_TASKS | {n for n in late if getattr(tasks[n], "idempotent", False)}


def test_no_delay_longer_than_the_visibility_timeout():
    timeout = settings.CELERY_VISIBILITY_TIMEOUT
    for name, task in _project_tasks().items():
        assert (task.default_retry_delay or 0) < timeout, name
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry.get("options", {}).get("countdown", 0) < timeout


@pytest.fixture
def redis_worker(settings):
    """A real Celery worker thread consuming from the Redis broker in CELERY_BROKER_URL."""
    import os

    from celery.contrib.testing.worker import start_worker

    broker = os.environ["CELERY_BROKER_URL"]
    app.conf.update(broker_url=broker, task_always_eager=False)
    app.control.purge()  # an empty queue for this test; the exchange bindings stay
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield app
    finally:
        app.conf.update(task_always_eager=True)


def _wait_for(predicate, seconds=15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.broker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_signup_welcome_email_is_delivered_by_a_real_worker(redis_worker, client):
    response = client.post("/accounts/signup/", {
        "full_name": "Trần Văn Bình", "email": "binh@example.vn", "phone": "",
        "password1": "mat-ong-rung-2026", "password2": "mat-ong-rung-2026",
    })
    assert response.status_code == 302
    assert _wait_for(lambda: len(mail.outbox) == 1), "the worker did not deliver the welcome e-mail"
    assert mail.outbox[0].to == ["binh@example.vn"]
    assert mail.outbox[0].subject == "Chào mừng bạn đến với Chợ Số OCOP"


@pytest.mark.broker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rolled_back_transaction_never_reaches_the_broker(redis_worker):
    from core.services import email_enqueue

    channel = redis_worker.connection_for_write().default_channel
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            email_enqueue(key="never", to="x@example.vn", subject="x", template="emails/welcome.txt",
                          context={"user": {"get_short_name": "X"}})
            raise RuntimeError("rolled back")
    assert channel.client.llen("celery") == 0
    time.sleep(1)
    assert len(mail.outbox) == 0
