"""What the site knows about each kind of content, declared once, in the content's own app.

A content app lists its types in `<app>/content.py` and registers them from
its AppConfig.ready(). Registering connects the cache invalidation and the
edit history; everything else that serves all kinds of content reads the
declarations here and never names a model: the search types, the sitemaps,
the Editors and Publishers roles, the countries that have content and the
exchange format.
"""

from dataclasses import dataclass
from typing import Any

import simple_history
from django.db.models.signals import pre_save

from .caching.versions import watch
from .search.columns import SEARCH_COLUMNS
from .text_safety import strip_forbidden_characters


@dataclass(frozen=True)
class Search:
    """How a type takes part in the site search."""

    # The date that ranks newer items a little higher; a query matching very
    # many items ranks only the newest of them.
    recency: str
    # Translated fields, in order: the first non-empty one gives the snippet.
    snippet: tuple


@dataclass(frozen=True)
class ContentType:
    model: type
    # Plural, as readers see it (the search's type names).
    label: Any = ""
    search: Search | None = None
    # Its public items are pages listed in the sitemap.
    in_sitemap: bool = False
    # The lookup from an item to the countries it concerns, if any: a country
    # with a public item is a country with content.
    countries: str | None = None
    # What a public item needs loaded to build its URL (e.g. an event's observance).
    url_needs: tuple = ()
    # Many-to-many fields whose links the history keeps.
    history_m2m: tuple = ()
    # Rows edited with the item (an initiative's countries with their roles):
    # history, roles and cache invalidation treat them as part of it.
    parts: tuple = ()
    # Its section of the exchange format (sscportal.exchange_format.Section).
    exchange: Any = None
    # Reference data (countries, regions, goals): editors only view it, it has no history.
    reference: bool = False

    @property
    def name(self):
        return self.model._meta.model_name

    @property
    def publishable(self):
        """Has a draft/published state that only Publishers may change."""
        return hasattr(self.model, "status")

    @property
    def publish_permission(self):
        return f"publish_{self.name}"

    def public_items(self):
        """What readers may see, with what its URLs need."""
        items = self.model.objects.published() if self.publishable else self.model.objects.all()
        return items.select_related(*self.url_needs) if self.url_needs else items


_registered = []


def register(*types):
    """Declare content types: called once per app, from its AppConfig.ready()."""
    for content_type in types:
        if content_type.exchange is not None:
            content_type.exchange.bind(content_type.model)
        for model in (content_type.model, *content_type.parts):
            watch(model)
            # However a row is saved (admin, import, shell), no text the
            # feeds and sitemaps cannot carry is stored.
            pre_save.connect(
                strip_forbidden_characters,
                sender=model,
                dispatch_uid=f"xml-safe-{model._meta.label}",
            )
            if not content_type.reference:
                # After modeltranslation's fields exist (its app is ready
                # first), so each record keeps every language's columns.
                simple_history.register(
                    model,
                    m2m_fields=list(content_type.history_m2m)
                    if model is content_type.model
                    else [],
                    excluded_fields=[f for f in SEARCH_COLUMNS if hasattr(model, f)],
                )
        _registered.append(content_type)


def registered():
    return list(_registered)


def of(model):
    """The declaration of `model`'s type."""
    for content_type in _registered:
        if content_type.model is model:
            return content_type
    raise LookupError(f"{model.__name__} is not a registered content type")


def searchable():
    return {ct.name: ct for ct in _registered if ct.search}


def sections():
    """The sections a content file holds, in the order they may refer to each other."""
    return [ct.exchange for ct in _registered if ct.exchange and ct.exchange.in_files]


def section_named(name):
    for content_type in _registered:
        if content_type.exchange is not None and content_type.exchange.name == name:
            return content_type.exchange
    raise LookupError(f"no section {name!r}")
