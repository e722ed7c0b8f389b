"""Answers for machines: the health check and the crawlers' rules."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse

from sscportal.caching import shared
from sscportal.site import absolute_url


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
