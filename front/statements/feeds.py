"""/{lang}/statements/feed/: the statements list's feed, with its filters."""

import datetime

from django.utils.translation import gettext_lazy as _

from people.models import shown_name
from sscportal.text.languages import shown
from sscportal.text.safety import strip_forbidden

from ..opendata.feeds import ListFeed
from .views import StatementListView


class StatementFeed(ListFeed):
    """Published statements, newest first, in the language of the URL."""

    list_view = StatementListView
    list_url = "statements:statement_list"
    kind = "statement"
    title = _("Statements on South-South cooperation")
    subtitle = _("Official messages, speeches and statements, newest first.")
    # Bodies are sanitized HTML; the feed escapes them as Atom content.
    summary_fields = ("body",)

    def item_author_name(self, item):
        if item.is_news_report:
            # The reporter wrote it (or the outlet, unsigned), not the speaker.
            return strip_forbidden(item.byline or shown(item, "outlet").text) or None
        return strip_forbidden(shown_name(item, "person", "speaker").text) or None

    def item_date(self, item):
        # Delivered on a day, at a time the record does not give: noon UTC.
        return datetime.datetime.combine(item.delivered_on, datetime.time(12), datetime.UTC)
