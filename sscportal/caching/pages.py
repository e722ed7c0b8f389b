"""Whole pages for anonymous readers, per language and encoding, until content
changes; and what browsers and proxies are told about caching every page.

Use a cache shared by all workers in production (CACHE_URL=redis://... or
CACHE_URL=db); the default in-process cache is for one development process.
PAGE_CACHE_SECONDS = 0 switches it off (the HTTP headers stay).

HTTP caching, for every response this middleware sees:

- an anonymous page (cacheable type, no cookie set) is `public, max-age=60`
  with an ETag, and a request whose If-None-Match matches gets 304, from the
  page cache or from a fresh render alike;
- a request carrying a valid session (an editor, who may see drafts and
  previews) gets `private, no-store` on whatever it is answered, and is never
  served from or stored in the page cache. A session cookie that maps to no
  session (expired, forged, junk) counts as anonymous.
"""

import gzip
import hashlib
from importlib import import_module

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from . import shared
from .versions import cache_available, key

CACHEABLE_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml")
# Private or per-user pages are never cached.
SKIPPED_PREFIXES = ("/en/admin/", "/ar/admin/", "/healthz")
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Content-Encoding",
    "Vary",
    "ETag",
    "Last-Modified",  # the feed's and the sitemaps' own
    "Cache-Control",
)
# How long a browser or proxy may reuse a page without asking. Our own cache
# drops a page the moment content changes, but nobody can tell a browser that:
# a withdrawn or corrected text may be shown this long after the change. A
# minute still absorbs the repeats that matter (back and forward, reloads,
# a proxy in front of a burst of readers); after it, the ETag makes asking
# again cost a 304 without a body.
BROWSER_MAX_AGE = 60


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A Host outside ALLOWED_HOSTS is refused (400) before a cached page
        # could answer it; later middleware would only check it on a miss.
        request.get_host()
        if self._has_session(request):
            response = self.get_response(request)
            # An editor may see drafts and previews: nothing of theirs is kept anywhere.
            patch_cache_control(response, private=True, no_store=True)
            return response
        if not self._anonymous_page_request(request):
            return self.get_response(request)
        storing = settings.PAGE_CACHE_SECONDS > 0 and cache_available()
        page_key = self._page_key(request) if storing else None
        cached = shared.get(page_key) if storing else None
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return self._conditional(request, response)
        response = self.get_response(request)
        if not self._public_response(response):
            return response
        response["ETag"] = self._etag(response)
        patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
        if storing:
            headers = [(name, value) for name, value in response.items() if name in KEPT_HEADERS]
            shared.set(
                page_key,
                (response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return self._conditional(request, response)

    @staticmethod
    def _page_key(request):
        # Hashed: paths may hold Arabic or spaces, which some cache backends refuse.
        # Host and scheme are not part of it: no page depends on them, every
        # absolute URL comes from SITE_URL (sscportal/site.py).
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # Stored as sent: gzip-compressed for readers who accept it, plain otherwise.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "plain"
        return key("page", encoding, path)

    @staticmethod
    def _etag(response):
        """A strong validator: a digest of the page as rendered, per encoding.

        The digest of the bytes, not the content version: a deploy (new
        templates) or a date-dependent part ("upcoming events") changes a page
        without changing content, and a version-based tag would then keep
        answering 304 with the old page. Computed once per render; a cache hit
        replays the stored tag. The compressed bytes carry random padding
        (Django's BREACH mitigation), so the uncompressed ones are digested.
        """
        body, suffix = response.content, ""
        if response.get("Content-Encoding") == "gzip":
            body, suffix = gzip.decompress(body), "-gzip"
        return f'"{hashlib.sha256(body).hexdigest()[:32]}{suffix}"'

    @staticmethod
    def _conditional(request, response):
        """304 Not Modified when the reader already has this page (If-None-Match,
        or If-Modified-Since where the view gave a Last-Modified)."""
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        conditional = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=last_modified, response=response
        )
        return response if conditional is None else conditional

    @staticmethod
    def _has_session(request):
        """True when the session cookie names a live session (one database lookup).

        Checked here, before the page cache: a junk `sessionid` cookie must
        neither bypass the cache (anyone could make every request a full
        render) nor be taken for an editor.
        """
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key:
            return False
        store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
        if store.session_key is None:  # not even the form of a session key
            return False
        try:
            return bool(store.load())  # {} for a missing, expired or tampered session
        except DatabaseError:
            # The database is down: public pages only, whoever asks.
            return False

    @staticmethod
    def _anonymous_page_request(request):
        return request.method in ("GET", "HEAD") and not request.path.startswith(SKIPPED_PREFIXES)

    @staticmethod
    def _public_response(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )
