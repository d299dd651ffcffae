"""The page cache: whole public pages kept as HTML and refreshed by what changed.

- **Tags, not one version.** While a page is built, what it shows declares the *tags* it
  depends on (`page_depends_on("product:42")`, `{% page_depends_on "card" product.pk %}`);
  every page also depends on `SITE`. Each tag has a version in the cache; an entry keeps
  the versions it was built with and is fresh only while all are current and it is younger
  than PAGE_CACHE_SECONDS (one `get_many` per request). A change bumps only its tags
  (`bump_page_tags`, on commit: `bump_page_tags_on_commit`). Which change bumps which tag
  is decided by the app that owns the data (marketplace/page_cache.py, training/apps.py);
  saving a Wagtail page, site, image or the site settings bumps `SITE` (here). A listing
  whose own tags every change of its cards bumps says so (`page_tags_cover("card:")`) and
  keeps no tag per card: a hit reads three versions, not fifty. A page following what no
  tag follows (search results follow the index) is kept `seconds` at most.
- **No stampede.** When an entry is stale, one request (a `cache.add` lock of
  LOCK_SECONDS) rebuilds it while the others get the previous copy (`X-Page-Cache:
  stale`), so a stale copy is served for a few seconds at most.
- **One shared copy, filled in per visitor.** The copy is always rendered as an anonymous
  visitor without session would see it, with tracking parameters dropped, so nothing of
  the visitor who happened to build it can be stored. The per-visitor parts of the layout
  (`{% visitor_part "includes/…" %}`: cart count, account menu) are cut out of the copy
  and rendered for each request; CSRF tokens and CSP nonces are replaced by placeholders
  and minted per request. A visitor with a session (a cart) or an account is served from
  the cache only on pages declared the same for everyone (`cache_anonymous_page(view,
  shared=True)` or a Wagtail page class with `page_cache_shared = True`); staff (anyone
  who may open the admin), previews and visitors with a pending message always get a page
  of their own.
- **One round trip a hit.** Each worker keeps the entries it read and checks their stamp
  with the tag versions in one `get_many` (see "this process's copies" below).
- **Bounded.** Tracking parameters (`utm_*`, `fbclid`, …) never make a new entry, and one
  path keeps at most MAX_VARIANTS_PER_PATH query-string variants.
"""

import copy
import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict
from contextvars import ContextVar
from functools import wraps
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage import default_storage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import translation
from django.utils.http import urlencode

from core.commit import after_commit

SITE = "site"  # every page depends on it: the layout (menus, footer, settings)
TAG_PREFIX = "page-tag:"
LOCK_SECONDS = 10  # how long one rebuild may keep others on the previous copy
KEPT_AFTER_EXPIRY = 60  # an expired entry stays this long as the copy served during its rebuild
# Headers of the page kept with its copy: the application's own (which search backend answered).
KEPT_HEADERS = ("x-",)
PLACEHOLDER = "__CSRF_TOKEN__"
NONCE_PLACEHOLDER = "__CSP_NONCE__"
_TOKEN_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# Visitor parts are marked with a mark derived from the secret key: page content (a
# product description) cannot forge one.
_MARK = hashlib.sha256(f"visitor-part:{settings.SECRET_KEY}".encode()).hexdigest()[:12]
_VISITOR_PART = re.compile(rf"<!--visitor-part:{_MARK}:([\w./-]+)-->(.*?)<!--/visitor-part:{_MARK}-->", re.S)

# Saving or deleting one of these changes what every page may show (the layout's menus and
# footer, any page's images): every entry is refreshed. Images only on change or delete: a
# new image is on no page yet.
SITE_WIDE = {"wagtailcore.Page", "wagtailcore.Site", "wagtailimages.Image", "cms.SiteSettings"}

class _Collecting:
    """What the page being built declares: its tags, and the tag prefixes its own tags cover."""

    def __init__(self):
        self.tags: set[str] = set()
        self.covered: tuple[str, ...] = ()

    def kept(self) -> set[str]:
        return {tag for tag in self.tags if not tag.startswith(self.covered)}


_collected: ContextVar[_Collecting | None] = ContextVar("page_cache_tags", default=None)


# --- tags ---------------------------------------------------------------------------------

def page_depends_on(*tags: str) -> None:
    """Declare, while a page is being built for the cache, tags it depends on (a no-op otherwise)."""
    collected = _collected.get()
    if collected is not None:
        collected.tags.update(tags)


def page_tags_cover(*prefixes: str) -> None:
    """Declare, while a page is being built for the cache, that its own tags are bumped by
    every change of what the tags beginning with `prefixes` name (a listing whose tag every
    change of a card it shows bumps): those tags are not kept with the entry, which keeps
    the versions read on each hit few (one per card adds up on a 24-card page)."""
    collected = _collected.get()
    if collected is not None:
        collected.covered += prefixes


