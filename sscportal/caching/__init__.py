"""Caches, all keyed by content versions that content changes bump.

Layers, outermost first (each can be switched off in settings to measure it):

- `pages`: whole anonymous pages as sent (PAGE_CACHE_SECONDS, 0 = off);
- `fragments`: a list item's or search result's HTML per language (CACHE_FRAGMENTS);
- `values`: counts, ids of list queries, filter options... (always on);
- the per-worker memory in front of the shared cache (CACHE_WORKER_MEMORY).

Every key is built by `versions` and holds content versions (values and
fragments: the one every change renews; pages: those of what they show,
`invalidation.py`), so a change is visible at once: the next request asks for
new keys.

Every value and fragment is named with its language, said apart from its name
and never left out: `values.until_content_changes(name, build, language=...)`
takes a language code for what the reader's language shapes and
`values.EVERY_LANGUAGE` for what is the same in every language (counts, ids);
`fragments.fragment_key(kind, *parts, language=...)` takes a code, since HTML
is always in one. Whole pages are told apart by their path, which starts with
the language (/en/, /ar/).

Every call to the shared cache goes through `shared`, which turns a cache that
does not answer into misses: the cache makes the site faster, never makes it
work. `versions` makes good a version bump lost while it was down.
"""
