"""The home page: the newest of everything, and how much there is."""

from django.utils import timezone
from django.views.generic import TemplateView

from events.models import Event
from initiatives.models import Initiative
from sscportal.caching.values import EVERY_LANGUAGE, cached_ids, until_content_changes
from statements.models import Statement

from .countries.views import countries_with_published_content
from .events.views import featured_day

HOME_ITEMS = 5


class HomeView(TemplateView):
    template_name = "front/home/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.published().for_list()
        # To the minute, so that the query, and so its cached result, stays the
        # same for a minute.
        now = timezone.now().replace(second=0, microsecond=0)
        upcoming = events.filter(starts_at__gte=now).order_by("starts_at", "slug")[:HOME_ITEMS]
        has_upcoming = bool(cached_ids(upcoming))
        context.update(
            # The coming Day, or the latest: the Day's page is where its year gathers.
            featured_day=featured_day(timezone.localdate()),
            today=timezone.localdate(),
            statements=Statement.objects.published().for_list()[:HOME_ITEMS],
            upcoming=has_upcoming,
            events=upcoming if has_upcoming else events.order_by("-starts_at", "slug")[:HOME_ITEMS],
            # The newest initiatives, in the public order its index serves.
            initiatives=Initiative.objects.published()
            .for_list()
            .order_by("-start_date", "slug")[:6],
            counts=until_content_changes("home-counts", _published_counts, language=EVERY_LANGUAGE),
        )
        return context


def _published_counts():
    return {
        "initiatives": Initiative.objects.published().count(),
        "countries": countries_with_published_content().count(),
        "events": Event.objects.published().count(),
        "statements": Statement.objects.published().count(),
    }
