"""The Redis cache backend without memcached's key checks, and with one Redis client per
connection pool.

- Django's backends warn about keys memcached would refuse (longer than 250 characters,
  spaces, control characters) by walking every character of every key; Redis takes any
  key, and the page cache reads several keys per page served (core/cache.py). Overriding
  `validate_key` is how Django's documentation says to drop those warnings for a backend
  that accepts more keys.
- Django's client builds a new `redis.Redis` for every operation, and redis-py's
  constructor fills a table of some 250 response callbacks each time: a tenth of the work
  of serving a cached page. A `redis.Redis` is only a handle on its connection pool (safe
  to share between threads, redis-py says), so one per pool is kept.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        """Redis accepts every key: nothing to warn about."""
