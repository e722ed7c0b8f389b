"""Django's Redis cache, keeping one client object per connection pool.

Django builds a new redis.Redis object for every cache operation; building it
costs about as much as a round trip to Redis on loopback, and a page makes a
dozen operations. A client is thread-safe and holds no connection of its own
(the pool does), so one per pool serves every operation.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _ReusedClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients
