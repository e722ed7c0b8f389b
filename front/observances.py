"""Each year's Day and each event, with what other apps hold about them (statements)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from events.models import Event, Observance
from sscportal.caching.values import cached_count
from sscportal.errors import ExplainedHttp404
from sscportal.listing import paginate
from sscportal.view_helpers import PublishedOrStaffMixin
from statements.models import Statement

OBSERVANCE_EVENTS_PAGE = 50
OBSERVANCE_STATEMENTS = 20


class ObservanceDetailView(DetailView):
    template_name = "front/observance_detail.html"
    context_object_name = "observance"

    def get_object(self, queryset=None):
        return get_object_or_404(Observance, year=self.kwargs["year"])

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
        return context


class EventDetailView(PublishedOrStaffMixin, DetailView):
    model = Event
    template_name = "front/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return super().get_queryset().for_list().prefetch_related("organizers")

    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if event.year != self.kwargs["year"]:
            raise ExplainedHttp404(_("This event is listed under another year."))
        return event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().for_list().filter(event=self.object)
        return context
