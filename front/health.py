"""Answers for machines: the health check, the operators' metrics and the crawlers' rules."""

from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from sscportal.caching import shared
from sscportal.configuration.site import absolute_url
from sscportal.operations import metrics as counters


def healthz(request):
    """The database's and the shared cache's state, for load balancers and monitoring.

    Only the database decides the status code. Without the cache every page
    still renders from the database (slower), so a load balancer must keep
    sending readers: a 503 here would take every instance out of rotation at
    once and turn a slow site into no site. The cache's state is in the body
    ("cache": "unavailable", "status": "degraded") for monitoring to alert on.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy"
        return JsonResponse(
            {"status": "error", "database": "unavailable", "cache": shared.state()}, status=503
        )
    cache = shared.state()
    return JsonResponse(
        {"status": "ok" if cache == "ok" else "degraded", "database": "ok", "cache": cache}
    )


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /en/admin/",
        "Disallow: /ar/admin/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@csrf_exempt  # a POST is refused like any other stranger, not with a CSRF page
def metrics(request):
    """Prometheus' scrape, for METRICS_ALLOW addresses or METRICS_TOKEN only; else the 404."""
    if request.method not in ("GET", "HEAD") or not counters.scraper_allowed(request):
        raise Http404
    response = HttpResponse(counters.exposition(), content_type=counters.CONTENT_TYPE)
    response["Cache-Control"] = "no-store"
    return response
