"""The Celery app.

Without CELERY_BROKER_URL tasks run eagerly in-process (the embedded default). Tasks are
an API: ids in, fetch, call a service. They are enqueued with transaction.on_commit so a
rolled-back transaction never reaches the broker (see core.outbox.enqueue_on_commit).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("choso")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    # Idempotent tasks acknowledge after they finish, so a worker lost mid-task means a
    # redelivery, not a lost job. Only idempotent tasks are written here.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
)
app.autodiscover_tasks()
