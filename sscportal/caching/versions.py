"""Content versions: what a change invalidates, and the key of every cached thing.

The shared cache holds a small table of version numbers (one Redis hash; one
value on other backends):

- `epoch`: random, replaced when everything must go (the table was lost, a
  bump was lost while the cache was down, or a caller asks for everything);
- `*`: bumped by every change. Values and fragments are keyed by it (`key()`):
  they are cheap to rebuild, and what each one reads is not declared;
- one field per content "area", the label of a watched model
  ("statements.statement"): bumped when a row of it, a row edited with it or
  one of its many-to-many links changes;
- one field per country, "country:ke": bumped when an item shown on that
  country's page changes, its countries before and after the change both
  (invalidation.py says which items and how).

A whole page is keyed by the versions of what it shows (`page_version()`):
every area, less those its view declares itself `independent_of`, plus the
tags it declares (a country page: its own country, not the areas whose items
are tagged by country). A view that declares nothing depends on every area:
a forgotten declaration costs hits, never a stale page. So saving a statement
leaves the initiatives list, the countries index and other countries' pages
cached, and renews the statement's page, the lists and home.

Why a table read whole and held, rather than per-page tags checked per hit:
a hit must cost one round trip (issue 29, part 5). Each worker holds the table
it last read for CACHE_VERSIONS_SECONDS (0.2 s), so a cache hit is one GET of
the page; one HGETALL of some 300 small fields (areas and countries) is paid
per worker at most five times a second. A change shows at once in the process
that made it (its bump drops what it held) and within 0.2 s in every other
worker: a reader whose table predates a commit stores the new rows under the
old key, which no-one asks for once the tables are read again.

A change is bumped once, when its transaction commits (an import of
thousands of items, an admin action on many: one bump of the union of what
they touched). Not before the commit: a reader who saw the new version then
would store the old rows under it. Every reader reads the versions before its
first query, so a bump after the commit is enough.

When the shared cache does not answer, the version is None: nothing is read
from or stored in any cache layer (the worker memory included) and pages are
built from the database. A bump that could not be made is dangerous: once the
cache answers again it would serve what it held under the old version. So any
process that saw the cache fail renews the epoch before it next uses the
cache (a reader of the old data may have missed a writer's bump), and a process
whose own bump failed retries it in the background until it lands. Either way
a value stored before a failed bump cannot outlive its own lifetime
(PAGE_CACHE_SECONDS), which bounds the staleness even if no process is left
to retry.
"""

import hashlib
import logging
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import connection, transaction

from . import shared
from .release import code_release
from .version_store import EPOCH, EVERYTHING, random_epoch, store

logger = logging.getLogger(__name__)

# Tags of country pages: one per country, and one for all of them (bumped
# when a change touches too many items to say which countries they concern).
COUNTRY_TAG = "country:{code}"
EVERY_COUNTRY = "country:*"

# The versions as read once in the current request (OneVersionPerRequest gives
# each request an empty dict): a page asks for them many times, the cache once.
_this_request = ContextVar("content_version_this_request", default=None)
# The table this worker last read, and when (see the module's docstring).
_held = {"versions": None, "read_at": 0.0}


def forget_held():
    """Read the table again on next use (after this process changed it, or a test emptied it)."""
    _held["versions"] = None
    memo = _this_request.get()
    if memo is not None:
        memo.clear()


_making_good = threading.Lock()


def _make_good():
    """After a failure seen by this process, renew the epoch before trusting the cache again.

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
            store().bump((), new_epoch=random_epoch())
            forget_held()
            shared.forget_failure()
            logger.warning("shared cache answers again; content versions renewed")
    except shared.CACHE_ERRORS as error:
        shared.record_failure(error)
        return False
    finally:
        _making_good.release()
    return True


def _read():
    """The table, from this worker's hold if fresh enough, else from the cache; None when down."""
    if not _make_good():
        return None
    held = _held["versions"]
    if held is not None and time.monotonic() - _held["read_at"] < settings.CACHE_VERSIONS_SECONDS:
        return held
    versions = shared.attempt(store().read)
    if versions is not None and EPOCH not in versions:  # new or emptied: start it
        versions = shared.attempt(store().start, random_epoch())
    if versions is None:
        forget_held()
        return None
    _held.update(versions=versions, read_at=time.monotonic())
    return versions


