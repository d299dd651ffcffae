"""Database down (RELIABILITY 26): every request answers 503 with Retry-After, a friendly
page in the visitor's language (JSON under /api/ and for /healthz), never a 500."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HTML = "text/html; charset=utf-8"
PAGE_TITLE_VI = "Chợ Số OCOP đang tạm thời gián đoạn"
PAGE_TEXT_VI = "Hệ thống tạm thời không truy cập được dữ liệu. Vui lòng thử lại sau một phút."


@contextmanager
def database_down():
    """Every new query fails as if the server were unreachable (the connection already
    open for the test's transaction stays, so the test can clean up afterwards)."""
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection",
                           side_effect=OperationalError("could not connect to server: Connection refused")):
        yield


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # a cached page would (rightly) still be served


def test_outage_middleware_wraps_sessions_and_authentication():
    order = settings.MIDDLEWARE
    outage = order.index("core.outage.DatabaseOutageMiddleware")
    assert outage < order.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert outage < order.index("django.contrib.auth.middleware.AuthenticationMiddleware")


def test_public_page_answers_503_in_vietnamese(client, caplog):
    with database_down():
        response = client.get("/products/?stars=4")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Type"] == HTML
    assert response["Content-Language"] == "vi"
    assert "no-cache" in response["Cache-Control"]
    page = response.content.decode()
    assert PAGE_TITLE_VI in page and PAGE_TEXT_VI in page
    assert '<a href="/products/?stars=4">Làm lại</a>' in page
    assert '<html lang="vi">' in page
    assert [r.getMessage() for r in caplog.records if r.name == "core.outage"] == [
        "Database unreachable, answering 503 to GET /products/: could not connect to server: Connection refused"]


def test_home_page_in_the_chosen_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with database_down():
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Language"] == "en"
    page = response.content.decode()
    assert "Chợ Số OCOP is briefly unavailable" in page
    assert "We cannot reach our data right now. Please try again in a minute." in page


def test_try_again_link_stays_on_this_site():
    client = Client(raise_request_exception=False)  # the 404's redirect lookup fails in a middleware
    with database_down():
        response = client.get("/", PATH_INFO="//elsewhere.example/x/")
    assert response.status_code == 503
    assert '<a href="/">Làm lại</a>' in response.content.decode()


def test_signed_in_page_answers_503(client):
    client.force_login(UserFactory())
    with database_down():
        response = client.get("/orders/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Type"] == HTML
    page = response.content.decode()
    assert PAGE_TITLE_VI in page and PAGE_TEXT_VI in page


def test_api_answers_json_503(client):
    with database_down():
        response = client.get("/api/v1/products")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Dịch vụ đang tạm thời gián đoạn. Vui lòng thử lại sau một phút."}


def test_healthz_answers_json_503(client):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "error", "database": "unreachable"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.urls("tests.core.outage_urls")
def test_error_raised_by_a_middleware_below_answers_503():
    """The view needs no database; SessionMiddleware fails to save the session afterwards."""
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get("/visit/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert PAGE_TITLE_VI in response.content.decode()


def test_other_errors_still_answer_500(client):
    client = Client(raise_request_exception=False)
    with mock.patch("core.views.connection.cursor", side_effect=RuntimeError("bug")):
        response = client.get("/healthz")
    assert response.status_code == 500
    assert not response.has_header("Retry-After")
