from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.generic import TemplateView

from events.models import Event
from initiatives.models import Country, Initiative, InitiativeCountry
from statements.models import Statement

HOME_ITEMS = 5


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.published().for_list()
        upcoming = list(
            events.filter(starts_at__gte=timezone.now()).order_by("starts_at")[:HOME_ITEMS]
        )
        published_roles = InitiativeCountry.objects.filter(initiative__status="published")
        context.update(
            statements=Statement.objects.published().for_list()[:HOME_ITEMS],
            upcoming=bool(upcoming),
            events=upcoming or events.order_by("-starts_at")[:HOME_ITEMS],
            initiatives=Initiative.objects.published().for_list().order_by("-updated_at")[:6],
            counts={
                "initiatives": Initiative.objects.published().count(),
                "countries": Country.objects.filter(
                    pk__in=published_roles.values("country")
                ).count(),
                "events": events.count(),
                "statements": Statement.objects.published().count(),
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
