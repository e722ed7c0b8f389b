"""Site-wide middleware: response headers Django has no setting for, and a
friendly 503 while the database is unreachable."""

import logging

from django.conf import settings

from .errors import DATABASE_UNAVAILABLE, database_unavailable

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with a page that needs no database when PostgreSQL is down.

    Django reconnects on the next request (CONN_HEALTH_CHECKS drops a dead
    persistent connection), so the site recovers by itself when the server
    returns: no worker restart.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.warning("database unavailable: %s", exception)
            return database_unavailable(request)
        return None
