"""Errors reported to Sentry when SENTRY_DSN is set and sentry-sdk (the `sentry` extra) is installed.

Started from the settings, as sentry-sdk asks, so it sees Django start. Its
Django integration reports unhandled exceptions (and error log records);
each event is tagged with the request's id, as in the log lines and the
response's `X-Request-ID`, so an event leads to its log lines.
"""

from .logs import NO_REQUEST, current_request_id

# Whether start_sentry() found sentry-sdk: the app's ready() says so once logging is set up.
started = False


def start_sentry(dsn):
    global started
    try:
        import sentry_sdk
    except ImportError:
        return
    # No personal data (addresses, cookies, user names) unless asked, and no
    # performance tracing: errors only.
    sentry_sdk.init(dsn=dsn, send_default_pii=False, before_send=_tag_request_id)
    started = True


def _tag_request_id(event, hint):
    request_id = current_request_id()
    if request_id != NO_REQUEST:
        event.setdefault("tags", {})["request_id"] = request_id
    return event
