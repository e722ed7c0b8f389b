"""The Redis cache backend used in production (CACHE_URL=redis://...)."""

import socket

import pytest

from sscportal.caching.redis_backend import ReusedClientRedisCache

REDIS = ("127.0.0.1", 6379)


def redis_is_running():
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def redis_cache():
    cache = ReusedClientRedisCache("redis://127.0.0.1:6379/5", {"KEY_PREFIX": "sscportal-tests"})
    cache.clear()
    yield cache
    cache.clear()


def test_operations_share_one_client_and_still_work(redis_cache):
    redis_cache.set("a", {"any": ["picklable", 1]})
    redis_cache.set_many({"b": 2, "c": "ج"})
    assert redis_cache.get("a") == {"any": ["picklable", 1]}
    assert redis_cache.get_many(["a", "b", "c", "missing"]) == {
        "a": {"any": ["picklable", 1]},
        "b": 2,
        "c": "ج",
    }
    assert redis_cache.get_or_set("d", lambda: 4) == 4
    assert redis_cache.incr("b") == 3
    redis_cache.delete("a")
    assert redis_cache.get("a") is None
    client = redis_cache._cache
    assert client.get_client() is client.get_client(write=True)
