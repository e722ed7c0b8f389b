"""Error pages that speak the reader's language and never need the database.

Every error, the admin's sign-in lockout included, is one template
(templates/error.html) given its words here.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _

# Connection failures, not bad SQL: only these mean "the database is down".
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

# status: (title, heading, explanation, offer a link home)
PAGES = {
    400: (
        _("Bad request"),
        _("Bad request"),
        _("The address or the form you sent could not be understood."),
        True,
    ),
    403: (
        _("Access denied"),
        _("Access denied"),
        _("You do not have permission to see this page."),
        True,
    ),
    404: (
        _("Page not found"),
        _("Page not found"),
        _("The page you asked for does not exist, or is not public."),
        True,
    ),
    # django-axes answers a locked-out sign-in with 429 Too Many Requests.
    429: (
        _("Too many failed sign-in attempts"),
        _("Too many failed sign-in attempts"),
        _(
            "Sign-in is locked for this account from your address for a while. "
            "Please wait and try again, or ask an administrator."
        ),
        False,
    ),
    500: (
        _("Server error"),
        _("Something went wrong on our side"),
        _("The error has been logged. Please try again in a few minutes."),
        True,
    ),
    503: (
        _("Temporarily unavailable"),
        _("The site is temporarily unavailable"),
        _(
            "Our database cannot be reached at the moment. Nothing you saved is lost; "
            "please try again in a minute."
        ),
        False,
    ),
}


class ExplainedHttp404(Http404):
    """A 404 whose (translated) message is worth showing to the reader.

    Django's own 404 messages are for developers and English only, so the
    404 page shows only messages raised with this class.
    """


def error_page(request, status, message=""):
    title, heading, explanation, home_link = PAGES[status]
    context = {
        "title": title,
        "heading": heading,
        "explanation": explanation,
        "home_link": home_link,
        "message": message,
        # A reader who reached no page is offered a search and the main sections.
        "find_next": status == 404,
        # The footer of a 503 may lack its links (the database is down): not kept.
        "frame_uncacheable": status >= 500,
    }
    body = loader.render_to_string("error.html", context, request)
    return HttpResponse(body, status=status)


def bad_request(request, exception):
    return error_page(request, 400)


def permission_denied(request, exception):
    return error_page(request, 403)


def page_not_found(request, exception):
    message = str(exception) if isinstance(exception, ExplainedHttp404) else ""
    return error_page(request, 404, message)


def server_error(request):
    # A database failure outside a view (in middleware, say) lands here too.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable(request)
    return error_page(request, 500)


def database_unavailable(request):
    response = error_page(request, 503)
    # Ask well-behaved clients and crawlers to come back shortly.
    response["Retry-After"] = "30"
    return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in from a locked account and address."""
    return error_page(request, 429)
