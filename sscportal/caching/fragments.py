"""Rendered pieces of pages (list items, search results), cached per language
and content version.

Most of a list page's cost is rendering its twenty items through the template
engine. An item's HTML depends only on the item, the language and the rest of
the content (names of countries and goals), so, like a whole page, it is kept
until content changes. Switched off with CACHE_FRAGMENTS = False.

HTML is always in a language (its labels, dates, direction), so a fragment is
always named with one: `fragment_key(kind, *parts, language=...)` takes a
language code and refuses EVERY_LANGUAGE.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import override

from .values import EVERY_LANGUAGE, cached_ids, get_many, language_part, set_many
from .versions import cache_available, key


def _html_language(language):
    if language is EVERY_LANGUAGE:
        raise ValueError("a fragment is HTML in one language: pass its language code")
    return language_part(language)


def fragment_key(kind, *parts, language):
    """The versioned key of a piece of HTML: `kind` ("item", "result"), what tells it
    apart (`parts`), and the language it is rendered in (a code: never EVERY_LANGUAGE)."""
    return key(kind, _html_language(language), *parts)


def render_missing(names, render):
    """{name: HTML} for the versioned keys `names`.

    `render(missing)` renders, in one go, those not cached and returns {name: HTML}.
    """
    if not settings.CACHE_FRAGMENTS or not cache_available():
        return render(names)
    found = get_many(names)
    missing = [name for name in names if name not in found]
    if missing:
        fresh = render(missing)
        set_many(fresh)
        found.update(fresh)
    return found


def rendered_items(items, template_name, request=None, *, language, **options):
    """The HTML of `items` (a queryset, sliced or not, or a list), in order.

    Each item is rendered with `template_name`, which sees it under its model's
    name (`initiative`, `event`, `statement`) and sees `options` (e.g. heading=2).
    `language` is the one the items are rendered in (the active one: the caller
    says so, `get_language()`), and names their HTML.
    A queryset whose items are all cached is never run: only its ids are asked
    for, and they too are cached until content changes (for every language:
    see `cached_ids`).
    """
    _html_language(language)  # checked even while nothing is cached: a wrong call fails in tests
    caching = settings.CACHE_FRAGMENTS and cache_available()
    lazy = caching and isinstance(items, QuerySet) and items._result_cache is None
    objects = None if lazy else list(items)

    def load():
        # The full query gives the items and their ids; it decides the order
        # (rows tied in the ordering may come back in another order than the
        # ids query's).
        nonlocal objects
        objects = list(items)
        return [item.pk for item in objects]

    # Ids not cached (after a content change): the items will be rendered too,
    # so the full query runs once instead of an ids query and then the full one.
    pks = cached_ids(items, load) if lazy else [item.pk for item in objects]
    if not pks:
        return ""
    settings_part = ",".join(f"{name}={value}" for name, value in sorted(options.items()))

    def item_key(pk):
        return fragment_key("item", template_name, settings_part, pk, language=language)

    def render(missing):
        nonlocal pks
        if objects is None:
            pks = load()
        template = get_template(template_name)
        wanted = set(missing)
        with override(language):  # the language their keys name, whatever is active
            return {
                item_key(item.pk): template.render(
                    {item._meta.model_name: item, **options}, request
                )
                for item in objects
                if item_key(item.pk) in wanted
            }

    found = render_missing([item_key(pk) for pk in pks], render)
    # Every part was rendered by the template engine, which escaped it.
    return mark_safe("".join(found[item_key(pk)] for pk in pks))  # noqa: S308
