"""Values a page is built from, computed once per content version.

`until_content_changes(name, build)` is the whole idea; counts and the ids of
list queries are its two common uses. Each worker also keeps what it has read
in memory (CACHE_WORKER_MEMORY): what was stored under a content version never
changes, so the round trip to the shared cache can be skipped. It is kept no
longer than the shared cache keeps it (a change made without the signals, a
restore say, shows as late as it would without this memory), and bounded:
emptied when full.
"""

import hashlib
import time

from django.conf import settings
from django.core.exceptions import EmptyResultSet

from . import shared
from .versions import cache_available, key

_this_process = {}  # key: (value, monotonic time it expires)
THIS_PROCESS_LIMIT = 5000
_MISSING = object()


def lifetime():
    """Seconds a versioned value is kept (a new version replaces it sooner)."""
    return settings.PAGE_CACHE_SECONDS or 60


def _recall(name):
    if not settings.CACHE_WORKER_MEMORY:
        return _MISSING
    entry = _this_process.get(name)
    if entry is None or entry[1] < time.monotonic():
        return _MISSING
    return entry[0]


def _remember(values):
    if not settings.CACHE_WORKER_MEMORY:
        return
    if len(_this_process) + len(values) > THIS_PROCESS_LIMIT:
        _this_process.clear()
    expires = time.monotonic() + lifetime()
    _this_process.update((name, (value, expires)) for name, value in values.items())


def get_many(keys):
    """Values of versioned keys, from this worker's memory if it has them, else the shared cache."""
    found = {}
    if not cache_available():
        return found
    for name in keys:
        value = _recall(name)
        if value is not _MISSING:
            found[name] = value
    missing = [name for name in keys if name not in found]
    if missing:
        fetched = shared.get_many(missing)
        _remember(fetched)
        found.update(fetched)
    return found


def set_many(values):
    if not cache_available():
        return
    shared.set_many(values, lifetime())
    _remember(values)


def until_content_changes(name, build):
    """`build()`'s result, computed once per content version."""
    if not cache_available():  # no version to keep it under: build it from the database
        return build()
    versioned = key("value", name)
    value = _recall(versioned)
    if value is _MISSING:
        value = shared.call("get_or_set", versioned, build, lifetime(), default=_MISSING)
        if value is _MISSING:
            return build()
        _remember({versioned: value})
    return value


def _query_digest(queryset):
    """A key for the query's SQL and parameters, or None for one that can match nothing."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # queryset.none(), or a filter that can match nothing
        return None
    return hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()


def cached_count(queryset):
    """COUNT(*) of a queryset, remembered until content next changes.

    Counting 100,000 published initiatives costs tens of milliseconds; the
    answer only changes when content does.
    """
    digest = _query_digest(queryset)
    if digest is None:
        return 0
    return until_content_changes(f"count:{digest}", queryset.count)


def per_query(name, queryset, build):
    """`build()`, computed once per content version for this query (facet counts...)."""
    digest = _query_digest(queryset)
    if digest is None:
        return build()
    return until_content_changes(f"{name}:{digest}", build)


def cached_ids(queryset, load=None):
    """The primary keys a (sliced) queryset returns, remembered until content next changes.

    `load()` finds them when they are not cached; by default a query for the ids alone.
    """
    ids = queryset.values_list("pk", flat=True)  # also cheaper to compile for the key
    digest = _query_digest(ids)
    if digest is None:
        return []
    return until_content_changes(f"ids:{digest}", load or (lambda: list(ids)))
