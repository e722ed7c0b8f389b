"""Reading settings from the environment, loudly."""

import ipaddress
import os
import re

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

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


_NAMED_ADDRESS = re.compile(r"(?P<name>[^<>]*?)\s*<(?P<email>[^<>]*)>")


def env_admins(name):
    """`Name <email>,Name2 <email2>` (or bare addresses) as Django's ADMINS: [(name, email)].

    A name cannot hold a comma (it separates people). Anything that does not
    read as a person with a valid address is refused, naming it: a mistyped
    ADMINS would otherwise only show as error mails that never arrive.
    """
    admins = []
    for item in env_list(name, []):
        match = _NAMED_ADDRESS.fullmatch(item)
        person, email = (match["name"], match["email"].strip()) if match else ("", item)
        try:
            validate_email(email)
        except ValidationError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not `Name <email>` or an email address "
                "(separate people with commas)."
            ) from None
        admins.append((person or email, email))
    return admins


def env_networks(name, default):
    """Comma-separated IP addresses or CIDR networks, as ipaddress networks.

    A network with host bits set (10.0.0.1/8) is refused rather than guessed at.
    """
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item))
        except ValueError as error:
            raise ImproperlyConfigured(f"{name}: {error}.") from None
    return networks


def env_choice(name, default, choices):
    value = os.environ.get(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of {', '.join(choices)}.")
    return value


def env_secret(name, min_length):
    """A shared secret, or "" when unset; a short one is refused (it could be guessed)."""
    value = os.environ.get(name, "")
    if value and len(value) < min_length:
        raise ImproperlyConfigured(
            f"{name} must be at least {min_length} characters (e.g. `openssl rand -hex 32`)."
        )
    return value


def env_directory(name):
    """A directory (created if missing), or "" when unset."""
    value = os.environ.get(name, "")
    if value:
        try:
            os.makedirs(value, exist_ok=True)
        except OSError as error:
            raise ImproperlyConfigured(
                f"{name}: cannot use {value!r} as a directory: {error}."
            ) from None
    return value


def env_email(name, default):
    """An e-mail address, checked: a typo here would print a dead address on every page."""
    value = os.environ.get(name, default)
    try:
        validate_email(value)
    except ValidationError:
        raise ImproperlyConfigured(f"{name}={value!r} is not an e-mail address.") from None
    return value


def env_static_file(name, default, static_root):
    """A path under static/ (e.g. "img/emblem.svg") that names a file there."""
    value = os.environ.get(name, default)
    if not (static_root / value).is_file():
        raise ImproperlyConfigured(f"{name}={value!r} names no file in {static_root}.")
    return value


RATE_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"([0-9]+)/(second|minute|hour|day)")


def parse_rate(value):
    """ "120/minute" -> (120, 60); "0" or "" -> None (no limit). Raises ValueError."""
    value = value.strip()
    if value in ("", "0"):
        return None
    match = _RATE.fullmatch(value)
    if not match:
        raise ValueError(value)
    count = int(match[1])
    return (count, RATE_PERIODS[match[2]]) if count else None


def env_rate(name, default):
    """A rate such as 120/minute (requests per second, minute, hour or day); 0 or empty: none."""
    value = os.environ.get(name, default)
    try:
        parse_rate(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a rate: write e.g. 120/minute "
            "(per second, minute, hour or day), or 0 for no limit."
        ) from None
    return value.strip()


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
