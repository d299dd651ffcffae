"""The production Content-Security-Policy in a real browser: the public pages, the API
docs and the Wagtail admin work under it and Chromium reports no violation.

The session's live_server runs the test settings (no policy); these tests start a second
live server whose middleware is production's (config/settings/security_headers.py)."""

import pytest
from pytest_django.live_server_helper import LiveServer

from config.settings import security_headers
from tests.browser.test_checkout import sign_in
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory, ProductPhotoFactory
from training.demo import seed_training
from training.models import CoursePage, Enrolment

# Violations are collected in the page (the event carries the blocked directive and URL).
COLLECT = """window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(
    `${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture
def secure_server(settings, stray_db_sessions_closed):
    settings.MIDDLEWARE = security_headers.with_security_headers(settings.MIDDLEWARE)
    settings.CONTENT_SECURITY_POLICY = security_headers.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY_PATHS = security_headers.CONTENT_SECURITY_POLICY_PATHS
    settings.PERMISSIONS_POLICY = security_headers.PERMISSIONS_POLICY
    server = LiveServer("localhost:0")  # its handler loads the middleware above
    settings.SITE_URL = server.url
    yield server
    server.stop()


@pytest.fixture
def browser_page(chromium, secure_server):
    context = chromium.new_context(viewport={"width": 1024, "height": 800}, base_url=secure_server.url)
    context.set_default_timeout(10_000)
    context.add_init_script(COLLECT)
    page = context.new_page()
    yield page
    context.close()


def violations(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations")


def test_public_pages_run_under_the_policy(browser_page):
    page = browser_page
    product = ProductFactory(name="Mật ong rừng Nam Đông")
    ProductPhotoFactory(product=product)
    seed_training(lambda line: None)
    learner = UserFactory(email="lan@example.vn")
    course = CoursePage.objects.get(slug="ban-hang-truc-tuyen-co-ban")
    Enrolment.objects.create(user=learner, course=course)

    for path in ["/", "/products/", product.get_absolute_url(), product.store.get_absolute_url(), "/search/?q=mat"]:
        response = page.goto(path)
        assert response.status == 200 and "script-src 'self'" in response.headers["content-security-policy"]
        assert violations(page) == [], path
        if path == product.get_absolute_url():  # its photo loads
            assert page.evaluate("[...document.images].filter(i => i.complete && i.naturalWidth).length") >= 1

    # What the policy is for: injected markup runs no script (and the browser says so).
    page.evaluate("""document.body.insertAdjacentHTML("beforeend",
        '<img src="/static/none.png" onerror="window.pwned = 1">');
        const s = document.createElement("script"); s.textContent = "window.pwned = 2"; document.body.append(s);""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.pwned") is None
    assert sorted(v.split()[0] for v in violations(page)) == ["script-src-attr", "script-src-elem"]
    page.evaluate("window.__violations = []")

    # site.js's suggestions (fetch to this site) still work.
    page.fill("#search-q", "mat")
    page.wait_for_selector("#search-suggestions li", state="attached")
    assert violations(page) == []

    # A course page's progress bar (an SVG, no style attribute) is drawn.
    sign_in(page, "lan@example.vn")
    page.goto(course.url)
    assert page.locator(".progress rect").first.get_attribute("width") == "0"
    assert violations(page) == []


def test_api_docs_render_from_this_site(browser_page):
    page = browser_page
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "Chợ Số OCOP API" in page.inner_text(".swagger-ui .info .title")
    assert violations(page) == []


def test_the_wagtail_admin_works_under_its_policy(browser_page):
    page = browser_page
    UserFactory(email="admin@example.vn", is_superuser=True, is_staff=True)
    page.goto("/admin/login/")
    page.fill("input[name=username]", "admin@example.vn")
    page.fill("input[name=password]", "mat-khau-an-toan-2026")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert page.url.endswith("/admin/")
    assert violations(page) == []

    page.goto("/admin/pages/")
    assert violations(page) == []
    page.goto("/admin/pages/3/edit/")  # the home page: StreamField, inline panels
    page.wait_for_selector("form#page-edit-form")
    assert violations(page) == []

    # The Wagtail user bar an editor sees on the public site.
    page.goto("/")
    page.locator("#wagtail-userbar-trigger").click()  # inside the user bar's shadow root
    page.wait_for_selector("#wagtail-userbar-items")
    page.wait_for_timeout(1000)  # the accessibility checker runs
    assert violations(page) == []
