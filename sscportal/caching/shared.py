"""The shared cache through one door that turns its failures into misses.

Everything in the cache can be rebuilt from the database, so a cache that
does not answer (Redis stopped, unreachable, hung) must cost speed, never
pages or saves. Each operation here catches the backend's errors and answers
like a miss (a read finds nothing, a write is dropped). After a failure this
process leaves the cache alone for RETRY_SECONDS, so a down cache costs one
failed attempt (at most the socket timeout set in settings) per few seconds,
not one per operation. Reads of the content version go through here too
(`versions.py`), which is where a failed version bump is made good.
"""

import logging
import time

from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Errors that mean "the cache server is not answering": redis-py's own, and
# socket errors a backend may let through. A bug (an unpicklable value, say)
# still raises.
CACHE_ERRORS = (RedisError, OSError)
RETRY_SECONDS = 2.0

_state = {"down_until": 0.0, "failed_since": None}


def is_resting():
    """True while this process leaves the cache alone after a failure."""
    return time.monotonic() < _state["down_until"]


def seen_failure_since():
    """The monotonic time of the first failure not yet made good, or None."""
    return _state["failed_since"]


def record_failure(error):
    now = time.monotonic()
    if not is_resting():
        logger.warning(
            "shared cache unavailable (%s); serving without it, next try in %s s",
            error,
            RETRY_SECONDS,
        )
    _state["down_until"] = now + RETRY_SECONDS
    if _state["failed_since"] is None:
        _state["failed_since"] = now


def note_missed_write():
    """A write skipped while the cache rests: owed like a failure, without extending the rest."""
    if _state["failed_since"] is None:
        _state["failed_since"] = time.monotonic()


def forget_failure():
    """Called once the content version has been bumped after a failure."""
    _state["failed_since"] = None


def call(operation, *args, default=None, **kwargs):
    """`cache.<operation>(*args, **kwargs)`, or `default` when the cache fails or rests."""
    if is_resting():
        return default
    try:
        return getattr(cache, operation)(*args, **kwargs)
    except CACHE_ERRORS as error:
        record_failure(error)
        return default


def attempt(function, *args, default=None):
    """`function(*args)` (a call to the cache), or `default` when the cache fails or rests."""
    if is_resting():
        return default
    try:
        return function(*args)
    except CACHE_ERRORS as error:
        record_failure(error)
        return default


def get(name):
    return call("get", name)


def get_many(names):
    return call("get_many", names, default={})


def set(name, value, timeout):  # noqa: A001 - the cache's own verb
    call("set", name, value, timeout)


def set_many(values, timeout):
    call("set_many", values, timeout)


def state():
    """ "ok" or "unavailable", asking the cache now (for /healthz)."""
    try:
        cache.get("sscportal:ping")
    except CACHE_ERRORS as error:
        record_failure(error)
        return "unavailable"
    return "ok"
