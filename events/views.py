from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from sscportal.view_helpers import PublishedOrStaffMixin

from .models import Event, Observance


class ObservanceListView(ListView):
    model = Observance
    template_name = "events/observance_list.html"
    context_object_name = "observances"


class ObservanceDetailView(DetailView):
    template_name = "events/observance_detail.html"
    context_object_name = "observance"

    def get_object(self, queryset=None):
        return get_object_or_404(Observance, year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.published().for_list().order_by("starts_at")
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
            from django.http import Http404

            raise Http404("This event belongs to another year.")
        return event