def current_versions():
    """The table {field: number} as this request sees it, or None while the cache does not answer."""
    memo = _this_request.get()
    if memo is not None and "versions" in memo:
        return memo["versions"]
    versions = _read()
    if memo is not None:
        memo["versions"] = versions
    return versions


def content_version():
    """The version every change renews, or None while the shared cache does not answer."""
    versions = current_versions()
    if versions is None:
        return None
    return versions[EPOCH] + versions.get(EVERYTHING, 0)


def cache_available():
    return current_versions() is not None


def key(kind, *parts):
    """The key of values and fragments: sscportal:<release>:<version>:<kind>:<parts...>.

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


def page_version(areas, tags=()):
    """A digest of the versions of `areas` (model labels) and `tags` (see the
    module), or "offline" while the cache does not answer.

    A field never bumped counts as 0; the epoch is always part of it.
    """
    versions = current_versions()
    if versions is None:
        return "offline"
    parts = [f"{EPOCH}={versions[EPOCH]}"]
    parts += [f"{name}={versions.get(name, 0)}" for name in sorted({*areas, *tags})]
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:24]


def page_key(areas, tags, *parts):
    """The key of a whole page that shows `areas` and `tags` (see `page_version`)."""
    return ":".join(
        ["sscportal", code_release(), page_version(areas, tags), "page", *map(str, parts)]
    )


# --- bumping ------------------------------------------------------------------


def _bump_now(fields, *, everything=False):
    forget_held()
    if shared.is_resting():
        # The cache failed a moment ago: this bump is owed, like any after a failure.
        shared.note_missed_write()
        _retry_in_background()
        return
    try:
        store().bump(fields, new_epoch=random_epoch() if everything else None)
        forget_held()
    except shared.CACHE_ERRORS as error:
        shared.record_failure(error)
        _retry_in_background()


class Pending:
    """What the current transaction changed, bumped once when it commits."""

    def __init__(self):
        self.fields = set()
        self.everything = False
        self.changes = 0  # for invalidation.py: past a bound it stops telling countries apart
        self.on_commit = self._commit  # one bound method, to find it among the callbacks

    def _commit(self):
        _bump_now(self.fields, everything=self.everything)


_pending = threading.local()


def in_transaction():
    """True inside a transaction that has yet to commit (the tests replace it:
    theirs never commits)."""
    return connection.in_atomic_block


def this_transaction():
    """What the open transaction will bump when it commits, or None outside one."""
    if not in_transaction():
        return None
    pending = getattr(_pending, "current", None)
    # Still registered means the same transaction (or an outer one) is open:
    # a rollback drops the callback, and a commit runs and removes it.
    if pending is None or not any(
        callback is pending.on_commit for _, callback, _ in connection.run_on_commit
    ):
        pending = _pending.current = Pending()
        transaction.on_commit(pending.on_commit)
    return pending


def bump(fields=(), *, everything=False):
    """Renew `fields` (areas, tags) and `*`; with `everything`, every key.

    Inside a transaction, once, when it commits, with whatever else it bumps.
    """
    pending = this_transaction()
    if pending is None:
        _bump_now(set(fields), everything=everything)
    else:
        pending.fields.update(fields)
        pending.everything = pending.everything or everything


def bump_content_version(**kwargs):
    """Renew every key (a change whose reach is unknown: rows copied in, a restore)."""
    bump(everything=True)


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


class OneVersionPerRequest:
    """Read the content versions at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _this_request.set({})
        try:
            return self.get_response(request)
        finally:
            _this_request.reset(token)
