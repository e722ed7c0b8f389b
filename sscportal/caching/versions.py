"""The content version: one number in the shared cache, in every cache key.

Saving or deleting any registered content (a publish included) bumps it, so
every cached page, fragment and value is replaced by new keys at once.
"""

import secrets
from contextvars import ContextVar

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "sscportal:content-version"

# The version as read once in the current request (OneVersionPerRequest gives
# each request an empty dict): a page asks for it many times, the cache once.
_this_request = ContextVar("content_version_this_request", default=None)


def _first_version():
    # Random, not 1: when the shared cache is emptied (a restart, a flush) the
    # new version must not repeat one whose values a worker still remembers.
    return secrets.randbits(48)


def content_version():
    memo = _this_request.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = cache.get_or_set(VERSION_KEY, _first_version, timeout=None)
    if memo is not None:
        memo["version"] = version
    return version


def key(kind, *parts):
    """The one key scheme: sscportal:<version>:<kind>:<parts...>."""
    return ":".join(["sscportal", str(content_version()), kind, *map(str, parts)])


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, _first_version(), timeout=None)
    memo = _this_request.get()
    if memo is not None:
        memo.clear()


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
