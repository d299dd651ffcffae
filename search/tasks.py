"""Search indexing tasks: ids in, idempotent (they make the index agree with the database
for those ids, whatever was there), enqueued after commit by search.signals."""

import logging

from celery import shared_task

from search import client, indexing, maintenance
from search.params import KINDS

logger = logging.getLogger("search")

MAX_RETRIES = 5
RETRY_DELAY = 60  # seconds, doubled per attempt, capped well under CELERY_VISIBILITY_TIMEOUT
MAX_RETRY_DELAY = 900


def _retry_or_log(task, error: Exception, what: str):
    """Elasticsearch is down: retry later with bounded back-off. Run eagerly (no broker)
    the save must not wait or fail: log it, the nightly reconciliation repairs the drift."""
    logger.warning("search: Elasticsearch indexing of %s failed (%s)", what, error)
    if task.request.is_eager or task.request.retries >= MAX_RETRIES:
        return None
    raise task.retry(exc=error, countdown=min(RETRY_DELAY * 2 ** task.request.retries, MAX_RETRY_DELAY))


def _sync(task, kind: str, ids: list[int]) -> None:
    indexing.database_sync(kind, ids)
    if not client.enabled():
        return
    if not client.available():
        return _retry_or_log(task, ConnectionError("marked down after a recent failure"), f"{kind} {ids}")
    try:
        indexing.elastic_sync(kind, ids, client.get_client())
    except (*client.UNAVAILABLE, indexing.BulkError) as error:
        if not isinstance(error, indexing.BulkError):
            client.mark_down(error)
        return _retry_or_log(task, error, f"{kind} {ids}")


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def index_objects(self, kind: str, ids: list[int]) -> None:
    """(Re)index or remove these products, stores or course pages."""
    if kind not in KINDS:
        raise ValueError(kind)
    _sync(self, kind, [int(i) for i in ids])


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def index_store(self, store_id: int) -> None:
    """A store and all its products: its status, name and province show on every product."""
    from marketplace.models import Product

    _sync(self, "store", [store_id])
    _sync(self, "product", list(Product.objects.filter(store_id=store_id).values_list("pk", flat=True)))


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def index_category(self, category_id: int) -> None:
    """Products of a product group (and its sub-groups) whose name changed."""
    from django.db.models import Q

    from marketplace.models import Product

    ids = Product.objects.filter(Q(category_id=category_id) | Q(category__parent_id=category_id))
    _sync(self, "product", list(ids.values_list("pk", flat=True)))


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def reconcile_search(self) -> dict:
    """Nightly: the database table and the Elasticsearch indices hold exactly what is
    searchable (counts, ids and OCOP stars); drift is repaired and logged."""
    summary = {}
    for kind in KINDS:
        drift = maintenance.database_reconcile(kind)
        summary[f"database:{kind}"] = drift.repaired
        if drift.repaired:
            logger.warning("search: database index drift for %ss repaired: %s", kind, drift)
    if client.enabled():
        try:
            for kind in KINDS:
                drift = maintenance.elastic_reconcile(kind, client.get_client())
                summary[f"elasticsearch:{kind}"] = drift.repaired
                if drift.repaired:
                    logger.warning("search: Elasticsearch drift for %ss repaired: %s", kind, drift)
        except (*client.UNAVAILABLE, indexing.BulkError) as error:
            return _retry_or_log(self, error, "reconciliation") or summary
    return summary
