"""The anonymous page cache: whole HTML pages for visitors with no session, kept until
the catalogue changes.

- Only GET/HEAD from visitors without a session or flash-message cookie are cached (a
  signed-in user, a buyer with a cart, anyone with a pending message gets a fresh page).
- Keys carry a catalogue *version*; saving or deleting any model listed in
  PAGE_CACHE_INVALIDATED_BY bumps it (one cache increment), so a price, stock or
  certificate change shows at once everywhere — no per-page bookkeeping to get wrong.
- CSRF tokens are never shared: before storing, every rendered token is replaced by a
  placeholder; on serving, each placeholder gets a token minted for this visitor (which
  also sets their CSRF cookie), so cached forms still post.
"""

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

VERSION_KEY = "page-cache:version"
PLACEHOLDER = "__CSRF_TOKEN__"
_TOKEN_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')

PAGE_CACHE_INVALIDATED_BY = {
    "marketplace.Product", "marketplace.ProductPhoto", "marketplace.Store", "marketplace.OcopCertificate",
    "marketplace.Category", "orders.Review", "wagtailcore.Page", "wagtailimages.Image",
    "training.Enrolment", "training.Certificate",  # the home page's "households trained"
}


def catalogue_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_catalogue_version(**_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value invalidates old keys
        cache.set(VERSION_KEY, catalogue_version() + 1, timeout=None)


def _on_change(sender, **kwargs):
    if sender._meta.label in PAGE_CACHE_INVALIDATED_BY or any(
            base._meta.label in PAGE_CACHE_INVALIDATED_BY for base in sender._meta.get_parent_list()):
        bump_catalogue_version()


def connect_invalidation() -> None:
    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")


def _cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{catalogue_version()}:{translation.get_language()}:{path}"


def cache_anonymous_page(view):
    """Decorate a view whose HTML is the same for every anonymous visitor."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            if PLACEHOLDER in content:
                content = content.replace(PLACEHOLDER, get_token(request))
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming and not response.cookies.get(
                settings.SESSION_COOKIE_NAME):
            html = response.content.decode(response.charset)
            cache.set(key, (_TOKEN_INPUT.sub(rf"\g<1>{PLACEHOLDER}\g<2>", html), response["Content-Type"]),
                      timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    return wrapped
