"""Log lines an operator can read and grep: one format, and the request each came from.

Every line is `<UTC time> <LEVEL> <logger> [req=<id>] <message>`, e.g.

    2026-12-02T04:30:00.123Z WARNING django.security.DisallowedHost [req=3f2a...] Invalid ...

or, with LOG_FORMAT=json, one JSON object a line with the same fields. The
request id is the proxy's `X-Request-ID` when it looks like one, else made
here; it is sent back in the response's `X-Request-ID` and shown as `-` on
lines logged outside a request (start-up, management commands).
"""

import json
import logging
import re
import secrets
import time
from contextvars import ContextVar

from django.core.signals import request_finished
from django.dispatch import receiver

# What a proxy's id may look like: UUIDs, hex, base64 and the like, bounded.
# Anything else (a header a client made up to forge or garble log lines) is
# replaced by an id of our own.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:+/=@-]{1,128}")
NO_REQUEST = "-"

_request_id = ContextVar("request_id", default=NO_REQUEST)


def current_request_id():
    """The id of the request being served, or "-" outside a request."""
    return _request_id.get()


class RequestIdMiddleware:
    """First in MIDDLEWARE, so every line logged while serving a request carries its id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        # 32 hex digits, like nginx's $request_id (and a third of uuid4's cost).
        request_id = given if SANE_REQUEST_ID.fullmatch(given) else secrets.token_hex(16)
        request.request_id = request_id
        # Kept after the middleware returns: Django logs 4xx answers ("Not
        # Found: ...") and the dev server its request line after the whole
        # chain. Forgotten when the response is closed (below).
        _request_id.set(request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


@receiver(request_finished, dispatch_uid="sscportal.operations.logs.forget_request_id")
def forget_request_id(**kwargs):
    # A thread serves one request after another: what it logs in between
    # belongs to none of them.
    _request_id.set(NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id`; put on handlers, so records from any logger get it."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class DisallowedHostAsWarning(logging.Filter):
    """One warning line for a Host outside ALLOWED_HOSTS, without the traceback.

    Django logs it as an error with the whole traceback, and scanners send
    such requests all day: an error report and forty lines each. The request
    is answered 400 all the same; this only changes how it is logged. Put on
    the `django.security.DisallowedHost` logger itself, so every handler (and
    error mail, which takes errors only) sees the same lowered record.
    """

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        return True


class UTCFormatter(logging.Formatter):
    """Times as `2026-12-02T04:30:00.123Z`: ISO 8601, in UTC whatever the server's zone."""

    converter = time.gmtime
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"


class TextFormatter(UTCFormatter):
    """`2026-12-02T04:30:00.123Z LEVEL logger [req=id] message`."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s [req=%(request_id)s] %(message)s")

    def format(self, record):
        # A record that did not pass through a handler with RequestIdFilter
        # (a handler configured elsewhere) still formats.
        if not hasattr(record, "request_id"):
            record.request_id = NO_REQUEST
        return super().format(record)


class JSONFormatter(UTCFormatter):
    """One JSON object a line: time, level, logger, request_id, message (and exception)."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", NO_REQUEST),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)