def bump_page_tags(*tags: str) -> None:
    """Every cached page depending on one of `tags` is stale from now on (one cache write)."""
    if tags:
        cache.set_many({TAG_PREFIX + tag: secrets.token_hex(8) for tag in set(tags)}, timeout=None)


def bump_page_tags_on_commit(*tags: str) -> None:
    """Bump once the current transaction commits: a page rebuilt before the commit would
    otherwise be stored with the old data under the new versions. Nothing a bump raises
    reaches the request."""
    if tags:
        after_commit(bump_page_tags, *tags)


def _versions(tags) -> dict[str, str | None]:
    found = cache.get_many([TAG_PREFIX + tag for tag in tags])
    return {tag: found.get(TAG_PREFIX + tag) for tag in tags}


def _versions_initialised(tags) -> dict[str, str | None]:
    """Current versions of `tags`, giving a first version to those that have none (never
    set, or evicted: a new random version cannot match an older entry)."""
    versions = _versions(tags)
    for tag, version in versions.items():
        if version is None:
            fresh = secrets.token_hex(8)
            versions[tag] = fresh if cache.add(TAG_PREFIX + tag, fresh, timeout=None) else cache.get(TAG_PREFIX + tag)
    return versions


def _on_change(sender, created=False, **kwargs):
    labels = {sender._meta.label, *(base._meta.label for base in sender._meta.get_parent_list())}
    if labels & SITE_WIDE and not (created and "wagtailimages.Image" in labels):
        bump_page_tags_on_commit(SITE)


def connect_invalidation() -> None:
    post_save.connect(_on_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_change, dispatch_uid="page-cache-delete")


# --- who gets a cached page ---------------------------------------------------------------

ANONYMOUS, PERSONAL = "anonymous", "personal"


def _visitor(request) -> str | None:
    """ANONYMOUS (no session, no account), PERSONAL (a session or an account: served from
    the cache with their own parts filled in), or None: this request gets its own page."""
    if (settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD")
            or getattr(request, "is_preview", False) or request.COOKIES.get("messages")):
        return None
    if not request.COOKIES.get(settings.SESSION_COOKIE_NAME):  # none, or emptied by a sign-out
        return ANONYMOUS
    user = request.user
    if user.is_authenticated and (user.is_staff or user.is_superuser or _may_open_admin(request)):
        return None  # the Wagtail user bar and the admin links are theirs
    if len(get_messages(request)):  # messages kept in the session (not consumed by len)
        return None
    return PERSONAL


# Functions `read(request) -> cache key | None` naming what a visitor part will read from
# the cache for this visitor (a signed-in buyer's cart count): read in the same round trip
# as the page's stamp and tag versions. Registered by the app that owns the key.
_READ_AHEAD: list = []


def read_ahead(read):
    """Register `read(request) -> key | None` (see _READ_AHEAD); returns it (a decorator)."""
    _READ_AHEAD.append(read)
    return read


def cached_for(request, key: str):
    """`cache.get(key)`, answered without a round trip when the page cache read `key` ahead
    for this request (None: not in the cache)."""
    ahead = getattr(request, "_page_cache_ahead", None)
    if ahead is not None and key in ahead:
        return ahead[key]
    return cache.get(key)


ADMIN_ACCESS_SECONDS = 300
ADMIN_ACCESS_KEY = "page_cache_admin"


def _may_open_admin(request) -> bool:
    """Whether the signed-in visitor may open the Wagtail admin, remembered in their session
    for ADMIN_ACCESS_SECONDS (the session is read anyway): asking costs two permission
    queries on every page. A change of access shows late only as a shared page without the
    admin links, or the user bar, for a few minutes: both harmless."""
    remembered = request.session.get(ADMIN_ACCESS_KEY)
    if isinstance(remembered, list) and len(remembered) == 2 and time.time() - remembered[1] < ADMIN_ACCESS_SECONDS:
        return bool(remembered[0])
    may = request.user.has_perm("wagtailadmin.access_admin")
    request.session[ADMIN_ACCESS_KEY] = [may, time.time()]
    return may


async def _anonymous_user():
    return AnonymousUser()


def _shared_request(request):
    """The request as an anonymous visitor without session, messages or tracking parameters
    would make it: what the shared copy is rendered from."""
    shared = copy.copy(request)
    query = normalised_query(request)
    shared.GET = QueryDict(query, encoding=request.encoding)
    shared.META = {**request.META, "QUERY_STRING": query}
    shared.COOKIES = {name: value for name, value in request.COOKIES.items()
                      if name not in (settings.SESSION_COOKIE_NAME, "messages")}
    shared.session = import_module(settings.SESSION_ENGINE).SessionStore()
    shared.user, shared.auser = AnonymousUser(), _anonymous_user
    shared._messages = default_storage(shared)
    return shared


