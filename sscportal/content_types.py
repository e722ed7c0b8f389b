"""What the site knows about each kind of content, declared once, in the content's own app.

A content app lists its types in `<app>/content.py` and registers them from
its AppConfig.ready(). Registering connects the cache invalidation and the
edit history; everything else that serves all kinds of content reads the
declarations here and never names a model: the search types and their
labels, the sitemaps, the main menu, the share images, the Editors and
Publishers roles, the countries that have content and the exchange format.
"""

from dataclasses import dataclass
from typing import Any

import simple_history
from django.db.models.signals import pre_save

from sscportal.caching import invalidation
from sscportal.search.columns import SEARCH_COLUMNS
from sscportal.search.links import watch_links
from sscportal.text.safety import strip_forbidden_characters
from sscportal.visibility import has_status, public


@dataclass(frozen=True)
class Search:
    """How a type takes part in the site search."""

    # The date that ranks newer items a little higher; a query matching very
    # many items ranks only the newest of them. None for the small tables of
    # names (countries, organizations...): every match is ranked.
    recency: str | None
    # Translated fields, in order: the first non-empty one gives the snippet.
    snippet: tuple = ()
    # The translated field a result shows as its title.
    title: str = "title"
    # What the item is linked to, whose names (every language) it is also
    # found by: (relation, (field, ...)) pairs, e.g. ("sdgs", ("name",)).
    # Kept in its `linked_names` column (sscportal.search.links).
    links: tuple = ()
    # Fields naming the thing itself (a country, an organization, a Day): a
    # query that is one of these names shows it first, as the best bet.
    names: tuple = ()


@dataclass(frozen=True)
class ContentType:
    model: type
    # As readers see it: one item (a search result's kind), several (the
    # search's type filter, the main menu, the share image's caption).
    singular: Any = ""
    label: Any = ""
    search: Search | None = None
    # Its public items are pages listed in the sitemap, in the section
    # /sitemap-<sitemap>.xml.
    sitemap: str | None = None
    # The URL name of its list page, if it has one; a list page is in the
    # sitemap's list pages.
    list_url: str | None = None
    # Its list page's place in the site's main menu (1 first), if it is there.
    menu: int | None = None
    # Pages under its list page's URL namespace get static/img/og/<kind>-<lang>.png
    # (make og-images draws it), others the site's image.
    share_image: bool = False
    # The lookup from an item to the countries it concerns, if any: a country
    # with a public item is a country with content.
    countries: str | None = None
    # Lookups from an item to the countries whose pages show it, for a type
    # whose changes renew only those pages (sscportal/caching/invalidation.py);
    # a country page depends on every other type as a whole.
    country_pages: tuple = ()
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
    def in_sitemap(self):
        return self.sitemap is not None

    @property
    def url_namespace(self):
        """The namespace of its pages' URL names ("statements" for statements:...)."""
        return self.list_url.split(":")[0] if self.list_url else None

    @property
    def publishable(self):
        """Has a draft/published state that only Publishers may change."""
        return has_status(self.model)

    @property
    def publish_permission(self):
        return f"publish_{self.name}"

    def public_items(self):
        """What readers may see, with what its URLs need."""
        items = public(self.model.objects)
        return items.select_related(*self.url_needs) if self.url_needs else items


_registered = []


def register(*types):
    """Declare content types: called once per app, from its AppConfig.ready()."""
    for content_type in types:
        if content_type.exchange is not None:
            content_type.exchange.bind(content_type.model)
        invalidation.watch(content_type)
        for model in (content_type.model, *content_type.parts):
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
        if content_type.search and content_type.search.links:
            watch_links(content_type.model, content_type.search.links)
        _registered.append(content_type)


def registered():
    return list(_registered)


_supporting = []


def register_supporting(*models):
    """Models editors keep that are no content type of their own (the media
    library's files): no page, section or history, but the Editors' permissions."""
    _supporting.extend(model for model in models if model not in _supporting)


def supporting():
    return list(_supporting)


def of(model):
    """The declaration of `model`'s type."""
    for content_type in _registered:
        if content_type.model is model:
            return content_type
    raise LookupError(f"{model.__name__} is not a registered content type")


def searchable():
    return {ct.name: ct for ct in _registered if ct.search}


def in_menu():
    """The types in the site's main menu, in its order."""
    return sorted((ct for ct in _registered if ct.menu), key=lambda ct: ct.menu)


def with_list_pages():
    return [ct for ct in _registered if ct.list_url]


def share_images():
    """{URL namespace: label} of the page kinds with a share image of their own."""
    return {ct.url_namespace: ct.label for ct in _registered if ct.share_image}


def sections():
    """The sections a content file holds, in the order they may refer to each other."""
    return [ct.exchange for ct in _registered if ct.exchange and ct.exchange.in_files]


def section_named(name):
    for content_type in _registered:
        if content_type.exchange is not None and content_type.exchange.name == name:
            return content_type.exchange
    raise LookupError(f"no section {name!r}")
