"""The list of Days, each year's Day and each event, with what other apps hold about
them (statements, resources, the background pages)."""

from django.db.models import F, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from events.filters import EventFilterForm
from events.models import Event, Observance
from initiatives.models import Organization
from pages.models import Page
from resources.models import Resource
from sscportal.caching.values import EVERY_LANGUAGE, cached_count, until_content_changes
from sscportal.operations.errors import ExplainedHttp404
from sscportal.reader_toolkit.listing import paginate
from sscportal.reader_toolkit.mixins import PublishedOrStaffMixin
from sscportal.text.languages import every_language
from sscportal.visibility import public_prefetch
from statements.models import Statement

from ..opendata.links import OpenDataLinksMixin, feed

UPCOMING_LIMIT = 10
OBSERVANCE_EVENTS_PAGE = 50
OBSERVANCE_STATEMENTS = 20
OBSERVANCE_RESOURCES = 20
# The page about the Day: the hub of every year links it and the pages under it.
BACKGROUND_PAGE = "about-the-day"


class ObservanceListView(OpenDataLinksMixin, ListView):
    """Observances by year, newest first, after the events still to come."""

    template_name = "front/events/observance_list.html"
    context_object_name = "observances"
    # The list of events is the list of Days; its download, feed and API list
    # every event and take these filters (a Day's, a host country's, an organizer's).
    filter_form = EventFilterForm
    open_data = "events"

    @staticmethod
    def public_items():
        """Every published event, latest first."""
        return Event.objects.published().order_by("-starts_at", "slug")

    def get_queryset(self):
        return Observance.objects.published().order_by("-year")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        context["featured"] = featured_day(context["today"])
        context["upcoming"] = (
            Event.objects.published()
            .for_list()
            .filter(starts_at__gte=timezone.now())
            .order_by("starts_at")[:UPCOMING_LIMIT]
        )
        context["recent"] = (
            Event.objects.published()
            .for_list()
            .filter(starts_at__lt=timezone.now())[:UPCOMING_LIMIT]
        )
        return context


def featured_day(today):
    """The coming Day, else the latest, kept until content changes (or the day does)."""
    return until_content_changes(
        f"featured-day:{today.isoformat()}",
        lambda: Observance.objects.featured(today),
        language=EVERY_LANGUAGE,  # the Day itself: its page says it in the reader's language
    )


class ObservanceDetailView(DetailView):
    template_name = "front/events/observance_detail.html"
    context_object_name = "observance"
    query_parameters = ("page",)  # its events are paginated

    def get_object(self, queryset=None):
        observances = Observance.objects.select_related("banner")
        if not self.request.user.is_staff:
            observances = observances.published()
        return get_object_or_404(observances, year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Both lists are bounded: a year may have hundreds of events and statements.
        events = self.object.events.published().for_list().order_by("starts_at", "slug")
        context["page_obj"] = paginate(self.request, events, OBSERVANCE_EVENTS_PAGE)
        # The Day's messages: made for the Day itself or at one of its events.
        statements = Statement.objects.published().of_observance(self.object)
        context["statements"] = statements.for_list().order_by("-delivered_on", "slug")[
            :OBSERVANCE_STATEMENTS
        ]
        context["statement_count"] = cached_count(statements)
        context["more_statements"] = context["statement_count"] > OBSERVANCE_STATEMENTS
        # "Launched" only where they were: at one of its events (Resource.event);
        # the others made for the Day are its resources, not launches.
        resources = Resource.objects.published().for_list().in_public_order()
        context["launched"] = resources.filter(event__observance=self.object)[:OBSERVANCE_RESOURCES]
        context["resources"] = resources.filter(observance=self.object).exclude(
            event__observance=self.object
        )[:OBSERVANCE_RESOURCES]
        context["background"] = (
            Page.objects.published()
            .filter(Q(slug=BACKGROUND_PAGE) | Q(parent__slug=BACKGROUND_PAGE))
            .order_by(F("parent_id").asc(nulls_first=True), "order", "slug")
            .only("slug", *every_language("title"), "parent_id")
        )
        context["feeds"] = [
            feed("statements", _("Statements"), observance=self.object.year),
            feed("events", _("Events"), observance=self.object.year),
        ]
        # The Day and its events, to subscribe to; a draft Day (seen by staff) has none yet.
        if self.object.is_published:
            context["calendar_url"] = reverse("events:observance_calendar", args=[self.object.year])
        context["section"] = "events"
        return context


class EventYearView(TemplateView):
    """/events/<year>/ for a year without a Day: its events, so that the year in
    an event's address is never a dead end."""

    template_name = "front/events/year_detail.html"
    query_parameters = ("page",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        events = (
            Event.objects.published().without_day_in(year).for_list().order_by("starts_at", "slug")
        )
        context["page_obj"] = paginate(self.request, events, OBSERVANCE_EVENTS_PAGE)
        if not context["page_obj"].paginator.count:
            raise ExplainedHttp404(_("No event is recorded for this year."))
        context["year"] = year
        context["section"] = "events"
        return context


def year_page(request, year):
    """The year's Day when there is one, else the year's events. A Day still in
    draft keeps its address to itself (a 404 to readers), events and all."""
    if Observance.objects.filter(year=year).exists():
        return ObservanceDetailView.as_view()(request, year=year)
    return EventYearView.as_view()(request, year=year)


class EventDetailView(PublishedOrStaffMixin, DetailView):
    model = Event
    template_name = "front/events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_list()
            .prefetch_related(
                public_prefetch("organizers", Organization.objects),
                "speakers__organization",
                "speakers__person",
                "files__document",
            )
        )

    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if event.year != self.kwargs["year"]:
            raise ExplainedHttp404(_("This event is listed under another year."))
        return event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().for_list().filter(event=self.object)
        context["resources"] = (
            Resource.objects.published().in_public_order().filter(event=self.object)
        )
        return context
