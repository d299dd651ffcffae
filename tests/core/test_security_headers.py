"""Content-Security-Policy and Permissions-Policy as production sends them
(config/settings/security_headers.py, core/csp.py). The suite runs on config.settings.test,
which sends neither: `production_headers` switches on production's middleware and values."""

import json
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client

from config.settings import security_headers
from tests.core.test_settings import _clean_env
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db

ERROR_PAGE_STYLE_HASH = "'sha256-GCvV8eh2IyvjIPizXCb0W036yObAJ2Jv4KwMXIxxIaI='"
PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-hashes'", ERROR_PAGE_STYLE_HASH],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube.com", "https://www.youtube-nocookie.com"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN = {**{k: v for k, v in PUBLIC.items() if k != "style-src-attr"},
         "script-src": ["'self'", "'unsafe-inline'"], "style-src": ["'self'", "'unsafe-inline'"],
         "img-src": ["'self'", "data:", "blob:"], "frame-ancestors": ["'self'"]}
PERMISSIONS = ("accelerometer=(), ambient-light-sensor=(), bluetooth=(), browsing-topics=(), camera=(), "
               "display-capture=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), interest-cohort=(), "
               "local-fonts=(), magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), "
               "serial=(), usb=(), window-management=(), xr-spatial-tracking=()")


@pytest.fixture
def production_headers(settings):
    settings.MIDDLEWARE = security_headers.with_security_headers(settings.MIDDLEWARE)
    settings.CONTENT_SECURITY_POLICY = security_headers.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY_PATHS = security_headers.CONTENT_SECURITY_POLICY_PATHS
    settings.PERMISSIONS_POLICY = security_headers.PERMISSIONS_POLICY
    return settings


def directives(response) -> dict[str, list[str]]:
    """The header as {directive: sources} (django-csp does not keep the directives' order)."""
    parts = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {part[0]: part[1:] for part in parts if part}


def nonce_of(response) -> str:
    [source] = [s for s in directives(response)["script-src"] if s.startswith("'nonce-")]
    return source[len("'nonce-"):-1]


def test_a_public_page_without_inline_script_gets_the_strict_policy(production_headers, client):
    response = client.get("/products/")
    assert response.status_code == 200
    assert directives(response) == PUBLIC
    assert response["Permissions-Policy"] == PERMISSIONS
    assert "Content-Security-Policy-Report-Only" not in response


def test_inline_scripts_of_a_public_page_carry_the_nonce_of_its_header(production_headers, client):
    product = ProductFactory(name="Mật ong rừng")

    response = client.get(product.get_absolute_url())

    assert response.status_code == 200
    nonce = nonce_of(response)
    assert len(nonce) == 24  # 16 random bytes, base64
    assert directives(response) == {**PUBLIC, "script-src": ["'self'", f"'nonce-{nonce}'"]}
    html = response.content.decode()
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline == [f' type="application/ld+json" nonce="{nonce}"']
    # The next request gets another nonce.
    assert nonce_of(client.get(product.get_absolute_url())) != nonce


def test_a_cached_page_is_served_with_the_new_requests_nonce(production_headers, client):
    production_headers.PAGE_CACHE_SECONDS = 60
    product = ProductFactory()

    first = client.get(product.get_absolute_url())
    second = Client().get(product.get_absolute_url())

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert nonce_of(first) != nonce_of(second)
    for response in (first, second):
        html = response.content.decode()
        assert re.findall(r'nonce="([^"]+)"', html) == [nonce_of(response)]


def test_the_wagtail_admin_gets_its_own_policy_without_a_nonce(production_headers, client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert directives(response) == ADMIN
    assert response["Permissions-Policy"] == PERMISSIONS


def test_the_django_admin_gets_the_admin_policy(production_headers, client):
    response = client.get("/django-admin/login/")
    assert response.status_code == 200
    assert directives(response) == ADMIN


def test_pages_whose_forms_lead_to_stripe_have_no_form_action(production_headers, client):
    """Chromium checks form-action on the redirect that answers a form: the checkout, the
    order page ("Pay now") and the payment pages ("Pay by card") post, then go to Stripe."""
    without_form_action = {k: v for k, v in PUBLIC.items() if k != "form-action"}
    assert directives(client.get("/checkout/")) == without_form_action
    assert directives(client.get("/orders/DH-NONE/")) == without_form_action
    assert directives(client.get(f"/payments/{uuid.uuid4()}/cancelled/")) == without_form_action
    assert directives(client.get("/seller/orders/")) == PUBLIC  # not a prefix match: the seller's pages


def test_api_answers_and_files_get_no_policy_but_the_permissions(production_headers, client):
    response = client.get("/api/v1/products")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["Permissions-Policy"] == PERMISSIONS


def test_the_api_docs_come_from_this_site_with_data_images(production_headers, client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr.net" not in html and "/static/ninja/swagger-ui-bundle.js" in html
    assert directives(response) == {**PUBLIC, "img-src": ["'self'", "data:"]}


def test_media_on_another_origin_are_allowed_as_images(production_headers, client):
    production_headers.STORAGES = {**production_headers.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"base_url": "https://media.choso.example.vn/photos/"}}}
    response = client.get("/products/")
    assert directives(response) == {**PUBLIC, "img-src": ["'self'", "https://media.choso.example.vn"]}


def test_without_the_settings_nothing_is_sent(client):
    response = client.get("/products/")
    assert "Content-Security-Policy" not in response and "Permissions-Policy" not in response


def test_no_template_has_inline_code_the_policy_would_block():
    """No on*= handler, no inline <script> (JSON-LD comes from seo_tags, with the nonce),
    no <style> element, and only the style attributes whose hash the policy lists."""
    allowed = set(security_headers.ALLOWED_STYLE_ATTRIBUTES)
    problems = []
    for path in sorted(Path(django_settings.BASE_DIR, "templates").rglob("*.html")):
        if "emails" in path.parts:  # e-mails are not web pages
            continue
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(django_settings.BASE_DIR)
        problems += [f"{name}: on{m}=" for m in re.findall(r"\son(\w+)\s*=", text)]
        problems += [f"{name}: inline <script>" for _ in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text)]
        problems += [f"{name}: <style>" for _ in re.findall(r"<style[\s>]", text)]
        problems += [f"{name}: style={s!r}" for s in re.findall(r'\sstyle="([^"]*)"', text) if s not in allowed]
    assert problems == []


def test_production_settings_send_both_headers():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'middleware': s.MIDDLEWARE[:3], 'csp': s.CONTENT_SECURITY_POLICY, "
        "'paths': s.CONTENT_SECURITY_POLICY_PATHS, 'permissions': s.PERMISSIONS_POLICY, "
        "'report_only': getattr(s, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None), "
        "'apps': 'csp' in s.INSTALLED_APPS}, default=repr))"
    )
    env = _clean_env(DJANGO_SETTINGS_MODULE="config.settings.production",
                     DJANGO_SECRET_KEY="t3st-Only-9f8Qz!pL2wX7vB4nK6mR1sD5hJ0cY8eU3aG7iO2-extra")
    result = subprocess.run([sys.executable, "-c", code], cwd=django_settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == json.loads(json.dumps({
        "middleware": ["django.middleware.security.SecurityMiddleware",
                       "django_permissions_policy.PermissionsPolicyMiddleware", "core.csp.SiteCSPMiddleware"],
        "csp": security_headers.CONTENT_SECURITY_POLICY, "paths": security_headers.CONTENT_SECURITY_POLICY_PATHS,
        "permissions": security_headers.PERMISSIONS_POLICY, "report_only": None, "apps": True,
    }, default=repr))
