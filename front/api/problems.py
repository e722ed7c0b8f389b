"""Errors of the API as problem details (RFC 9457): `application/problem+json` with
`type`, `title`, `status` and `detail`, and for a bad query string the parameters at fault.

Problems whose status says it all are `about:blank` with the status's phrase for
title; the two that carry more (`invalid_params`, a rate) have a type of their
own, a section of the API's docs page.
"""

import http
import json

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions

from sscportal.configuration.site import absolute_url
from sscportal.operations.errors import ExplainedHttp404

MEDIA_TYPE = "application/problem+json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def problem_type(name):
    """The address that explains a problem type: its section of /api/v1/docs/."""
    return absolute_url("/api/v1/docs/") + f"#{name}"


class InvalidParameters(exceptions.APIException):
    """Values the API cannot use, each with the parameter it was given for."""

    status_code = 400

    def __init__(self, invalid):
        # [(parameter name, reason)], in the order they were read.
        self.invalid = invalid
        super().__init__(", ".join(name for name, _reason in invalid))


def problem(status, detail, *, type_="about:blank", title=None, headers=None, **members):
    """A problem details response (members beyond the standard five are extensions)."""
    body = {
        "type": type_,
        "title": title or http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **members,
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        status=status,
        content_type=MEDIA_TYPE,
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def exception_handler(exc, context):
    """REST framework's EXCEPTION_HANDLER: every refusal as a problem; anything else
    (a bug) is left to Django, which logs it, mails it and answers 500."""
    if isinstance(exc, InvalidParameters):
        return problem(
            400,
            _("A query parameter has a value the API cannot use: %(names)s.")
            % {"names": ", ".join(name for name, _reason in exc.invalid)},
            type_=problem_type("invalid-parameters"),
            title=_("Invalid query parameters"),
            invalid_params=[{"name": name, "reason": str(reason)} for name, reason in exc.invalid],
        )
    if isinstance(exc, (Http404, exceptions.NotFound)):
        # Only an explained 404 has a message for readers (the others are for developers).
        if isinstance(exc, ExplainedHttp404):
            return problem(404, str(exc))
        return problem(404, _("The page you asked for does not exist, or is not public."))
    if isinstance(exc, exceptions.Throttled):
        seconds = int(exc.wait or 1)
        return problem(
            429,
            _("Too many requests from your address. Try again in %(seconds)s seconds.")
            % {"seconds": seconds},
            type_=problem_type("rate-limited"),
            title=_("Too many requests"),
            headers={"Retry-After": str(seconds)},
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return problem(
            405,
            _("The API only reads: ask with GET or HEAD."),
            headers={"Allow": ALLOWED_METHODS},
        )
    if isinstance(exc, exceptions.APIException):
        return problem(exc.status_code, str(exc.detail))
    return None
