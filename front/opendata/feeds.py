"""The Atom feeds of the lists: /{lang}/<list>/feed/ takes the list page's filters.

A feed is its list's newest items (the list view's `public_items`, narrowed by
its `filter_form`), in the URL's language. What the W3C feed validator and
feed readers need, for every feed alike:

- an author for the feed (the site), so that no entry lacks one;
- every link on SITE_URL, never the request's Host: feeds are cached whole and
  served to everyone (sscportal/configuration/site.py);
- each entry dated: by its own date when it has one (a statement's delivery),
  else by when the site first published it (its history), never "now";
- `xml:lang` on an entry whose text is in the other language (a fallback).
"""

from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sscportal.configuration.site import absolute_url
from sscportal.models import Status
from sscportal.text.languages import shown
from sscportal.text.safety import strip_forbidden

from .links import filters_of

# Whole statements make a feed of 20 ~70 KB compressed: a reader polling from a
# slow connection should not pay for more.
FEED_LENGTH = 20


class AtomWithEntryLanguages(Atom1Feed):
    """Atom 1.0 whose entries say their language when it is not the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language") and item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


def first_published(model):
    """When each item was first saved as published (from its history), for an annotation."""
    history = model.history.model.objects.filter(id=OuterRef("pk"), status=Status.PUBLISHED)
    return Subquery(history.order_by("history_date").values("history_date")[:1])


class Selection:
    """What a feed request asked for: the items its filters select, and those filters."""

    def __init__(self, items, query):
        self.items, self.query = items, query


class ListFeed(Feed):
    """The feed of the list page `list_view` (a view with `filter_form`, `public_items`
    and `open_data`, the list's name); `kind` names its entries' ids."""

    feed_type = AtomWithEntryLanguages
    list_view = None
    # The URL name of the list page.
    list_url = None
    kind = None
    # The field holding what an entry shows of an item, in the first language that has it.
    summary_fields = ("summary",)
    author_name = _("South-South Cooperation")

    def get_object(self, request, *args, **kwargs):
        form = self.list_view.filter_form(request.GET)
        items = form.filter(self.list_view.public_items())
        return Selection(items, filters_of(form))

    def _on_site(self, url_name, selection):
        path = reverse(url_name)
        return absolute_url(f"{path}?{selection.query}" if selection.query else path)

    # Absolute already, so Django's Feed never adds the request's host.

    def link(self, selection):
        return self._on_site(self.list_url, selection)

    def feed_url(self, selection):
        return self._on_site(f"{self.list_view.open_data}:feed", selection)

    def author_link(self):
        return absolute_url(reverse("home"))

    @property
    def language(self):
        return get_language()

    def items(self, selection):
        model = selection.items.model
        items = selection.items.annotate(site_published=first_published(model))
        return items[:FEED_LENGTH]

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    # Saving strips characters XML forbids; rows stored before that still must
    # not break the whole feed, so they are stripped here too.

    def item_title(self, item):
        return strip_forbidden(shown(item, "title").text)

    def item_description(self, item):
        for field in self.summary_fields:
            text = shown(item, field)
            if text.text:
                return strip_forbidden(text.text)
        return ""

    def item_extra_kwargs(self, item):
        return {"language": shown(item, "title").lang}

    def item_date(self, item):
        """The item's own date and time, if it has one (None: when the site published it)."""
        return None

    def item_pubdate(self, item):
        published = item.site_published or item.created_at
        own = self.item_date(item)
        # Its own date, unless the site published it earlier (a statement put
        # online on the morning of the day it is delivered): never in the future.
        return min(own, published) if own else published

    def item_updateddate(self, item):
        return max(item.updated_at, self.item_pubdate(item))

    def item_guid(self, item):
        return f"tag:sscportal,2026:{self.kind}:{item.slug}:{get_language()}"

    def item_guid_is_permalink(self, item):
        return False
