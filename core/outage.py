"""Database down (RELIABILITY 26): answer 503 with Retry-After, not a 500.

`DatabaseOutageMiddleware` sits above the session and authentication middleware, so it
sees a database error wherever it happens:

- raised by a view (or while a TemplateResponse renders): `process_exception`;
- raised by a middleware below it (a session saved on the way out, Wagtail's redirects
  looked up for a 404): Django has already turned that into a 500 response on the way
  up, so the `got_request_exception` signal marks the request and `__call__` swaps the
  500 for the 503;
- raised by the 500 handler itself: the `except` in `__call__`.

The answer never touches the database: no context processors, no session, no user.
Pages get a plain template in the visitor's chosen language (cookie only), the JSON API
`{"detail": ...}`, `/healthz` its own body (the view answers the same when its own check
fails).
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from core.middleware import chosen_language

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60
HEALTHZ_DOWN = {"status": "error", "database": "unreachable"}
_REQUEST_MARK = "_database_outage"


def healthz_unavailable() -> JsonResponse:
    response = JsonResponse(HEALTHZ_DOWN, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _is_healthz(request) -> bool:
    try:
        return request.path == reverse("healthz")
    except NoReverseMatch:  # a test URLconf without it
        return False


def unavailable_response(request) -> HttpResponse:
    """The 503 for `request`: JSON under /api/ and for /healthz, else the friendly page."""
    if _is_healthz(request):
        return healthz_unavailable()
    with translation.override(chosen_language(request)):
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": _("The service is briefly unavailable. Please try again in a minute.")},
                                    status=503)
        else:
            retry_url = request.get_full_path()
            if not url_has_allowed_host_and_scheme(retry_url, allowed_hosts=None):  # "//elsewhere.example"
                retry_url = "/"
            html = get_template("503.html").render({"retry_url": retry_url})
            response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
            patch_vary_headers(response, ("Cookie",))
            response["Content-Language"] = translation.get_language()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _mark_request(sender, request=None, **kwargs):
    """got_request_exception: remember a database error Django turned into a 500."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, DATABASE_DOWN):
        setattr(request, _REQUEST_MARK, error)


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_mark_request, dispatch_uid="core.outage.mark_request")

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except DATABASE_DOWN as error:
            return self._answer(request, error)
        error = getattr(request, _REQUEST_MARK, None)
        if error is not None and response.status_code == 500:
            return self._answer(request, error)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return self._answer(request, exception)
        return None

    def _answer(self, request, error) -> HttpResponse:
        logger.error("Database unreachable, answering 503 to %s %s: %s", request.method, request.path, error)
        return unavailable_response(request)
