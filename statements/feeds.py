import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sscportal.bilingual import shown
from sscportal.site import absolute_url
from sscportal.text_safety import strip_forbidden

from .models import Statement

# Whole statements, so a feed of 20 is already ~70 KB compressed: a reader
# polling from a slow connection should not pay for more.
FEED_LENGTH = 20


class StatementFeed(Feed):
    """Published statements, newest first, in the language of the URL."""

    feed_type = Atom1Feed
    title = _("Statements on South-South cooperation")
    subtitle = _("Official messages, speeches and statements, newest first.")

    # Absolute already, so Django's Feed never adds the request's host.
    def link(self):
        return absolute_url(reverse("statements:statement_list"))

    def feed_url(self):
        return absolute_url(reverse("statements:feed"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    @property
    def language(self):
        return get_language()

    def items(self):
        # Entries need the statement's own fields only (no event, no organization).
        return Statement.objects.published().order_by("-delivered_on", "slug")[:FEED_LENGTH]

    # Saving strips characters XML forbids; rows stored before that still
    # must not break the whole feed, so they are stripped here too.

    def item_title(self, item):
        return strip_forbidden(shown(item, "title").text)

    def item_description(self, item):
        # Bodies are sanitized HTML; the feed escapes them as Atom content.
        return strip_forbidden(shown(item, "body").text)

    def item_author_name(self, item):
        if item.is_news_report:
            # The reporter wrote it (or the outlet, unsigned), not the speaker.
            return strip_forbidden(item.byline or shown(item, "outlet").text) or None
        return strip_forbidden(shown(item, "speaker").text) or None

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.delivered_on, datetime.time(12), datetime.UTC)

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"tag:sscportal,2026:statement:{item.slug}:{get_language()}"

    def item_guid_is_permalink(self, item):
        return False
