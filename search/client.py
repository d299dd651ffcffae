"""The Elasticsearch client: short timeout, no retries, and a short memory of failures.

A cluster that does not answer within ELASTICSEARCH_TIMEOUT is taken as down for
DOWN_SECONDS: searches go straight to the database and indexing is retried later, so a
dead cluster costs one timeout, not one per request (no retry storms).
"""

import logging
import time
from functools import cache

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError

logger = logging.getLogger("search")

DOWN_SECONDS = 30
# Errors after which we answer from the database / retry the indexing later.
UNAVAILABLE = (TransportError, ApiError)

_down_until = 0.0


def enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@cache
def _client(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)


def get_client() -> Elasticsearch:
    return _client(settings.ELASTICSEARCH_URL, float(settings.ELASTICSEARCH_TIMEOUT))


def available() -> bool:
    return enabled() and time.monotonic() >= _down_until


def mark_down(error: Exception) -> None:
    global _down_until
    _down_until = time.monotonic() + DOWN_SECONDS
    logger.warning("Elasticsearch unavailable (%s): using the database backend for %ss", error, DOWN_SECONDS)


def reset() -> None:
    """Forget past failures (tests, and the rebuild command)."""
    global _down_until
    _down_until = 0.0
