"""Rebuilding and reconciling the indices (the `search_index` command and the nightly task)."""

import logging
from dataclasses import dataclass

from search import sources
from search.documents import alias_name, index_body, new_index_name
from search.indexing import bulk_chunks, database_sync, elastic_sync, index_operation
from search.models import SearchEntry
from search.sources import Fingerprint

logger = logging.getLogger("search")

SCAN_SIZE = 5000


def _body(response) -> dict:
    return response.body if hasattr(response, "body") else response


# --- rebuild -----------------------------------------------------------------------------------

def elastic_rebuild(kind: str, client, now=None) -> tuple[str, int]:
    """Fill a new versioned index with bulk requests, then point the alias at it in one
    atomic update_aliases request (searches see the old index or the new, never none) and
    drop the old index. Returns (new index name, documents)."""
    alias = alias_name(kind)
    new = new_index_name(kind, now)
    body = index_body()
    # No refreshes while filling (nobody searches the new index yet): one at the end.
    client.indices.create(index=new, settings={**body["settings"], "refresh_interval": "-1"},
                          mappings=body["mappings"])
    try:
        count = bulk_chunks(client, (index_operation(new, record) for record in sources.records(kind)))
        client.indices.put_settings(index=new, settings={"refresh_interval": None})
        client.indices.refresh(index=new)
    except Exception:
        client.indices.delete(index=new)  # a half-filled index must never get the alias
        raise
    old = sorted(_body(client.indices.get_alias(name=alias))) if client.indices.exists_alias(name=alias) else []
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    if not old and client.indices.exists(index=alias):
        # A plain index squatting the alias name (e.g. created by an early deploy): replace it.
        actions.append({"remove_index": {"index": alias}})
    actions.append({"add": {"index": new, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for index in old:
        client.indices.delete(index=index)
    logger.info("search: %s now points at %s (%s documents)", alias, new, count)
    return new, count


# --- reconciliation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Drift:
    kind: str
    expected: int
    indexed: int
    to_index: tuple[int, ...]
    to_delete: tuple[int, ...]

    @property
    def repaired(self) -> int:
        return len(self.to_index) + len(self.to_delete)


def plan(kind: str, expected: dict[int, Fingerprint], indexed: dict[int, Fingerprint]) -> Drift:
    """What to (re)index and delete so the index equals the database: missing documents,
    documents whose stars, price or stock are stale, and leftovers."""
    to_index = sorted(i for i, print_ in expected.items() if i not in indexed or indexed[i] != print_)
    to_delete = sorted(set(indexed) - set(expected))
    return Drift(kind, len(expected), len(indexed), tuple(to_index), tuple(to_delete))


def _fingerprint(kind: str, stars, price, in_stock) -> Fingerprint:
    return (stars, price, bool(in_stock)) if kind == "product" else None


def database_reconcile(kind: str) -> Drift:
    indexed = {object_id: _fingerprint(kind, *values) for object_id, *values in
               SearchEntry.objects.filter(kind=kind).values_list("object_id", "stars", "price", "in_stock")}
    drift = plan(kind, sources.fingerprints(kind), indexed)
    if drift.repaired:
        database_sync(kind, drift.to_index + drift.to_delete)
    return drift


def elastic_fingerprints(client, kind: str) -> dict[int, Fingerprint]:
    """{id: fingerprint} of every document behind the alias of `kind`, paged with search_after."""
    found: dict[int, Fingerprint] = {}
    after = None
    while True:
        body = {"query": {"match_all": {}}, "_source": ["stars", "price", "in_stock"], "sort": [{"object_id": "asc"}],
                "size": SCAN_SIZE}
        if after is not None:
            body["search_after"] = after
        hits = _body(client.search(index=alias_name(kind), body=body))["hits"]["hits"]
        for hit in hits:
            source = hit.get("_source", {})
            found[int(hit["_id"])] = _fingerprint(kind, source.get("stars"), source.get("price"),
                                                  source.get("in_stock"))
        if len(hits) < SCAN_SIZE:
            return found
        after = hits[-1]["sort"]


def elastic_reconcile(kind: str, client) -> Drift:
    drift = plan(kind, sources.fingerprints(kind), elastic_fingerprints(client, kind))
    if drift.repaired:
        elastic_sync(kind, drift.to_index + drift.to_delete, client)
    return drift
