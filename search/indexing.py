"""Writing the indices: the database table always (it is the fallback), Elasticsearch when
configured. Every function here is idempotent: it makes the index agree with the database
for the given ids, whatever was there before."""

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction

from core.text import fold_tokens
from search import sources
from search.backends.database import DatabaseBackend
from search.documents import alias_name, document_source
from search.models import SearchEntry
from search.sources import Record
from search.textmatch import exact_tokens, padded

logger = logging.getLogger("search")

BULK_SIZE = 500


class BulkError(Exception):
    """Elasticsearch refused some documents of a bulk request."""


def entry_values(record: Record) -> dict:
    text = record.searchable_text
    return {
        "name": record.name[:255],
        "name_exact": padded(exact_tokens(record.name))[:260],
        "name_folded": padded(fold_tokens(record.name))[:260],
        "text_exact": padded(exact_tokens(text)),
        "text_folded": padded(fold_tokens(text)),
        "description": record.description,
        "url": record.url[:300],
        "price": record.price,
        "stars": record.stars,
        "group": record.group,
        "province_code": record.province_code,
        "store_name": record.store_name[:150],
        "store_slug": record.store_slug,
        "in_stock": record.in_stock,
        "published_at": record.published_at,
    }


def entry(record: Record) -> SearchEntry:
    return SearchEntry(kind=record.kind, object_id=record.object_id, **entry_values(record))


# --- database table ---------------------------------------------------------------------------

def database_sync(kind: str, ids: Iterable[int]) -> tuple[int, int]:
    """Make the table agree with the database for these ids: (written, removed)."""
    ids = set(ids)
    records = list(sources.records(kind, ids))
    with transaction.atomic():
        for record in records:
            SearchEntry.objects.update_or_create(kind=kind, object_id=record.object_id,
                                                 defaults=entry_values(record))
        gone = ids - {r.object_id for r in records}
        removed, _ = SearchEntry.objects.filter(kind=kind, object_id__in=gone).delete() if gone else (0, None)
    return len(records), removed


def database_rebuild(kind: str) -> int:
    """Replace every row of `kind` in one transaction: readers see the old rows until commit."""
    count = 0
    with transaction.atomic():
        # One DELETE statement: the ORM's delete() would load every row first, because the
        # page cache listens to post_delete of every model (100,000 rows: 12 s of 56).
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {SearchEntry._meta.db_table} WHERE kind = %s", [kind])  # noqa: S608
        batch = []
        for record in sources.records(kind):
            batch.append(entry(record))
            if len(batch) >= BULK_SIZE:
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
        count += len(batch)
    if connection.vendor in ("postgresql", "sqlite"):
        # Fresh statistics after a bulk load: without them PostgreSQL ignores the trigram
        # indexes and SQLite walks the `kind` index row by row instead of scanning the table.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")
    DatabaseBackend.forget_vocabulary()
    return count


# --- Elasticsearch ------------------------------------------------------------------------------

def index_operation(index: str, record: Record) -> list[dict]:
    return [{"index": {"_index": index, "_id": record.object_id}}, document_source(record)]


def delete_operation(index: str, object_id: int) -> list[dict]:
    return [{"delete": {"_index": index, "_id": object_id}}]


def send_bulk(client, operations: list[dict], *, require_alias: bool = False) -> None:
    """One bulk request; refuses silently dropped documents (a missing document on delete is fine).
    `require_alias`: writes through an alias that does not exist fail instead of creating a
    plain index with a guessed mapping under the alias's name."""
    if not operations:
        return
    response = client.bulk(operations=operations, require_alias=require_alias)
    body = response.body if hasattr(response, "body") else response
    if body.get("errors"):
        failed = [item for item in body["items"] for action, result in item.items()
                  if result.get("error") and not (action == "delete" and result.get("status") == 404)]
        if failed:
            raise BulkError(f"{len(failed)} documents refused, first: {failed[0]}")


def _batches(operations: Iterable[list[dict]], size: int):
    batch, count = [], 0
    for group in operations:
        batch.extend(group)
        count += 1
        if count == size:
            yield batch, count
            batch, count = [], 0
    if batch:
        yield batch, count


def bulk_chunks(client, operations: Iterable[list[dict]], size: int = BULK_SIZE, *,
                require_alias: bool = False) -> int:
    """Send (action[, source]) groups in bulk requests of `size` documents; the count sent.

    One request is in flight while the next batch is built: the cluster indexes on its own
    cores while Python reads and folds the next records (a rebuild takes the longer of the
    two, not their sum). At most two batches are held in memory; a refused batch stops it."""
    sent = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk") as sender:
        in_flight = None
        for batch, count in _batches(operations, size):
            if in_flight is not None:
                in_flight.result()
            in_flight = sender.submit(send_bulk, client, batch, require_alias=require_alias)
            sent += count
        if in_flight is not None:
            in_flight.result()
    return sent


def elastic_sync(kind: str, ids: Iterable[int], client) -> tuple[int, int]:
    """Index the searchable objects among `ids` and delete the others, through the alias."""
    ids = set(ids)
    alias = alias_name(kind)
    records = list(sources.records(kind, ids))
    gone = sorted(ids - {r.object_id for r in records})
    operations = [index_operation(alias, r) for r in records] + [delete_operation(alias, i) for i in gone]
    bulk_chunks(client, operations, require_alias=True)
    return len(records), len(gone)
