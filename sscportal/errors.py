"""Error pages that speak the reader's language and never need the database."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.template import loader

# Connection failures, not bad SQL: only these mean "the database is down".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


class ExplainedHttp404(Http404):
    """A 404 whose (translated) message is worth showing to the reader.

    Django's own 404 messages are for developers and English only, so the
    404 page shows only messages raised with this class.
    """


def _render(request, template_name, status, context=None):
    body = loader.render_to_string(template_name, context or {}, request)
    return HttpResponse(body, status=status)


def bad_request(request, exception):
    return _render(request, "400.html", 400)


def permission_denied(request, exception):
    return _render(request, "403.html", 403)


def page_not_found(request, exception):
    message = str(exception) if isinstance(exception, ExplainedHttp404) else ""
    return _render(request, "404.html", 404, {"message": message})


def server_error(request):
    # A database failure outside a view (in middleware, say) lands here too.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return _render(request, "500.html", 500)


def database_unavailable(request):
    response = _render(request, "503.html", 503)
    # Ask well-behaved clients and crawlers to come back shortly.
    response["Retry-After"] = "30"
    return response
