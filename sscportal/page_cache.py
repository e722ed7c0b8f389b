"""Whole-page cache for anonymous readers, per language, invalidated by any content change;
and the versioned values pages are built from (counts, ids of lists, options).

Every cache key carries a content version; saving or deleting any content (a
publish included) bumps the version, so the next request renders afresh: a
change is visible at once. Use a cache shared by all workers in production
(CACHE_URL=redis://... or CACHE_URL=db); the default in-process cache is for
one development process.
"""

import hashlib
import secrets
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

VERSION_KEY = "sscportal:content-version"
CACHEABLE_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml")
# Private or per-user pages are never cached.
SKIPPED_PREFIXES = ("/en/admin/", "/ar/admin/", "/healthz")


# The version as read once in the current request (the middleware gives each
# request an empty dict): a page asks for it many times, the cache once.
_read_this_request = ContextVar("content_version_this_request", default=None)


def _first_version():
    # Random, not 1: when the shared cache is emptied (a restart, a flush) the
    # new version must not repeat one whose values a worker still remembers.
    return secrets.randbits(48)


def content_version():
    memo = _read_this_request.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get_or_set(VERSION_KEY, _first_version, timeout=None)
    if memo is not None:
        memo["version"] = version
    return version


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, _first_version(), timeout=None)
    memo = _read_this_request.get()
    if memo is not None:
        memo.clear()


# Values this process has already read from the shared cache, by versioned key.
# What was stored under a content version never changes, so a worker may keep
# it and skip the round trip; a new version means new keys. Kept no longer than
# the shared cache keeps them (a change made without the signals, a restore
# say, shows as late as it would without this memory), and bounded: emptied
# when full.
_this_process = {}  # key: (value, monotonic time it expires)
THIS_PROCESS_LIMIT = 5000
_MISSING = object()


def _lifetime():
    return settings.PAGE_CACHE_SECONDS or 60


def _recall(key):
    entry = _this_process.get(key)
    if entry is None or entry[1] < time.monotonic():
        return _MISSING
    return entry[0]


def _remember(values):
    if len(_this_process) + len(values) > THIS_PROCESS_LIMIT:
        _this_process.clear()
    expires = time.monotonic() + _lifetime()
    _this_process.update((key, (value, expires)) for key, value in values.items())


def versioned_get_many(keys):
    """Values of versioned keys, from this process if it has them, else the shared cache."""
    found = {}
    for key in keys:
        value = _recall(key)
        if value is not _MISSING:
            found[key] = value
    missing = [key for key in keys if key not in found]
    if missing:
        fetched = cache.get_many(missing)
        _remember(fetched)
        found.update(fetched)
    return found


def versioned_set_many(values):
    cache.set_many(values, _lifetime())
    _remember(values)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_this_request.set({})
        try:
            return self._respond(request)
        finally:
            _read_this_request.reset(token)

    def _respond(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        # Hashed: paths may hold Arabic or spaces, which some cache backends refuse.
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # Stored as sent: gzip-compressed for readers who accept it, plain otherwise.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "plain"
        key = f"sscportal:page:{content_version()}:{encoding}:{path}"
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name
                in (
                    "Content-Type",
                    "Content-Disposition",
                    "Content-Language",
                    "Content-Encoding",
                    "Vary",
                )
            ]
            cache.set(
                key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            # A session (a logged-in editor) may see drafts: never serve or store it.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )


def connect_signals(models):
    for model in models:
        post_save.connect(
            bump_content_version, sender=model, dispatch_uid=f"page-cache-save-{model}"
        )
        post_delete.connect(
            bump_content_version, sender=model, dispatch_uid=f"page-cache-del-{model}"
        )
    m2m_changed.connect(bump_content_version, dispatch_uid="page-cache-m2m")


def until_content_changes(name, build):
    """`build()`'s result, computed once per content version (one per language if `name` says so)."""
    key = f"sscportal:{name}:{content_version()}"
    value = _recall(key)
    if value is _MISSING:
        value = cache.get_or_set(key, build, _lifetime())
        _remember({key: value})
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


def cached_ids(queryset):
    """The primary keys a (sliced) queryset returns, remembered until content next changes."""
    ids = queryset.values_list("pk", flat=True)  # also cheaper to compile for the key
    digest = _query_digest(ids)
    if digest is None:
        return []
    return until_content_changes(f"ids:{digest}", lambda: list(ids))
