"""The transactional outbox: every task goes to the broker through here.

`enqueue_on_commit(task, *args)` writes an OutboxMessage in the caller's transaction and
hands it to the broker once that transaction commits. A rolled-back transaction leaves no
message (RELIABILITY 11); a broker that does not take the message never turns the
committed write into an error (RELIABILITY 25): the message waits in the database and
`relay()` re-sends it — every minute from Celery beat, at once when a later hand-over in
this process succeeds again, and from `manage.py outbox_relay`.

While the broker is failing, hand-overs are not even tried for BROKER_REST_SECONDS, so a
dead broker costs one quick failure per process, not one per request. Without a broker
(the embedded default) tasks run eagerly at hand-over; one that fails is kept and re-run
by the relay like an unsent message.
"""

import datetime
import logging
import time

from celery import current_app
from django.db.models import F
from django.utils import timezone

from core.commit import after_commit
from core.models import OutboxMessage

logger = logging.getLogger(__name__)

BROKER_REST_SECONDS = 15
RELAY_BATCH = 200
MAX_ATTEMPTS = 30
FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 3600
KEEP_SENT_DAYS = 7

_state = {"rest_until": 0.0, "pending": False}


def enqueue_on_commit(task, *args) -> OutboxMessage:
    """Promise to run `task(*args)` once the current transaction commits (at once outside one)."""
    message = OutboxMessage.objects.create(task=task.name, args=list(args))
    after_commit(dispatch, message.pk)
    return message


def broker_resting() -> bool:
    return time.monotonic() < _state["rest_until"]


def reset() -> None:
    """Forget past failures (tests)."""
    _state.update(rest_until=0.0, pending=False)


def dispatch(message_id: int) -> bool:
    """Hand one message to the broker after commit; True when it went."""
    if broker_resting():
        _state["pending"] = True
        return False
    message = OutboxMessage.objects.filter(pk=message_id, sent_at=None).first()
    if message is None:
        return True
    sent = send(message)
    if sent and _state["pending"]:
        _state["pending"] = False
        relay()  # the broker is back: what waited goes now
    return sent


def send(message: OutboxMessage) -> bool:
    eager = current_app.conf.task_always_eager
    try:
        current_app.tasks[message.task].apply_async(args=message.args)
    except Exception as error:  # noqa: BLE001 — any failure keeps the message for the relay
        _failed(message, error, broker=not eager)
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now(), attempts=F("attempts") + 1,
                                                        last_error="")
    return True


def _failed(message: OutboxMessage, error: Exception, *, broker: bool) -> None:
    attempts = message.attempts + 1
    delay = min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), MAX_RETRY_SECONDS)
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=attempts, last_error=f"{type(error).__name__}: {error}"[:300],
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=delay))
    _state["pending"] = True
    if broker:
        _state["rest_until"] = time.monotonic() + BROKER_REST_SECONDS
        logger.warning("outbox: the broker did not take %s (%s); kept for the relay", message, error)
    else:
        logger.warning("outbox: %s failed (%s); it will be run again", message, error)
    if attempts >= MAX_ATTEMPTS:
        logger.error("outbox: %s failed %s times; left unsent (last error: %s)", message, attempts, error)


def due():
    return OutboxMessage.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS,
                                        next_attempt_at__lte=timezone.now()).order_by("pk")


def relay(limit: int = RELAY_BATCH) -> int:
    """Re-send unsent messages whose time has come, oldest first; stops at the first broker
    failure. Returns how many went."""
    sent = 0
    for message in due()[:limit]:
        if send(message):
            sent += 1
        elif broker_resting():
            break
    return sent


def prune(now=None) -> int:
    """Drop messages sent more than KEEP_SENT_DAYS ago (the table stays small)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=KEEP_SENT_DAYS)
    deleted, _ = OutboxMessage.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
