"""The page cache serves repeat visitors from cache, never shares CSRF tokens, refreshes a
page when a tag it depends on is bumped (and only then), and rebuilds a stale page once
while the others get the previous copy. Rules of what reaches which page:
tests/marketplace/test_page_cache_rules.py; per-visitor parts: test_page_cache_visitors.py."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from core.cache import LOCK_SECONDS, SITE, bump_page_tags, bump_page_tags_on_commit
from tests.core.page_cache_urls import WITHDRAWN
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.page_cache_urls")]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


def _token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def test_second_anonymous_visit_is_a_hit_with_its_own_working_csrf_token():
    ProductFactory(price=120_000)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    a = first.get("/prices/")
    b = second.get("/prices/")
    assert (a["X-Page-Cache"], b["X-Page-Cache"]) == ("miss", "hit")
    assert "<p>120000</p>" in b.content.decode()
    assert "__CSRF_TOKEN__" not in b.content.decode()
    assert _token(a) != _token(b)
    # The cached page's form posts for the second visitor (cookie set on the cached response).
    assert "csrftoken" in b.cookies
    assert second.post("/post/", {"csrfmiddlewaretoken": _token(b)}).status_code == 200


def test_a_price_change_refreshes_a_page_showing_listings(django_capture_on_commit_callbacks):
    product = ProductFactory(price=120_000)
    Client().get("/prices/")
    product.price = 99_000
    with django_capture_on_commit_callbacks(execute=True):
        product.save()
    response = Client().get("/prices/")
    assert response["X-Page-Cache"] == "miss"
    assert "<p>99000</p>" in response.content.decode()


def test_a_bump_reaches_only_the_pages_depending_on_its_tag():
    assert [Client().get(f"/tagged/{t}/")["X-Page-Cache"] for t in ("a", "b")] == ["miss", "miss"]
    bump_page_tags("a")
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "miss"
    assert Client().get("/tagged/b/")["X-Page-Cache"] == "hit"
    bump_page_tags(SITE)  # every page depends on the site
    assert [Client().get(f"/tagged/{t}/")["X-Page-Cache"] for t in ("a", "b")] == ["miss", "miss"]


def test_a_change_is_seen_once_committed(django_capture_on_commit_callbacks):
    Client().get("/tagged/a/")
    with django_capture_on_commit_callbacks() as callbacks:
        bump_page_tags_on_commit("a")
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "hit"  # a rebuild now would read the old data
    callbacks[0]()
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "miss"


def _entry_key() -> str:
    (key,) = [k.split(":", 2)[2] for k in list(cache._cache) if ":page:" in k and not k.endswith((":lock", ":built"))]
    return key


def test_one_request_rebuilds_a_stale_page_while_the_others_get_the_previous_copy():
    first = Client().get("/tagged/a/").content.decode()
    bump_page_tags("a")
    cache.add(f"{_entry_key()}:lock", 1, timeout=LOCK_SECONDS)  # another worker is rebuilding it
    for _ in range(3):
        waiting = Client().get("/tagged/a/")
        assert (waiting["X-Page-Cache"], waiting.content.decode()) == ("stale", first)
    cache.delete(f"{_entry_key()}:lock")  # the rebuild is done (or its lock expired)
    rebuilt = Client().get("/tagged/a/")
    assert rebuilt["X-Page-Cache"] == "miss" and rebuilt.content.decode() != first
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "hit"
    assert LOCK_SECONDS == 10  # the longest a stale copy is served while nobody finishes


def test_a_page_older_than_its_lifetime_is_rebuilt(monkeypatch):
    from core import cache as page_cache

    Client().get("/tagged/a/")
    built = cache.get(_entry_key())["built"]
    monkeypatch.setattr(page_cache.time, "time", lambda: built + 299)
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache.time, "time", lambda: built + 301)
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "miss"


def test_a_lost_tag_version_rebuilds_its_pages():
    Client().get("/tagged/a/")
    cache.delete("page-tag:a")  # evicted: an entry cannot tell whether it missed a bump
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "miss"
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "hit"


def test_a_change_during_a_rebuild_leaves_the_new_copy_stale():
    Client().get("/moving/")
    bump_page_tags("moving")
    # The view bumps its tag while rendering (a change committed mid-render): the copy is
    # stored with the versions read before, so the next request rebuilds again.
    assert [Client().get("/moving/")["X-Page-Cache"] for _ in range(2)] == ["miss", "miss"]


def test_a_page_that_now_fails_keeps_no_stale_copy():
    Client().get("/tagged/gone/")
    bump_page_tags("gone")
    WITHDRAWN.add("gone")
    try:
        assert Client().get("/tagged/gone/").status_code == 404
        assert not [k for k in list(cache._cache) if ":page:" in k]
        assert Client().get("/tagged/gone/").status_code == 404
    finally:
        WITHDRAWN.discard("gone")


def test_signed_in_and_session_visitors_are_never_cached(client):
    ProductFactory()
    client.force_login(UserFactory())
    assert "X-Page-Cache" not in client.get("/prices/")
    with_session = Client()
    with_session.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in with_session.get("/prices/")


def test_off_when_lifetime_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    ProductFactory()
    assert "X-Page-Cache" not in Client().get("/prices/")


def _entries() -> int:
    return sum(1 for key in list(cache._cache) if ":page:" in key and not key.endswith(":built"))  # LocMemCache's keys


def test_tracking_parameters_and_parameter_order_share_one_entry():
    """RELIABILITY 33: 500 `?utm_source=N` once made 500 entries."""
    ProductFactory(price=120_000)
    assert Client().get("/prices/?page=2&sort=price")["X-Page-Cache"] == "miss"
    for n in range(50):
        tracked = Client().get(f"/prices/?utm_source=zalo{n}&sort=price&fbclid=x{n}&page=2&gclid={n}")
        assert tracked["X-Page-Cache"] == "hit"
    assert Client().get("/prices/?sort=price&page=2")["X-Page-Cache"] == "hit"
    assert Client().get("/prices/?page=3&sort=price")["X-Page-Cache"] == "miss"  # a real parameter is a page
    assert _entries() == 2


def test_one_path_cannot_flood_the_cache(monkeypatch):
    import core.cache

    monkeypatch.setattr(core.cache, "MAX_VARIANTS_PER_PATH", 5)
    ProductFactory()
    answers = [Client().get(f"/prices/?q={n}").get("X-Page-Cache") for n in range(8)]
    assert answers == ["miss"] * 5 + [None] * 3  # past the bound: served, not stored
    assert Client().get("/prices/?q=7").get("X-Page-Cache") is None
    assert Client().get("/prices/?q=0")["X-Page-Cache"] == "hit"  # the first five stay cached
    assert Client().get("/prices/")["X-Page-Cache"] == "miss"  # the bare path is not a variant
    assert _entries() == 6


def test_a_copy_another_worker_rebuilt_replaces_this_workers_own_copy():
    """Each worker keeps the entries it read and checks their stamp with the tag versions
    (one read per hit): a copy rebuilt elsewhere is read again, never the old one served."""
    first = Client().get("/tagged/a/")
    assert Client().get("/tagged/a/")["X-Page-Cache"] == "hit"  # from this worker's copy
    key = _entry_key()
    entry = cache.get(key)
    elsewhere = {**entry, "html": entry["html"] + "<!-- rebuilt elsewhere -->", "built": entry["built"] + 1}
    cache.set_many({key: elsewhere, key + ":built": elsewhere["built"]})
    again = Client().get("/tagged/a/")
    assert again["X-Page-Cache"] == "hit"
    assert again.content.decode().endswith("<!-- rebuilt elsewhere -->")
    assert not first.content.decode().endswith("<!-- rebuilt elsewhere -->")
