#!/usr/bin/env python
"""Indexing throughput at scale (issue 9): building the Elasticsearch bulk actions for
every product (no cluster needed: the actions are generated, not sent) and the database
search backend's full refresh, each timed on the benchmark database.

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
if not os.environ["DATABASE_URL"]:
    del os.environ["DATABASE_URL"]

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from search import sources  # noqa: E402
from search.indexing import database_rebuild, index_operation  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    actions = 0
    for record in sources.records("product"):
        actions += len(index_operation("choso-products-bench", record))
    es_seconds = time.perf_counter() - started
    print(f"{connection.vendor}: Elasticsearch bulk actions for {actions // 2:,} products: {es_seconds:.1f} s",
          flush=True)
    started = time.perf_counter()
    rows = database_rebuild("product")
    print(f"{connection.vendor}: database search table refresh of {rows:,} products: "
          f"{time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
