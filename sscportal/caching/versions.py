"""The content version: one number in the shared cache, in every cache key.

Saving or deleting any registered content (a publish included) bumps it, so
every cached page, fragment and value is replaced by new keys at once.

When the shared cache does not answer, the version is None: nothing is read
from or stored in any cache layer (the worker memory included) and pages are
built from the database. A bump that could not be made is dangerous: once the
cache answers again it would serve what it held under the old version. So any
process that saw the cache fail bumps the version before it next uses the
cache (a reader of the old data may have missed a writer's bump), and a process
whose own bump failed retries it in the background until it lands. Either way
a value stored before a failed bump cannot outlive its own lifetime
(PAGE_CACHE_SECONDS), which bounds the staleness even if no process is left
to retry.
"""

import logging
import secrets
import threading
import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import shared
from .release import code_release

logger = logging.getLogger(__name__)

VERSION_KEY = "sscportal:content-version"

# The version as read once in the current request (OneVersionPerRequest gives
# each request an empty dict): a page asks for it many times, the cache once.
_this_request = ContextVar("content_version_this_request", default=None)


def _first_version():
    # Random, not 1: when the shared cache is emptied (a restart, a flush) the
    # new version must not repeat one whose values a worker still remembers.
    return secrets.randbits(48)


def _bump_in_cache():
    """Raises the cache's error when it does not answer."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, _first_version(), timeout=None)


_making_good = threading.Lock()


def _make_good():
    """After a failure seen by this process, bump before trusting the cache again.

    True when the cache answers (and no bump is owed any more).
    """
    if shared.seen_failure_since() is None:
        return True
    if shared.is_resting():
        return False
    # One bump per failure, whether a request or the background retry gets
    # here first; the other does without the cache meanwhile, never waits.
    if not _making_good.acquire(blocking=False):
        return False
    try:
        if shared.seen_failure_since() is not None:
            _bump_in_cache()
            shared.forget_failure()
            logger.warning("shared cache answers again; content version bumped")
    except shared.CACHE_ERRORS as error:
        shared.record_failure(error)
        return False
    finally:
        _making_good.release()
    return True


def content_version():
    """The current version, or None while the shared cache does not answer."""
    memo = _this_request.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = None
    if _make_good():
        version = shared.call("get_or_set", VERSION_KEY, _first_version, timeout=None)
    if memo is not None:
        memo["version"] = version
    return version


def cache_available():
    return content_version() is not None


def key(kind, *parts):
    """The one key scheme: sscportal:<release>:<version>:<kind>:<parts...>.

    The release (release.code_release()) changes with a deploy that changes
    templates or code, so output cached by the previous release is not served.

    While the shared cache does not answer the version part is "offline": such
    keys still tell a page's pieces apart, but no cache layer reads or stores
    them (each checks `cache_available()`).
    """
    version = content_version()
    return ":".join(
        [
            "sscportal",
            code_release(),
            "offline" if version is None else str(version),
            kind,
            *map(str, parts),
        ]
    )


def _bump_now():
    memo = _this_request.get()
    if memo is not None:
        memo.clear()
    if shared.is_resting():
        # The cache failed a moment ago: this bump is owed, like any after a failure.
        shared.note_missed_write()
        _retry_in_background()
        return
    try:
        _bump_in_cache()
    except shared.CACHE_ERRORS as error:
        shared.record_failure(error)
        _retry_in_background()


def bump_content_version(**kwargs):
    _bump_now()
    # Inside a transaction, bump again once it commits: a reader between the
    # first bump and the commit would otherwise store the old rows under the
    # new version.
    if connection.in_atomic_block:
        transaction.on_commit(_bump_now)


_retrier = {"thread": None}


def _retry_in_background():
    """Keep trying the owed bump in this process, even if it serves no more requests."""
    thread = _retrier["thread"]
    if thread is not None and thread.is_alive():
        return
    thread = threading.Thread(target=_retry_until_made_good, name="content-version-retry")
    thread.daemon = True
    _retrier["thread"] = thread
    thread.start()


def _retry_until_made_good():
    from sscportal.caching.values import lifetime

    # After a lifetime, everything stored before the failure has expired anyway.
    give_up = time.monotonic() + lifetime() + shared.RETRY_SECONDS
    while time.monotonic() < give_up:
        time.sleep(shared.RETRY_SECONDS)
        if _make_good():
            return


def settle(seconds):
    """Wait up to `seconds` for an owed bump to land; True when none is owed.

    For commands that write and exit (import_content): their background retry
    would die with them.
    """
    deadline = time.monotonic() + seconds
    while not _make_good():
        if time.monotonic() >= deadline:
            return False
        time.sleep(min(shared.RETRY_SECONDS, max(deadline - time.monotonic(), 0)))
    return True


def watch(model):
    """Bump the version whenever a row of `model`, or one of its many-to-many links, changes."""
    label = model._meta.label
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"version-save-{label}")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"version-del-{label}")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            bump_content_version,
            sender=field.remote_field.through,
            dispatch_uid=f"version-m2m-{label}-{field.name}",
        )


class OneVersionPerRequest:
    """Read the content version at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _this_request.set({})
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(token)
