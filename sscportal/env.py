"""Reading settings from the environment, loudly."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false).")


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def client_address_settings(proxies):
    """django-axes' (django-ipware's) settings for `proxies` reverse proxies in front of the site.

    Each proxy appends to X-Forwarded-For the address it got the request from,
    so the entry the nearest proxy wrote is the rightmost, and anything to its
    left may be made up by the client. ipware's proxy count is the number of
    entries right of the client's: the proxies in front of the last one.
    With no proxy, X-Forwarded-For is the client's own invention: ignored.
    """
    if proxies <= 0:
        return {
            "AXES_IPWARE_PROXY_COUNT": None,
            "AXES_IPWARE_META_PRECEDENCE_ORDER": ["REMOTE_ADDR"],
        }
    return {
        "AXES_IPWARE_PROXY_COUNT": proxies - 1,
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR"],
        # Strict mode wants exactly that many entries, so a client sending an
        # X-Forwarded-For of its own would have no address at all (None).
        # Not strict, the entry counted from the right is taken, whatever the client added.
        "IPWARE_STRICT": False,
    }
