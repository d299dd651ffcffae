#!/usr/bin/env python
"""Load benchmark: the site under gunicorn (production settings) driven by wrk.

    make bench                         # SQLite and, if reachable, PostgreSQL
    .venv/bin/python bench/run.py --db sqlite --products 20000 --duration 5
    .venv/bin/python bench/run.py --quick   # a smoke run: small SQLite data, 4 s per measurement

For each database: a benchmark database (SQLite under var/bench/, PostgreSQL database
`choso_bench`), migrated and filled once by bench/generate.py. Then, each time with gunicorn
serving it on 127.0.0.1 (a private Redis for cache and sessions when `redis-server` is
installed, as in production) and wrk (Debian package `wrk`, a second process):

1. **Live load** (first, the figure that matters): 111 URLs browsed (home, catalogue pages,
   the product groups, the store directory, a search, 100 products; bench/live_fixture.py)
   while orders are placed through the real checkout at 2 a second, a training lesson is
   completed every second and a seller edits a price and stock every two seconds
   (bench/live.py), for three kinds of visitors: anonymous, buyers carrying a cart, signed-in
   buyers. The same browse without writes ("quiet") and with the page cache off stand beside it.
2. **Each page alone**, uncached then with the anonymous page cache on.

/healthz — a trivial view on the same stack — is the ceiling each figure is compared with.
Prints the Markdown tables and writes them to var/bench/results.md. Traffic goes only to
127.0.0.1.
"""

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.live import HttpBrowser, LiveWrites, add_to_cart, merged, sign_in  # noqa: E402

PY = sys.executable
BENCH_DIR = ROOT / "var" / "bench"
PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/choso_bench")
PORT = int(os.environ.get("BENCH_PORT", "8899"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6399"))
DEFAULT_PRODUCTS = 100_000

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
VISITORS = ("anonymous", "with a cart", "signed in")
CART_VISITORS = 4


def run(cmd, env, **kw):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kw)


def postgres_url(args) -> str:
    """choso_bench for the default size; another size gets its own database (generate.py
    refuses to add products to a filled one)."""
    return PG_URL if args.products == DEFAULT_PRODUCTS else f"{PG_URL}_{args.products}"


def database_env(db: str, args) -> dict:
    var = BENCH_DIR / (db if args.products == DEFAULT_PRODUCTS else f"{db}-{args.products}")
    var.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "REDIS_URL")}
    env.update(VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="config.settings.dev", PYTHONUNBUFFERED="1")
    if db == "postgres":
        env["DATABASE_URL"] = postgres_url(args)
        env["DATABASE_CONN_MAX_AGE"] = "60"  # persistent connections, as the README asks of production
    return env


def postgres_reachable(url: str) -> bool:
    try:
        import psycopg

        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=2, autocommit=True) as conn:
            name = url.rsplit("/", 1)[1]
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        print(f"PostgreSQL not reachable at {url}: {exc}")
        return False


def prepare(db: str, args) -> dict:
    env = database_env(db, args)
    marker = Path(env["VAR_DIR"]) / f"generated-{args.products}"
    print(f"== {db}: migrate", flush=True)
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    if not marker.exists():
        print(f"== {db}: generating {args.stores} stores, {args.products} products, {args.orders} orders", flush=True)
        run([PY, "bench/generate.py", "--stores", str(args.stores), "--products", str(args.products),
             "--orders", str(args.orders)], env)
        run([PY, "manage.py", "search_index", "--rebuild"], env)
        marker.touch()
    return env


def wait_ready(url: str, server: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url}: see {BENCH_DIR / 'gunicorn.log'}")


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


