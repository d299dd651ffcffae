"""core.redis_cache.RedisCache: Django's Redis cache with one client per connection pool
and any key Redis takes. Against the real Redis of CELERY_BROKER_URL, in a database of
its own (5)."""

import os
import warnings

import pytest

from core.redis_cache import RedisCache

pytestmark = pytest.mark.broker


@pytest.fixture
def backend():
    url = os.environ["CELERY_BROKER_URL"].rsplit("/", 1)[0] + "/5"
    backend = RedisCache(url, {"KEY_PREFIX": "test-redis-cache"})
    yield backend
    backend.clear()


def test_operations_share_one_client_per_pool(backend):
    client = backend._cache.get_client(write=True)
    backend.set("page:1", {"html": "<p>Mật ong</p>"})
    assert backend.get_many(["page:1", "page:2"]) == {"page:1": {"html": "<p>Mật ong</p>"}}
    assert backend._cache.get_client(write=False) is client  # one server: reads and writes share it
    assert backend.add("page:1", "other") is False and backend.get("page:1") == {"html": "<p>Mật ong</p>"}


def test_keys_memcached_would_refuse_are_stored_without_warnings(backend):
    key = "search:mật ong rừng:" + "x" * 300
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        backend.set(key, 7)
        assert backend.get(key) == 7
