"""/{lang}/events/feed/: the events, latest first, with the events' filters (a Day's,
a host country's, an organizer's)."""

from django.utils.translation import gettext_lazy as _

from ..opendata.feeds import ListFeed
from .views import ObservanceListView


class EventFeed(ListFeed):
    list_view = ObservanceListView
    list_url = "events:observance_list"
    kind = "event"
    title = _("Events of South-South cooperation")
    subtitle = _("Events on and around the United Nations Day for South-South Cooperation.")
    summary_fields = ("description", "venue")
