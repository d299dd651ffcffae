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
- Content-Security-Policy nonces are never shared either: a page rendered with the
  request's nonce is stored with a placeholder, and served with the new request's nonce
  (which puts that nonce in the new response's header).
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
from django.utils.http import urlencode

VERSION_KEY = "page-cache:version"
PLACEHOLDER = "__CSRF_TOKEN__"
NONCE_PLACEHOLDER = "__CSP_NONCE__"
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


# Parameters that only say where a visitor came from: they never change the page, so they
# never make a new cache entry (RELIABILITY 33: 500 `?utm_source=N` made 500 entries).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "zanpid", "mc_cid",
                       "mc_eid", "_ga", "_gl", "igshid", "ref", "ref_src"}
# At most this many query-string variants of one path are cached per catalogue version; past
# it the path is served uncached, so nobody can fill the cache through one page's parameters.
MAX_VARIANTS_PER_PATH = 64


def is_tracking(name: str) -> bool:
    return name.lower() in TRACKING_PARAMETERS or name.lower().startswith(TRACKING_PREFIXES)


def normalised_query(request) -> str:
    """The query string without tracking parameters, its pairs sorted: the same page, the same key."""
    pairs = sorted((k, v) for k, values in request.GET.lists() if not is_tracking(k) for v in values)
    return urlencode(pairs)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _key(request) -> str:
    return (f"page:{catalogue_version()}:{translation.get_language()}:"
            f"{_digest(request.path)}:{_digest(normalised_query(request))}")


def _room_for_variant(request) -> bool:
    """Count a new query-string variant of this path; False once the path has too many."""
    if not normalised_query(request):
        return True
    counter = f"page-variants:{catalogue_version()}:{translation.get_language()}:{_digest(request.path)}"
    cache.add(counter, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= MAX_VARIANTS_PER_PATH
    except ValueError:  # evicted meanwhile
        return True


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
            if NONCE_PLACEHOLDER in content:
                nonce = getattr(request, "csp_nonce", None)
                content = (content.replace(NONCE_PLACEHOLDER, str(nonce)) if nonce is not None
                           else content.replace(f' nonce="{NONCE_PLACEHOLDER}"', ""))
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming and not response.cookies.get(
                settings.SESSION_COOKIE_NAME) and _room_for_variant(request):
            html = response.content.decode(response.charset)
            nonce = getattr(request, "csp_nonce", None)
            if nonce:  # django-csp's lazy nonce is true once the page used it
                html = html.replace(f'nonce="{nonce}"', f'nonce="{NONCE_PLACEHOLDER}"')
            cache.set(key, (_TOKEN_INPUT.sub(rf"\g<1>{PLACEHOLDER}\g<2>", html), response["Content-Type"]),
                      timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    return wrapped
