#!/usr/bin/env python
"""Load benchmark: the site under gunicorn (production settings) driven by wrk.

    make bench                         # SQLite and, if reachable, PostgreSQL
    .venv/bin/python bench/run.py --db sqlite --products 20000 --duration 5

For each database: a benchmark database (SQLite under var/bench/, PostgreSQL database
`choso_bench`), migrated and filled once by bench/generate.py, then for each mode
(uncached; anonymous page cache on) gunicorn serves it on 127.0.0.1 and wrk (Debian
package `wrk`, a second process) measures every page. /healthz — a trivial view on the
same stack — is the ceiling each page's throughput is compared with. Prints one
Markdown table and writes it to var/bench/results.md. Traffic goes only to 127.0.0.1.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BENCH_DIR = ROOT / "var" / "bench"
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/choso_bench")
PORT = int(os.environ.get("BENCH_PORT", "8899"))

PAGES = [
    ("ceiling: /healthz", "/healthz"),
    ("home", "/"),
    ("catalogue", "/products/"),
    ("catalogue, filtered", "/products/?group=thuc-pham&stars=4&sort=price_asc"),
    ("product page", "/products/bench-product-4242/"),
    ("store page", "/stores/bench-store-42/"),
    ("search page", "/search/?q=mat+ong+hue"),
    ("search API", "/api/v1/search?q=nuoc+mam"),
]
CACHED_PAGES = {"home", "catalogue", "catalogue, filtered", "product page", "store page"}


def run(cmd, env, **kw):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kw)


def database_env(db: str) -> dict:
    var = BENCH_DIR / db
    var.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL")}
    env.update(VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="config.settings.dev", PYTHONUNBUFFERED="1")
    if db == "postgres":
        env["DATABASE_URL"] = PG_URL
    return env


def postgres_reachable() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL.rsplit("/", 1)[0] + "/postgres", connect_timeout=2, autocommit=True) as conn:
            name = PG_URL.rsplit("/", 1)[1]
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        print(f"PostgreSQL not reachable at {PG_URL}: {exc}")
        return False


def prepare(db: str, args) -> dict:
    env = database_env(db)
    marker = BENCH_DIR / db / f"generated-{args.products}"
    print(f"== {db}: migrate", flush=True)
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    if not marker.exists():
        print(f"== {db}: generating {args.stores} stores, {args.products} products, {args.orders} orders", flush=True)
        run([PY, "bench/generate.py", "--stores", str(args.stores), "--products", str(args.products),
             "--orders", str(args.orders)], env)
        if (ROOT / "search" / "management" / "commands" / "search_index.py").exists():
            run([PY, "manage.py", "search_index", "--rebuild"], env)
        marker.touch()
    return env


def wait_ready(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url}")


def worker_rss_mb(master_pid: int) -> float:
    """Largest resident set of the gunicorn workers (children of the master), in MB."""
    best = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master_pid):
            best = max(best, int(fields.get("VmRSS", "0 kB").split()[0]))
    return best / 1024


def wrk(url: str, args) -> dict:
    out = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
                          "--timeout", "10s", "-s", str(ROOT / "bench" / "report.lua"), url],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def production_env(env: dict, cached: bool = False) -> dict:
    """Production settings on loopback: as deployed, minus TLS."""
    return dict(env, DJANGO_SETTINGS_MODULE="config.settings.production",
                DJANGO_SECRET_KEY="bench-only-" + "k" * 20 + "-0123456789abcdefghijklmnopqrstuvwxyz",
                DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", DJANGO_SECURE_SSL_REDIRECT="false",
                PAGE_CACHE_SECONDS="300" if cached else "0", LOG_LEVEL="WARNING")


def measure(db: str, mode: str, env: dict, args) -> tuple[list[dict], float]:
    serve_env = production_env(env, cached=mode == "cached")
    gunicorn = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers",
         str(args.workers), "--log-level", "warning"], cwd=ROOT, env=serve_env)
    rows = []
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_ready(base + "/healthz")
        for name, path in PAGES:
            if mode == "cached" and name not in CACHED_PAGES and not name.startswith("ceiling"):
                continue
            for _ in range(3):  # warm caches and renditions
                urllib.request.urlopen(base + path, timeout=120).read()  # noqa: S310 - loopback only
            result = wrk(base + path, args)
            rows.append({"db": db, "mode": mode, "page": name, "path": path, **result})
            print(f"  {db:8} {mode:8} {name:22} {result['rps']:8.0f} req/s  p50 {result['p50_us'] / 1000:6.1f} ms"
                  f"  p95 {result['p95_us'] / 1000:6.1f} ms  errors {result['errors'] + result['non2xx']}", flush=True)
        rss = worker_rss_mb(gunicorn.pid)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
    return rows, rss


def table(rows: list[dict], rss: dict, args) -> str:
    lines = [
        f"Benchmark of {date.today().isoformat()} on {platform.node()} ({os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}): {args.products:,} products, "
        f"{args.stores:,} stores; gunicorn {args.workers} sync workers; wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s from the same machine.",
        "",
        "| database | cache | page | req/s | p50 ms | p95 ms | × ceiling | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    ceilings = {(r["db"], r["mode"]): r["rps"] for r in rows if r["page"].startswith("ceiling")}
    for r in rows:
        ratio = r["rps"] / ceilings[(r["db"], r["mode"])]
        lines.append(f"| {r['db']} | {r['mode']} | {r['page']} | {r['rps']:.0f} | {r['p50_us'] / 1000:.1f} | "
                     f"{r['p95_us'] / 1000:.1f} | {ratio:.2f} | {r['errors'] + r['non2xx']} |")
    lines.append("")
    lines.append("Largest gunicorn worker resident memory after the run: " +
                 ", ".join(f"{k}: {v:.0f} MB" for k, v in rss.items()) + ".")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Load benchmark (see module docstring).")
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--stores", type=int, default=5000)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    # The manifest storage of production settings: hashed names, as gunicorn will serve them.
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], production_env(database_env("sqlite")))
    rows, rss = [], {}
    for db in args.db.split(","):
        if db == "postgres" and not postgres_reachable():
            continue
        env = prepare(db, args)
        for mode in ("uncached", "cached"):
            mode_rows, rss[f"{db} {mode}"] = measure(db, mode, env, args)
            rows += mode_rows
    report = table(rows, rss, args)
    (BENCH_DIR / "results.md").write_text(report + "\n")
    print("\n" + report)


if __name__ == "__main__":
    main()
