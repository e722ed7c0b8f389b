"""Where the table of content versions lives (versions.py says what it holds).

With Redis (production, the bench): one hash, read whole with HGETALL and
bumped with HINCRBY in one MULTI, so concurrent bumps from several workers
all count. With any other backend (the in-process cache of development and
tests, the database cache): one value holding a dict, changed under a lock
of this process. That is exact for the in-process cache; with the database
cache two processes bumping at the same instant may lose one bump, as
`cache.incr` always could there (use Redis with several processes).

Every method raises the cache's error when it does not answer; versions.py
catches it (through shared.py).
"""

import secrets
import threading

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

EPOCH = "epoch"
EVERYTHING = "*"
VERSION_KEY = "sscportal:content-versions"


class RedisVersions:
    def __init__(self, cache):
        self.client = cache._cache.get_client(write=True)
        self.name = cache.make_and_validate_key(VERSION_KEY)

    def read(self):
        return {key.decode(): int(value) for key, value in self.client.hgetall(self.name).items()}

    def start(self, epoch):
        self.client.hsetnx(self.name, EPOCH, epoch)
        return self.read()

    def bump(self, fields, new_epoch=None):
        with self.client.pipeline(transaction=True) as pipeline:
            if new_epoch is None:
                pipeline.hsetnx(self.name, EPOCH, random_epoch())
            else:
                pipeline.hset(self.name, EPOCH, new_epoch)
            for field in {EVERYTHING, *fields}:
                pipeline.hincrby(self.name, field, 1)
            pipeline.execute()


class OneValueVersions:
    def __init__(self, cache):
        self.cache = cache

    def read(self):
        return dict(self.cache.get(VERSION_KEY) or {})

    def start(self, epoch):
        with _LOCK:
            versions = self.read()
            versions.setdefault(EPOCH, epoch)
            self.cache.set(VERSION_KEY, versions, timeout=None)
        return versions

    def bump(self, fields, new_epoch=None):
        with _LOCK:
            versions = self.read()
            if new_epoch is not None:
                versions[EPOCH] = new_epoch
            versions.setdefault(EPOCH, random_epoch())
            for field in {EVERYTHING, *fields}:
                versions[field] = versions.get(field, 0) + 1
            self.cache.set(VERSION_KEY, versions, timeout=None)


def random_epoch():
    # Random, not 1: when the shared cache is emptied (a restart, a flush) the
    # new epoch must not repeat one whose values a worker still remembers.
    return secrets.randbits(48)


_LOCK = threading.Lock()


def store():
    """The store for the configured default cache (settings may change in tests)."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return RedisVersions(cache)
    return OneValueVersions(cache)
