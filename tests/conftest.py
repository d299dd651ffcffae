"""Suite-wide fixtures and the rules for tests that need a service.

- `@pytest.mark.postgres`: row locks and real concurrency; skipped unless DATABASE_URL
  points at PostgreSQL.
- `@pytest.mark.broker`: a real Celery worker on Redis; skipped unless CELERY_BROKER_URL.
- `@pytest.mark.browser`: Playwright driving Debian's /usr/bin/chromium.
- `@pytest.mark.elasticsearch`: a live cluster at ELASTICSEARCH_URL.
- `@pytest.mark.zbar`: the zbar QR decoder (`zbarimg`, Debian's zbar-tools).
- `@pytest.mark.ghostscript`: Ghostscript (`gs`, Debian's ghostscript) to rasterise PDFs.

CI sets REQUIRE_SERVICES (e.g. "browser,postgres,broker"): a test that would skip for a
listed service fails instead, so a green run proves those tests ran.

Transactional tests (`transaction=True`) should also ask for `serialized_rollback=True`:
the flush after them would otherwise erase data migrations (groups, OCOP groups, the
home page) for the tests that follow.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"


def _service_available(name: str) -> tuple[bool, str]:
    if name == "postgres":
        engine = settings.DATABASES["default"]["ENGINE"]
        return "postgresql" in engine, "needs PostgreSQL: set DATABASE_URL=postgres://…"
    if name == "broker":
        return bool(os.environ.get("CELERY_BROKER_URL")), "needs a Celery broker: set CELERY_BROKER_URL=redis://…"
    if name == "browser":
        found = Path(CHROMIUM).exists() or shutil.which("chromium")
        return bool(found), f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
    if name == "zbar":
        return bool(shutil.which("zbarimg")), "needs the zbar decoder (apt-get install zbar-tools)"
    if name == "ghostscript":
        return bool(shutil.which("gs")), "needs Ghostscript to rasterise PDFs (apt-get install ghostscript)"
    if name == "elasticsearch":
        return bool(os.environ.get("ELASTICSEARCH_URL")), "needs Elasticsearch: set ELASTICSEARCH_URL=http://…"
    return True, ""


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`make test` runs the suite on every core), the tests that drive
    a real worker on the shared Redis run one after another in one process: each empties
    the queue it uses."""
    for item in items:
        if item.get_closest_marker("broker") is not None:
            item.add_marker(pytest.mark.xdist_group("redis"))


def pytest_runtest_setup(item):
    required = {s.strip() for s in os.environ.get("REQUIRE_SERVICES", "").split(",") if s.strip()}
    for name in ("postgres", "broker", "browser", "elasticsearch", "zbar", "ghostscript"):
        if item.get_closest_marker(name) is None:
            continue
        available, reason = _service_available(name)
        if available:
            continue
        if name in required:
            pytest.fail(f"{reason} (REQUIRE_SERVICES includes {name!r})")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def stray_db_sessions_closed(django_db_setup, django_db_blocker):
    """On PostgreSQL, end sessions other threads left open (live_server request threads)
    before pytest-django drops the test database, which it cannot do while they live."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture(autouse=True)
def _vietnamese_by_default(settings):
    """Every test starts in Vietnamese: a request that switched to English must not leave
    English active in this thread for the next test."""
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        yield


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture(autouse=True)
def _outbox_without_memory():
    """No test inherits another's memory of a failing broker."""
    from core import outbox

    outbox.reset()
    yield
    outbox.reset()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what one test cached (group names, pages,
    counters) never answers for the next, whose database was rolled back."""
    from django.core.cache import cache

    cache.clear()
    yield
