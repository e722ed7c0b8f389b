"""The site's canonical origin (settings.SITE_URL) and absolute URLs built from it.

Every absolute URL the site writes (canonical and alternate links, og:url,
JSON-LD, sitemaps, robots.txt, the Atom feed, calendars) comes from here, never
from the request's Host header: pages are cached whole and shared by every
reader, so one request with `Host: evil.example` or `Host: site:6666` must not
decide the links everybody else is served.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri


def absolute_url(path):
    """`path` (starting with "/") on the canonical origin, as a URI (like build_absolute_uri)."""
    if not path.startswith("/"):
        raise ValueError(f"not a site path: {path!r}")
    return iri_to_uri(settings.SITE_URL + path)


def site_scheme():
    return urlsplit(settings.SITE_URL).scheme


def site_domain():
    """Host and port, as in a URL (what Django's sites framework calls the domain)."""
    return urlsplit(settings.SITE_URL).netloc


def site_hostname():
    return urlsplit(settings.SITE_URL).hostname


def canonical_site_url(value, name="SITE_URL"):
    """`value` checked and normalised: scheme and host (and port), no path; for settings."""
    from django.core.exceptions import ImproperlyConfigured

    parts = urlsplit(value.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise ImproperlyConfigured(
            f"{name}={value!r} must be an origin such as https://ssc.example.org "
            "(scheme and host, optionally a port, no path)."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"
