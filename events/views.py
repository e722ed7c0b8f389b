from django.apps import apps
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from sscportal.errors import ExplainedHttp404
from sscportal.listing import paginate
from sscportal.page_cache import cached_count
from sscportal.view_helpers import PublishedOrStaffMixin

from .models import Event, Observance

UPCOMING_LIMIT = 10
OBSERVANCE_EVENTS_PAGE = 50
OBSERVANCE_STATEMENTS = 20


class ObservanceListView(ListView):
    """Observances by year, newest first, after the events still to come."""

    template_name = "events/observance_list.html"
    context_object_name = "observances"

    def get_queryset(self):
        return Observance.objects.order_by("-year")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
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


class ObservanceDetailView(DetailView):
    template_name = "events/observance_detail.html"
    context_object_name = "observance"

    def get_object(self, queryset=None):
        return get_object_or_404(Observance, year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        # Statements build on events, not the reverse: look the model up by name.
        statement_model = apps.get_model("statements", "Statement")
        context = super().get_context_data(**kwargs)
        # Both lists are bounded: a year may have hundreds of events and statements.
        events = self.object.events.published().for_list().order_by("starts_at", "slug")
        context["page_obj"] = paginate(self.request, events, OBSERVANCE_EVENTS_PAGE)
        statements = statement_model.objects.published().filter(event__observance=self.object)
        context["statements"] = statements.for_list().order_by("-delivered_on", "slug")[
            :OBSERVANCE_STATEMENTS
        ]
        context["statement_count"] = cached_count(statements)
        context["more_statements"] = context["statement_count"] > OBSERVANCE_STATEMENTS
        return context


class EventDetailView(PublishedOrStaffMixin, DetailView):
    model = Event
    template_name = "events/event_detail.html"
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
        context["statements"] = self.object.statements.published().for_list()
        return context
