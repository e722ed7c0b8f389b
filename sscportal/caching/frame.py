"""The page frame (header, menu, footer), rendered once per language and version.

Every page wears the same frame, and rendering it through the template engine
cost five times Django's own trivial view (issue 29, part 4): some thirty url,
static and translate tags, the owner's block, the footer's links. What varies
is small: the language, the menu's current section, and the site's own pages
the footer links to. So each part of the frame is kept, in this worker's
memory (no round trip at all), under those and the version of the areas it
shows; the few things that vary per page (title, canonical and alternate
links, the language switch, "last updated") stay outside the kept parts.

Kept like a worker's values (values.py): no longer than the shared cache
would keep them, not at all while the shared cache does not answer (the
versions are unknown) or when CACHE_FRAGMENTS or CACHE_WORKER_MEMORY is off,
and the memory is emptied when full. A change of settings (tests override
the owner's name) empties it too.
"""

import time

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.translation import get_language

from .values import language_part, lifetime
from .versions import page_version

_kept = {}  # (part, language, version, *vary): (html, monotonic time it expires)
LIMIT = 500


def _forget_all(**_kwargs):
    _kept.clear()


setting_changed.connect(_forget_all)


def frame_part(name, render, *, areas=(), vary=()):
    """The HTML of the frame's part `name`: kept, or `render()` and kept.

    `areas` are the content areas (model labels) the part shows, `vary` what
    else it depends on (the current section). The language is always part of
    the name.
    """
    if not (settings.CACHE_FRAGMENTS and settings.CACHE_WORKER_MEMORY):
        return render()
    version = page_version(areas)
    if version == "offline":
        return render()
    name = (name, language_part(get_language()), version, *vary)
    entry = _kept.get(name)
    now = time.monotonic()
    if entry is not None and entry[1] > now:
        return entry[0]
    html = render()
    if len(_kept) >= LIMIT:
        _kept.clear()
    _kept[name] = (html, now + lifetime())
    return html
