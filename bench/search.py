#!/usr/bin/env python
"""Search benchmark: the database backend over 100,000 products (run by hand).

    .venv/bin/python bench/search.py --db postgres      # database h_search_bench (created)
    .venv/bin/python bench/search.py --db sqlite        # var/bench-search/db.sqlite3

Migrates and fills its own database once (bench/generate.py, no orders), rebuilds the
search table with `search_index --rebuild` (timed), then times the query service
(search(), suggest()) and the whole search page (three searches: products, stores,
courses) for typical queries, many times each, and prints p50/p95/max in ms.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_SEARCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/h_search_bench")

QUERIES = [
    ("one common word", {"text": "tra"}),
    ("two words, no diacritics", {"text": "mat ong"}),
    ("three words", {"text": "nuoc mam hue"}),
    ("with diacritics", {"text": "Trà Shan tuyết"}),
    ("word + filters", {"text": "mat ong", "group": "thuc-pham", "stars": 4, "min_price": 100_000}),
    ("sorted by price, page 5", {"text": "tra", "sort": "price_asc", "page": 5}),
    ("browse a group (no text)", {"group": "do-uong"}),
    ("typo → did you mean", {"text": "mat ongg"}),
    ("nonsense", {"text": "qwxzvk"}),
]


def setup(db: str) -> dict:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.dev", ELASTICSEARCH_URL="",
               VAR_DIR=str(ROOT / "var" / "bench-search"))
    Path(env["VAR_DIR"]).mkdir(parents=True, exist_ok=True)  # SQLite database and generated media
    if db == "postgres":
        env["DATABASE_URL"] = PG_URL
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", PG_URL.rsplit("/", 1)[1]],
                       stderr=subprocess.DEVNULL)
    return env


def prepare(env: dict, products: int) -> None:
    run = lambda *cmd: subprocess.run([sys.executable, *cmd], cwd=ROOT, env=env, check=True)  # noqa: E731
    run("manage.py", "migrate", "-v0")
    count = subprocess.run([sys.executable, "manage.py", "shell", "-c",
                            "from marketplace.models import Product; print(Product.objects.count())"],
                           cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.split()[-1]
    if int(count) < products:
        run("bench/generate.py", "--stores", str(max(1, products // 20)), "--products", str(products), "--orders", "0")
    started = time.perf_counter()
    run("manage.py", "search_index", "--rebuild")
    print(f"search_index --rebuild: {time.perf_counter() - started:.1f} s", flush=True)


def measure(repeat: int) -> None:
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.http import QueryDict

    from search import pages, service
    from search.models import SearchEntry
    from search.params import SearchParams

    def timed(fn, n):
        samples = []
        for _ in range(n):
            started = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        return statistics.median(samples), samples[int(len(samples) * 0.95) - 1], samples[-1]

    print(f"\n{connection.vendor}, {SearchEntry.objects.filter(kind='product').count()} products indexed, "
          f"{repeat} runs each (ms)\n")
    print("| query | results | p50 | p95 | max |\n|---|---:|---:|---:|---:|")
    service.search(SearchParams(text="warm up"))
    cache.clear()
    started = time.perf_counter()
    service.search(SearchParams(text="mat ongg"))
    cold = (time.perf_counter() - started) * 1000
    for label, kwargs in QUERIES:
        params = SearchParams(type="product", **kwargs)
        total = service.search(params).total
        p50, p95, top = timed(lambda p=params: service.search(p), repeat)
        print(f"| {label} | {total} | {p50:.0f} | {p95:.0f} | {top:.0f} |")
    p50, p95, top = timed(lambda: service.suggest("mat o"), repeat)
    print(f"| suggest “mat o” | 8 | {p50:.0f} | {p95:.0f} | {top:.0f} |")
    p50, p95, top = timed(lambda: pages.build(QueryDict("q=mat+ong"), SearchParams(text="mat ong")), repeat)
    print(f"| whole page “mat ong” (3 searches) | | {p50:.0f} | {p95:.0f} | {top:.0f} |")
    print(f"\ndid-you-mean vocabulary build (cold cache, once per 10 min or index change): {cold:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        sys.path.insert(0, str(ROOT))
        measure(args.repeat)
        return
    env = setup(args.db)
    prepare(env, args.products)
    subprocess.run([sys.executable, __file__, "--measure-only", "--repeat", str(args.repeat)], cwd=ROOT, env=env,
                   check=True)


if __name__ == "__main__":
    main()
