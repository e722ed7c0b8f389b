"""The Redis cache backend used in production (CACHE_URL=redis://...).

The tests use the Redis database named by TEST_REDIS_URL and touch only keys
under their own prefix: the database may hold someone else's data.
"""

import os
import socket
import uuid
from urllib.parse import urlsplit

import pytest

from sscportal.caching.redis_backend import ReusedClientRedisCache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# Each test process its own: test processes (pytest-xdist's, other checkouts')
# share the database, and each deletes its prefix's keys before and after a test.
PREFIX = f"sscportal-tests-{uuid.uuid4().hex[:12]}"


def redis_is_running():
    address = urlsplit(REDIS_URL)
    try:
        socket.create_connection((address.hostname, address.port or 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


pytestmark = pytest.mark.skipif(not redis_is_running(), reason=f"no Redis at {REDIS_URL}")


def delete_test_keys(cache):
    # Never cache.clear(): that is FLUSHDB, and would take other keys with ours.
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(match=f"{PREFIX}:*"):
        client.delete(key)


@pytest.fixture
def redis_cache():
    cache = ReusedClientRedisCache(REDIS_URL, {"KEY_PREFIX": PREFIX})
    delete_test_keys(cache)
    yield cache
    delete_test_keys(cache)


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


def test_cleaning_up_leaves_keys_that_are_not_the_tests(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    foreign = f"not-sscportal-tests-{uuid.uuid4().hex}"
    client.set(foreign, "someone else's", ex=60)
    try:
        redis_cache.set("ours", 1)
        delete_test_keys(redis_cache)
        assert redis_cache.get("ours") is None
        assert client.get(foreign) == b"someone else's"
    finally:
        client.delete(foreign)