def wrk(url: str, args, script: str = "report.lua", script_args: tuple = ()) -> dict:
    cmd = ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
           "--timeout", "10s", "-s", str(ROOT / "bench" / script), url]
    if script_args:
        cmd += ["--", *map(str, script_args)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    data = json.loads(out.strip().splitlines()[-1])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def production_env(env: dict, cached: bool = False, redis_url: str = "") -> dict:
    """Production settings on loopback: as deployed, minus TLS."""
    out = dict(env, DJANGO_SETTINGS_MODULE="config.settings.production",
               DJANGO_SECRET_KEY="bench-only-" + "k" * 20 + "-0123456789abcdefghijklmnopqrstuvwxyz",
               DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", DJANGO_SECURE_SSL_REDIRECT="false",
               PAGE_CACHE_SECONDS="300" if cached else "0", LOG_LEVEL="WARNING",
               EMAIL_URL="dummymail://")  # the orders' e-mails: written, not sent anywhere
    if redis_url:
        out["REDIS_URL"] = redis_url
    return out


@contextlib.contextmanager
def private_redis():
    """A throw-away Redis on 127.0.0.1:BENCH_REDIS_PORT for one server's cache and sessions
    (as production runs: every worker sees the same cache, so a write invalidates for all),
    or "" when redis-server is not installed (each worker then has its own local cache)."""
    binary = shutil.which("redis-server")
    if not binary:
        yield ""
        return
    process = subprocess.Popen([binary, "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--loglevel", "warning"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=1):
                break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def serving(env: dict, args, cached: bool):
    """gunicorn on production settings (and its private Redis) for the duration of the block."""
    with private_redis() as redis_url, open(BENCH_DIR / "gunicorn.log", "a") as log:
        gunicorn = subprocess.Popen(
            [str(Path(PY).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers",
             str(args.workers), "--log-level", "warning"], cwd=ROOT, env=production_env(env, cached, redis_url),
            stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_ready(f"http://127.0.0.1:{PORT}/healthz", gunicorn)
            yield gunicorn, redis_url
        finally:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)


def measure_pages(db: str, mode: str, env: dict, args) -> tuple[list[dict], float]:
    rows = []
    with serving(env, args, cached=mode == "cached") as (gunicorn, _redis):
        base = f"http://127.0.0.1:{PORT}"
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
    return rows, rss


# --- live load ------------------------------------------------------------------------------------

def live_fixture(env: dict, args) -> dict:
    """Accounts, course and restocked products for the live scenario (bench/live_fixture.py)."""
    out = Path(env["VAR_DIR"]) / "live.json"
    # Enough learners that none runs out of lessons: a lesson a second over every live run.
    live_seconds = args.duration * len(VISITORS) * 2 + 30
    run([PY, "bench/live_fixture.py", str(out), "--learners", str(live_seconds // 30 + 2)],
        dict(env, LOG_LEVEL="WARNING"))
    return json.loads(out.read_text())


def visitor_cookies(fixture: dict, browser) -> dict[str, list[str]]:
    """The Cookie header of each visitor of each kind: none for anonymous visitors, a session
    holding a cart, a signed-in session."""
    carts = []
    for i in range(CART_VISITORS):
        visitor = browser()
        add_to_cart(visitor, fixture["order_products"][-1 - i])
        carts.append(visitor.cookie_header())
    signed_in = []
    for email in fixture["buyers"]:
        visitor = browser()
        sign_in(visitor, email, fixture["password"])
        signed_in.append(visitor.cookie_header())
    return {"anonymous": [], "with a cart": carts, "signed in": signed_in}


def browse(files: dict, kind: str, args) -> dict:
    script_args = [files["paths"]] + ([files[kind]] if kind in files else [])
    return wrk(f"http://127.0.0.1:{PORT}", args, "browse.lua", tuple(script_args))


def measure_live(db: str, env: dict, fixture: dict, args, rss: dict) -> list[dict]:
    """The live scenario with the page cache on (quiet, then with writes), then off (with writes)."""
    rows = []
    work = Path(env["VAR_DIR"])
    files = {"paths": work / "live-paths.txt"}
    files["paths"].write_text("\n".join(fixture["paths"]) + "\n")
    for cached in (True, False):
        cache = "on" if cached else "off"
        with serving(env, args, cached=cached) as (gunicorn, _redis):
            def browser():
                return HttpBrowser("127.0.0.1", PORT)

            print(f"  {db:8} cache {cache:3} signing visitors and writers in, warming {len(fixture['paths'])} pages",
                  flush=True)
            ceiling = wrk(f"http://127.0.0.1:{PORT}/healthz", args)
            for kind, cookies in visitor_cookies(fixture, browser).items():
                if cookies:
                    files[kind] = work / f"live-cookies-{kind.replace(' ', '-')}.txt"
                    files[kind].write_text("\n".join(cookies) + "\n")
            writes = LiveWrites(fixture, browser)
            writes.setup()
            warm = browser()
            for path in fixture["paths"]:  # renditions made, pages cached, as after any quiet minute
                warm.get(path)
            scenarios = (("quiet", False), ("live", True)) if cached else (("live", True),)
            for scenario, writing in scenarios:
                for kind in VISITORS:
                    if writing:
                        writes.start()
                    result = browse(files, kind, args)
                    stats = merged(writes.stop()) if writing else []
                    row = {"db": db, "cache": cache, "scenario": scenario, "visitors": kind,
                           "urls": len(fixture["paths"]), "ceiling": ceiling["rps"], "writes": stats, **result}
                    rows.append(row)
                    print(f"  {db:8} cache {cache:3} {scenario:5} {kind:12} {result['rps']:7.0f} req/s"
                          f"  p50 {result['p50_us'] / 1000:6.1f} ms  p95 {result['p95_us'] / 1000:7.1f} ms"
                          f"  cache hits {hit_ratio(result):4.0%}  errors {result['errors'] + result['non2xx']}"
                          + ("".join(f"\n      {s.summary()}" for s in stats)), flush=True)
            rss[f"{db} live, cache {cache}"] = worker_rss_mb(gunicorn.pid)
    return rows


def hit_ratio(result: dict) -> float:
    """Share of the browse answered from the page cache: any X-Page-Cache value but "miss"
    (a "hit", or a copy served while another request rebuilds it) over every answer."""
    answered = sum(result[k] for k in ("cache_hit", "cache_miss", "cache_other", "cache_none"))
    return (result["cache_hit"] + result["cache_other"]) / answered if answered else 0.0


def live_table(rows: list[dict], rss: dict, args, cache_backend: str) -> str:
    lines = [
        f"Live load of {date.today().isoformat()} on {platform.node()} ({os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}): {args.products:,} products; "
        f"{rows[0]['urls'] if rows else 0} URLs browsed; gunicorn {args.workers} sync workers; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s per row; cache and sessions: {cache_backend}. "
        "Writes: orders through the checkout (2/s asked), a lesson completed (1/s), "
        "a seller's price and stock edit (0.5/s), all over HTTP.",
        "",
        "| database | page cache | writes | visitors | req/s | × ceiling | p50 ms | p95 ms | from cache | errors "
        "| writes done (orders · lessons · edits per s) |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        writes = " · ".join(f"{s.rate:.1f}" + (f" ({s.failed} failed)" if s.failed else "") for s in r["writes"])
        lines.append(
            f"| {r['db']} | {r['cache']} | {'on' if r['scenario'] == 'live' else 'off (quiet)'} | {r['visitors']} "
            f"| {r['rps']:.0f} | {r['rps'] / r['ceiling']:.2f} | {r['p50_us'] / 1000:.0f} | {r['p95_us'] / 1000:.0f} "
            f"| {hit_ratio(r):.0%} | {r['errors'] + r['non2xx']} | {writes or '—'} |")
    ceilings = sorted({(r["db"], r["cache"], round(r["ceiling"])) for r in rows})
    lines += ["", "Ceiling (/healthz on the same server): " +
              ", ".join(f"{db} cache {cache}: {c} req/s" for db, cache, c in ceilings) + "."]
    lines.append("Largest gunicorn worker resident memory: " +
                 ", ".join(f"{k}: {v:.0f} MB" for k, v in rss.items() if "live" in k) + ".")
    return "\n".join(lines)


def pages_table(rows: list[dict], rss: dict, args) -> str:
    lines = [
        f"Each page alone, {date.today().isoformat()} on {platform.node()} ({os.cpu_count()} cores): "
        f"{args.products:,} products, {args.stores:,} stores; gunicorn {args.workers} sync workers; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s from the same machine.",
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
                 ", ".join(f"{k}: {v:.0f} MB" for k, v in rss.items() if "live" not in k) + ".")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Load benchmark (see module docstring).")
    parser.add_argument("--db", default=None, help="sqlite,postgres (default; --quick: sqlite)")
    parser.add_argument("--stores", type=int, default=None)
    parser.add_argument("--products", type=int, default=None)
    parser.add_argument("--orders", type=int, default=None)
    parser.add_argument("--duration", type=int, default=None, help="seconds per measurement (10; --quick: 4)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="smoke run: 2,000 products on SQLite, 4 s each")
    parser.add_argument("--no-pages", action="store_true", help="the live-load table only")
    args = parser.parse_args()
    quick = {"db": "sqlite", "stores": 200, "products": 2000, "orders": 500, "duration": 4}
    full = {"db": "sqlite,postgres", "stores": 5000, "products": DEFAULT_PRODUCTS, "orders": 20_000, "duration": 10}
    for name, value in (quick if args.quick else full).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    cache_backend = "a private Redis" if shutil.which("redis-server") else (
        "local memory per worker (install redis-server for the production set-up)")
    # The manifest storage of production settings: hashed names, as gunicorn will serve them.
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], production_env(database_env("sqlite", args)))
    live_rows, page_rows, rss = [], [], {}
    for db in args.db.split(","):
        if db == "postgres" and not postgres_reachable(postgres_url(args)):
            continue
        env = prepare(db, args)
        print(f"== {db}: live load", flush=True)
        live_rows += measure_live(db, env, live_fixture(env, args), args, rss)
        if not args.no_pages:
            print(f"== {db}: each page alone", flush=True)
            for mode in ("uncached", "cached"):
                mode_rows, rss[f"{db} {mode}"] = measure_pages(db, mode, env, args)
                page_rows += mode_rows
    report = live_table(live_rows, rss, args, cache_backend)
    if page_rows:
        report += "\n\n" + pages_table(page_rows, rss, args)
    (BENCH_DIR / "results.md").write_text(report + "\n")
    print("\n" + report)


if __name__ == "__main__":
    main()
