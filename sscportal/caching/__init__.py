"""Caches, all keyed by one content version that any content change bumps.

Layers, outermost first (each can be switched off in settings to measure it):

- `pages`: whole anonymous pages as sent (PAGE_CACHE_SECONDS, 0 = off);
- `fragments`: a list item's or search result's HTML per language (CACHE_FRAGMENTS);
- `values`: counts, ids of list queries, filter options... (always on);
- the per-worker memory in front of the shared cache (CACHE_WORKER_MEMORY).

Every key is built by `versions.key()`, so every key holds the content version
and a change is visible at once: the next request asks for new keys.

Every call to the shared cache goes through `shared`, which turns a cache that
does not answer into misses: the cache makes the site faster, never makes it
work. `versions` makes good a version bump lost while it was down.
"""