# --- keys ----------------------------------------------------------------------------------

# Parameters that only say where a visitor came from: they never change the page, so they
# never make a new cache entry (RELIABILITY 33: 500 `?utm_source=N` made 500 entries).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "zanpid", "mc_cid",
                       "mc_eid", "_ga", "_gl", "igshid", "ref", "ref_src"}
# At most this many query-string variants of one path are cached per PAGE_CACHE_SECONDS;
# past it the path is served uncached, so nobody can fill the cache through one page's parameters.
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
    return f"page:{translation.get_language()}:{_digest(request.path)}:{_digest(normalised_query(request))}"


def _room_for_variant(request) -> bool:
    """Count a new query-string variant of this path; False once the path has too many."""
    if not normalised_query(request):
        return True
    counter = f"page-variants:{translation.get_language()}:{_digest(request.path)}"
    cache.add(counter, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        return cache.incr(counter) <= MAX_VARIANTS_PER_PATH
    except ValueError:  # evicted meanwhile
        return True


# --- entries -------------------------------------------------------------------------------

def visitor_part_markup(name: str, html: str) -> str:
    """`html`, the part `name` of the page, marked to be cut out of the shared copy while
    a page is built for the cache (unmarked otherwise)."""
    if _collected.get() is None:
        return html
    return f"<!--visitor-part:{_MARK}:{name}-->{html}<!--/visitor-part:{_MARK}-->"


def _placeholder(name: str) -> str:
    return f"<!--visitor-part:{_MARK}:{name}-->"


def _fresh(entry: dict, current: dict) -> bool:
    return (time.time() - entry["built"] < min(settings.PAGE_CACHE_SECONDS, entry.get("seconds") or 1e9)
            and all(version is not None and current.get(tag) == version for tag, version in entry["versions"].items()))


def _store(key: str, request, response, tags: set, known: dict, shared: bool, seconds: int | None) -> dict | None:
    """The entry for a page rendered from the shared request, stored; None if the page
    cannot be shared (not a 200, streamed, or setting cookies)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return None
    html = response.content.decode(response.charset)
    parts = {}

    def cut(match):
        parts[match.group(1)] = _TOKEN_INPUT.sub(rf"\g<1>{PLACEHOLDER}\g<2>", match.group(2))
        return _placeholder(match.group(1))

    html = _VISITOR_PART.sub(cut, html)
    nonce = getattr(request, "csp_nonce", None)
    if nonce:  # django-csp's lazy nonce is true once the page used it
        html = html.replace(f'nonce="{nonce}"', f'nonce="{NONCE_PLACEHOLDER}"')
    # Versions read before rendering for the tags already known (a bump during the render
    # leaves the entry stale); the others as they are now.
    tags = tags | {SITE}
    versions = {tag: known[tag] for tag in tags if known.get(tag) is not None}
    versions.update(_versions_initialised(tags - versions.keys()))
    entry = {"html": _TOKEN_INPUT.sub(rf"\g<1>{PLACEHOLDER}\g<2>", html), "type": response["Content-Type"],
             "versions": versions, "built": time.time(), "shared": shared, "parts": parts, "seconds": seconds,
             "headers": {name: value for name, value in response.items() if name.lower().startswith(KEPT_HEADERS)}}
    cache.set_many({key: entry, key + STAMP: entry["built"]}, timeout=settings.PAGE_CACHE_SECONDS + KEPT_AFTER_EXPIRY)
    _keep_local(key, entry)
    return entry


# --- this process's copies ------------------------------------------------------------------

# The entries this worker read last, so that a hit reads one small stamp with the tag
# versions (one round trip) instead of the whole page and then the versions (two). The
# stamp (the entry's build time, stored beside it) says the shared entry is still this copy.
STAMP = ":built"
LOCAL_ENTRIES = 256
_local: OrderedDict[str, dict] = OrderedDict()  # the first read from the shared cache first
_local_lock = threading.Lock()  # threaded servers (runserver, gthread workers)


def _entry_and_versions(key: str, ahead: tuple = ()) -> tuple[dict | None, dict, dict]:
    """The entry under `key` (None when there is none), the current versions of its tags,
    and the values of the keys `ahead` (None for those the cache does not hold)."""
    with _local_lock:
        local = _local.get(key)
    if local is not None:
        found = cache.get_many([key + STAMP, *(TAG_PREFIX + tag for tag in local["versions"]), *ahead])
        if found.get(key + STAMP) == local["built"]:
            return (local, {tag: found.get(TAG_PREFIX + tag) for tag in local["versions"]},
                    {name: found.get(name) for name in ahead})
    found = cache.get_many([key, *ahead])
    entry = found.get(key)
    if not isinstance(entry, dict):
        with _local_lock:
            _local.pop(key, None)
        return None, {}, {name: found.get(name) for name in ahead}
    _keep_local(key, entry)
    return entry, _versions(entry["versions"]), {name: found.get(name) for name in ahead}


def _keep_local(key: str, entry: dict) -> None:
    with _local_lock:
        _local[key] = entry
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def _forget(key: str) -> None:
    cache.delete_many([key, key + STAMP])
    with _local_lock:
        _local.pop(key, None)


def _render_part(name: str, request) -> str:
    """A visitor part for this visitor: rendered with what `{% visitor_part %}` promises it
    (request, user, the CSRF token), without running every context processor again. The
    token is the placeholder the whole page's tokens are replaced from."""
    return get_template(name).render({"request": request, "user": request.user, "csrf_token": PLACEHOLDER})


def _serve(request, entry: dict, state: str, visitor: str) -> HttpResponse:
    content = entry["html"]
    for name, anonymous in entry["parts"].items():
        part = _render_part(name, request) if visitor == PERSONAL else anonymous
        content = content.replace(_placeholder(name), part, 1)
    if PLACEHOLDER in content:
        content = content.replace(PLACEHOLDER, get_token(request))
    if NONCE_PLACEHOLDER in content:
        nonce = getattr(request, "csp_nonce", None)
        content = (content.replace(NONCE_PLACEHOLDER, str(nonce)) if nonce is not None
                   else content.replace(f' nonce="{NONCE_PLACEHOLDER}"', ""))
    response = HttpResponse(content, content_type=entry["type"], headers=entry.get("headers"))
    response["X-Page-Cache"] = state
    return response


def _render_shared(request, view, args, kwargs):
    """Render the view for the shared request, collecting the tags the page declares."""
    shared, collecting = _shared_request(request), _Collecting()
    reset = _collected.set(collecting)
    try:
        response = view(shared, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
    finally:
        _collected.reset(reset)
    for name in ("CSRF_COOKIE", "CSRF_COOKIE_NEEDS_UPDATE"):  # a token minted there is this visitor's cookie
        if name in shared.META:
            request.META[name] = shared.META[name]
    return response, collecting.kept()


def _page_is_shared(response, declared: bool) -> bool:
    """Declared by the view, or by the Wagtail page class (not its password form)."""
    context = getattr(response, "context_data", None) or {}
    page = context.get("page")
    return declared or (getattr(page, "page_cache_shared", False) and "action_url" not in context)


def cache_anonymous_page(view, *, shared: bool = False, seconds: int | None = None):
    """Serve `view` from the page cache. Its HTML must be the same for every anonymous
    visitor; with `shared=True` it is the same for every visitor apart from the visitor
    parts of the layout, and visitors with a session or an account are served from the
    cache too. `seconds`: kept at most this long even when no tag changed (a page showing
    what no tag follows, such as search results following the index)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        visitor = _visitor(request)
        if visitor is None:
            return view(request, *args, **kwargs)
        key = _key(request)
        ahead = tuple(name for read in _READ_AHEAD if (name := read(request))) if visitor == PERSONAL else ()
        entry, current, request._page_cache_ahead = _entry_and_versions(key, ahead)
        if visitor == PERSONAL and entry is not None and not entry["shared"]:
            return view(request, *args, **kwargs)
        if entry and _fresh(entry, current):
            return _serve(request, entry, "hit", visitor)
        if entry is None and not _room_for_variant(request):
            return view(request, *args, **kwargs)
        lock = f"{key}:lock"
        if not cache.add(lock, 1, timeout=LOCK_SECONDS):
            if entry:  # another request is rebuilding it: the previous copy meanwhile
                return _serve(request, entry, "stale", visitor)
            response = view(request, *args, **kwargs)
            response["X-Page-Cache"] = "miss"
            return response
        try:
            response, tags = _render_shared(request, view, args, kwargs)
            built = _store(key, request, response, tags, current, _page_is_shared(response, shared), seconds)
        except BaseException:
            _forget(key)  # no stale copy of a page that now fails (a product withdrawn: 404)
            raise
        finally:
            cache.delete(lock)
        if built is not None and (built["shared"] or visitor == ANONYMOUS):
            return _serve(request, built, "miss", visitor)
        if built is not None:  # stored for anonymous visitors; this one gets a page of their own
            return view(request, *args, **kwargs)
        if entry:
            _forget(key)
        return view(request, *args, **kwargs) if visitor == PERSONAL else response

    return wrapped
