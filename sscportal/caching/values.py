"""Values a page is built from, computed once per content version.

`until_content_changes(name, build, language=...)` is the whole idea; counts
and the ids of list queries are its two common uses. Every value is named
through it (or `value_key`), and `language` is a required keyword: a language
code for a value with anything in the reader's language in it (names, labels,
sorted by the language's collation, rendered HTML), `EVERY_LANGUAGE` for one
that is the same in every language (counts, ids, years, model instances). The
language is never written into the name by hand: a name that forgot it would serve
one language's value to readers of the other.

Each worker also keeps what it has read in memory (CACHE_WORKER_MEMORY): what
was stored under a content version never changes, so the round trip to the
shared cache can be skipped. It is kept no longer than the shared cache keeps
it (a change made without the signals, a restore say, shows as late as it
would without this memory), and bounded: emptied when full.
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


class _EveryLanguage:
    __slots__ = ()

    def __repr__(self):
        return "EVERY_LANGUAGE"


# The `language` of a value that is the same in every language. A constant of
# its own rather than None: get_language() returns None when translation is
# deactivated, and that must not pass for "the same in every language".
EVERY_LANGUAGE = _EveryLanguage()


def language_part(language):
    """The part of a key that says whose language a value is in.

    `language` is a configured language code, or EVERY_LANGUAGE ("*"): anything
    else (None, "fr", a country code) is refused rather than stored under a name
    that readers of another language would also be served.
    """
    if language is EVERY_LANGUAGE:
        return "*"
    if isinstance(language, str) and language in dict(settings.LANGUAGES):
        return language
    raise ValueError(
        f"language={language!r}: a language code of settings.LANGUAGES for a value in "
        "the reader's language, or EVERY_LANGUAGE for one that is the same in every language"
    )


def value_key(name, *, language):
    """The versioned key of the value `name` in `language` (see `until_content_changes`)."""
    return key("value", language_part(language), name)


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


def until_content_changes(name, build, *, language):
    """`build()`'s result, computed once per content version (and language).

    `name` says what the value is ("options:countries", f"country-charts:{pk}")
    and never the language: `language` does, and has to be said. Pass
    `get_language()` when the value holds anything the reader's language
    decides (names, labels, their order, text, HTML); readers of each language
    then get their own. Pass `EVERY_LANGUAGE` when it is the same in every
    language (counts, ids, years, model instances whose text the template picks):
    one value, shared. When unsure, the language: a value kept twice costs a
    build, one shared wrongly shows readers the other language.
    """
    language_part(language)  # checked even while the cache is down: a wrong call fails in tests
    if not cache_available():  # no version to keep it under: build it from the database
        return build()
    versioned = value_key(name, language=language)
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


# The three helpers below name a value by its query's SQL and parameters, and
# keep it for EVERY_LANGUAGE: what rows a query returns is decided by its SQL,
# and whatever in a query depends on the language (the column modeltranslation
# picks for a translated field, a search configuration, a filter on a language)
# is in that SQL, so two languages asking different questions get different names.


def cached_count(queryset):
    """COUNT(*) of a queryset, remembered until content next changes.

    Counting 100,000 published initiatives costs tens of milliseconds; the
    answer only changes when content does. A number: the same in every language.
    """
    digest = _query_digest(queryset)
    if digest is None:
        return 0
    return until_content_changes(f"count:{digest}", queryset.count, language=EVERY_LANGUAGE)


def per_query(name, queryset, build):
    """`build()`, computed once per content version for this query (facet counts...).

    For what the query's rows alone decide (counts by value): the same in every
    language, so kept once for all. Anything with words for the reader in it
    goes through `until_content_changes` with its language instead.
    """
    digest = _query_digest(queryset)
    if digest is None:
        return build()
    return until_content_changes(f"{name}:{digest}", build, language=EVERY_LANGUAGE)


def cached_ids(queryset, load=None):
    """The primary keys a (sliced) queryset returns, remembered until content next changes.

    `load()` finds them when they are not cached; by default a query for the ids
    alone. Ids in the query's order: the same in every language.
    """
    ids = queryset.values_list("pk", flat=True)  # also cheaper to compile for the key
    digest = _query_digest(ids)
    if digest is None:
        return []
    return until_content_changes(
        f"ids:{digest}", load or (lambda: list(ids)), language=EVERY_LANGUAGE
    )
