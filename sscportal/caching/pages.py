"""Whole pages for anonymous readers, per language and encoding, until content changes.

Use a cache shared by all workers in production (CACHE_URL=redis://... or
CACHE_URL=db); the default in-process cache is for one development process.
PAGE_CACHE_SECONDS = 0 switches it off.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .versions import key

CACHEABLE_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml")
# Private or per-user pages are never cached.
SKIPPED_PREFIXES = ("/en/admin/", "/ar/admin/", "/healthz")
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Content-Encoding",
    "Vary",
)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        # Hashed: paths may hold Arabic or spaces, which some cache backends refuse.
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # Stored as sent: gzip-compressed for readers who accept it, plain otherwise.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "plain"
        page_key = key("page", encoding, path)
        cached = cache.get(page_key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            headers = [(name, value) for name, value in response.items() if name in KEPT_HEADERS]
            cache.set(
                page_key,
                (response.status_code, headers, response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            # A session (a logged-in editor) may see drafts: never serve or store it.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )
