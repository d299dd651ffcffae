"""Playwright driving Debian's Chromium (never a downloaded browser) against live_server.

Every test here is marked `browser`. Pages are phone-sized (360 px) and Vietnamese.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# test itself (creating fixtures) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def chromium(stray_db_sessions_closed):
    # Function scope on purpose: a Playwright session left running between tests changes
    # the context Django's per-thread database connections resolve in, and later
    # transactional tests then lose their serialized-rollback data.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium, live_server, stray_db_sessions_closed):
    """A fresh phone-sized browser tab whose relative URLs go to the live server."""
    context = chromium.new_context(viewport={"width": 360, "height": 780}, base_url=live_server.url,
                                   locale="en-US")  # an English phone: the site must still answer in Vietnamese
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
