"""Each year's Day and each event, with what other apps hold about them (statements,
resources, the background pages)."""

from django.db.models import F, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from events.models import Event, Observance
from pages.models import Page
from resources.models import Resource
from sscportal.caching.values import cached_count
from sscportal.errors import ExplainedHttp404
from sscportal.listing import paginate
from sscportal.view_helpers import PublishedOrStaffMixin
from statements.models import Statement

OBSERVANCE_EVENTS_PAGE = 50
OBSERVANCE_STATEMENTS = 20
OBSERVANCE_RESOURCES = 20
# The page about the Day: the hub of every year links it and the pages under it.
BACKGROUND_PAGE = "about-the-day"


class ObservanceDetailView(DetailView):
    template_name = "front/observance_detail.html"
    context_object_name = "observance"

    def get_object(self, queryset=None):
        observances = Observance.objects.all()
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
        # Launched for the Day, or at one of its events.
        context["resources"] = (
            Resource.objects.published()
            .for_list()
            .in_public_order()
            .filter(Q(observance=self.object) | Q(event__observance=self.object))[
                :OBSERVANCE_RESOURCES
            ]
        )
        context["background"] = (
            Page.objects.published()
            .filter(Q(slug=BACKGROUND_PAGE) | Q(parent__slug=BACKGROUND_PAGE))
            .order_by(F("parent_id").asc(nulls_first=True), "order", "slug")
            .only("slug", "title_en", "title_ar", "parent_id")
        )
        context["section"] = "events"
        return context


class EventDetailView(PublishedOrStaffMixin, DetailView):
    model = Event
    template_name = "front/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_list()
            .prefetch_related("organizers", "speakers__organization")
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
