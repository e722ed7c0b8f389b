from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.generic import TemplateView

from events.models import Event
from initiatives.models import Initiative
from statements.models import Statement

from .country_views import countries_with_published_content
from .page_cache import cached_count

HOME_ITEMS = 5


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.published().for_list()
        upcoming = list(
            events.filter(starts_at__gte=timezone.now()).order_by("starts_at")[:HOME_ITEMS]
        )
        context.update(
            statements=Statement.objects.published().for_list()[:HOME_ITEMS],
            upcoming=bool(upcoming),
            events=upcoming or events.order_by("-starts_at")[:HOME_ITEMS],
            # The newest initiatives, in the public order its index serves.
            initiatives=Initiative.objects.published()
            .for_list()
            .order_by("-start_date", "slug")[:6],
            counts={
                "initiatives": cached_count(Initiative.objects.published()),
                "countries": cached_count(countries_with_published_content()),
                "events": cached_count(events),
                "statements": cached_count(Statement.objects.published()),
            },
        )
        return context


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /en/admin/",
        "Disallow: /ar/admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
