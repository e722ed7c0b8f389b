from django.utils import timezone
from django.views.generic import ListView

from sscportal.caching.values import until_content_changes

from .models import Event, Observance

UPCOMING_LIMIT = 10


class ObservanceListView(ListView):
    """Observances by year, newest first, after the events still to come."""

    template_name = "events/observance_list.html"
    context_object_name = "observances"

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
        f"featured-day:{today.isoformat()}", lambda: Observance.objects.featured(today)
    )
