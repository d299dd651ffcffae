#!/usr/bin/env python
"""Search benchmark: both backends over the same 100,000 products (run by hand).

    make services elasticsearch                          # PostgreSQL and a local cluster
    .venv/bin/python bench/search.py --db postgres       # database h_search_bench (created)
    .venv/bin/python bench/search.py --db sqlite         # var/bench-search/db.sqlite3
    .venv/bin/python bench/search.py --es ""             # the database backend only

Migrates and fills its own database once (bench/generate.py, no orders: 100,000 products
in 5,000 stores), refills the database search table when it is not complete, builds the
Elasticsearch indices (prefix `choso-bench`, timed) when they are missing or stale, then
times the same query table on each backend — search(), autocomplete and the whole search
page (three searches) — many times each, and prints p50/p95 in ms side by side, with the
number of matches each backend found (they must agree).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_SEARCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/h_search_bench")
ES_URL = os.environ.get("ELASTICSEARCH_URL") or "http://127.0.0.1:9200"
PREFIX = "choso-bench"

QUERIES = [
    ("one common word “tra”", {"text": "tra"}),
    ("two words “mat ong”", {"text": "mat ong"}),
    ("three words “nuoc mam hue”", {"text": "nuoc mam hue"}),
    ("with diacritics “Trà Shan tuyết”", {"text": "Trà Shan tuyết"}),
    ("word + filters (group, 4★, ≥ 100,000 ₫)", {"text": "mat ong", "group": "thuc-pham", "stars": 4,
                                                 "min_price": 100_000}),
    ("“tra” sorted by price, page 5", {"text": "tra", "sort": "price_asc", "page": 5}),
    ("browse a group, no text", {"group": "do-uong"}),
    ("unfinished word “mat o”", {"text": "mat o"}),
    ("typo “mat ongg” (did you mean)", {"text": "mat ongg"}),
    ("nonsense", {"text": "qwxzvk"}),
]


def cluster_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=2) as response:  # noqa: S310 - loopback
            return response.status == 200
    except OSError:
        return False


def setup(db: str) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.dev", ELASTICSEARCH_URL="",
               VAR_DIR=str(ROOT / "var" / "bench-search"))
    env.pop("DATABASE_URL", None)
    Path(env["VAR_DIR"]).mkdir(parents=True, exist_ok=True)  # SQLite database and generated media
    if db == "postgres":
        env["DATABASE_URL"] = PG_URL
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", PG_URL.rsplit("/", 1)[1]],
                       stderr=subprocess.DEVNULL)
    return env


def shell(env: dict, code: str) -> str:
    return subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout.split()[-1]


def prepare(env: dict, products: int) -> None:
    run = lambda *cmd: subprocess.run([sys.executable, *cmd], cwd=ROOT, env=env, check=True)  # noqa: E731
    run("manage.py", "migrate", "-v0")
    if int(shell(env, "from marketplace.models import Product; print(Product.objects.count())")) < products:
        run("bench/generate.py", "--stores", str(max(1, products // 20)), "--products", str(products), "--orders", "0")
    complete = shell(env, "from search import sources; from search.models import SearchEntry; "
                          "print(SearchEntry.objects.filter(kind='product').count() == len(sources.fingerprints("
                          "'product')))")
    if complete != "True":
        started = time.perf_counter()
        run("manage.py", "search_index", "--rebuild")
        print(f"database search table rebuilt: {time.perf_counter() - started:.1f} s", flush=True)


def timed(fn, n: int) -> tuple[float, float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def measure(repeat: int, es_url: str) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import override_settings

    from search import client, maintenance, pages, service, sources
    from search.documents import alias_name
    from search.params import KINDS, SearchParams

    backends = {"database": {"ELASTICSEARCH_URL": ""}}
    if es_url:
        backends["elasticsearch"] = {"ELASTICSEARCH_URL": es_url, "ELASTICSEARCH_INDEX_PREFIX": PREFIX,
                                     "ELASTICSEARCH_TIMEOUT": 30.0}
        with override_settings(**backends["elasticsearch"]):
            client.reset()
            es = client.get_client()
            for kind in KINDS:
                alias = alias_name(kind)
                expected = len(sources.fingerprints(kind))
                if es.indices.exists_alias(name=alias) and es.count(index=alias)["count"] == expected:
                    continue
                started = time.perf_counter()
                index, count = maintenance.elastic_rebuild(kind, es)
                print(f"Elasticsearch rebuild of {count:,} {kind}s into {index}: "
                      f"{time.perf_counter() - started:.1f} s", flush=True)

    products = len(sources.fingerprints("product"))
    print(f"\n{connection.vendor} database, {products:,} products; {repeat} runs per query and backend; "
          f"p50 / p95 in ms\n")
    names = list(backends)
    header = " | ".join(f"{name} p50 / p95" for name in names)
    print(f"| query (products) | matches | {header} |\n|---|---:|" + "---:|" * len(names))

    def row(label: str, call) -> None:
        cells, totals = [], []
        for name in names:
            with override_settings(**backends[name]):
                client.reset()
                answer = call()
                assert getattr(answer, "backend", name) == name, f"{label}: {name} fell back"
                totals.append(getattr(answer, "total", ""))
                p50, p95 = timed(call, repeat)
                cells.append(f"{p50:.0f} / {p95:.0f}")
        matches = " / ".join(str(t) for t in dict.fromkeys(totals))  # one number when they agree
        print(f"| {label} | {matches} | {' | '.join(cells)} |", flush=True)

    for label, kwargs in QUERIES:
        params = SearchParams(type="product", **kwargs)
        row(label, lambda p=params: service.search(p))
    row("autocomplete “mat o”", lambda: service.suggest("mat o"))
    row("whole page “mat ong” (3 searches)",
        lambda: pages.build(QueryDict("q=mat+ong"), SearchParams(text="mat ong")).main)
    print(f"\n(settings: {settings.DATABASES['default']['ENGINE']}, Elasticsearch {es_url or 'off'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--es", default=ES_URL, help="cluster URL; empty for the database backend only")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        sys.path.insert(0, str(ROOT))
        measure(args.repeat, args.es)
        return
    if args.es and not cluster_answers(args.es):
        print(f"No Elasticsearch at {args.es} (make elasticsearch): the database backend only.")
        args.es = ""
    env = setup(args.db)
    prepare(env, args.products)
    subprocess.run([sys.executable, __file__, "--measure-only", "--repeat", str(args.repeat), "--es", args.es],
                   cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
