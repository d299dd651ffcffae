#!/usr/bin/env python
"""Indexing throughput at scale, on the benchmark database: building the Elasticsearch bulk
actions for every product, a full rebuild of the products into a live cluster (new
versioned index, bulk requests, alias swap; when one answers at ELASTICSEARCH_URL, default
http://127.0.0.1:9200 — `make elasticsearch`), and the database search table's refresh.

    .venv/bin/python bench/indexing.py                       # PostgreSQL choso_bench (bench/run.py made it)
    DATABASE_URL= VAR_DIR=var/bench/sqlite .venv/bin/python bench/indexing.py
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DATABASE_URL", os.environ.get("BENCH_POSTGRES_URL",
                                                     "postgres://postgres@127.0.0.1:5432/choso_bench"))
os.environ["ELASTICSEARCH_URL"] = os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200"
os.environ["ELASTICSEARCH_INDEX_PREFIX"] = "choso-bench-indexing"
os.environ["ELASTICSEARCH_TIMEOUT"] = "60"
if not os.environ["DATABASE_URL"]:
    del os.environ["DATABASE_URL"]

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from search import client, maintenance, sources  # noqa: E402
from search.documents import alias_name  # noqa: E402
from search.indexing import database_rebuild, index_operation  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    actions = 0
    for record in sources.records("product"):
        actions += len(index_operation("choso-products-bench", record))
    es_seconds = time.perf_counter() - started
    print(f"{connection.vendor}: Elasticsearch bulk actions for {actions // 2:,} products: {es_seconds:.1f} s",
          flush=True)
    es = client.get_client()
    try:
        es.cluster.health()
    except client.UNAVAILABLE as error:
        print(f"no Elasticsearch at {os.environ['ELASTICSEARCH_URL']} ({error}): rebuild not timed")
    else:
        started = time.perf_counter()
        index, count = maintenance.elastic_rebuild("product", es)
        seconds = time.perf_counter() - started
        print(f"{connection.vendor}: Elasticsearch full rebuild of {count:,} products into {index}: {seconds:.1f} s "
              f"({count / seconds:,.0f} documents/s)", flush=True)
        es.indices.delete(index=",".join(es.indices.get_alias(name=alias_name("product")).body))
    started = time.perf_counter()
    rows = database_rebuild("product")
    print(f"{connection.vendor}: database search table refresh of {rows:,} products: "
          f"{time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
