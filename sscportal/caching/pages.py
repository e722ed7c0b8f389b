"""Whole pages for anonymous readers, per language and encoding, until content
changes; and what browsers and proxies are told about caching every page.

Use a cache shared by all workers in production (CACHE_URL=redis://... or
CACHE_URL=db); the default in-process cache is for one development process.
PAGE_CACHE_SECONDS = 0 switches it off (the HTTP headers stay). Hits and
misses are counted for /metrics (sscportal/operations/metrics.py).

HTTP caching, for every response this middleware sees:

- an anonymous page (cacheable type, no cookie set) is `public, max-age=60`
  with an ETag, and a request whose If-None-Match matches gets 304, from the
  page cache or from a fresh render alike;
- a request carrying a valid session (an editor, who may see drafts and
  previews) gets `private, no-store` on whatever it is answered, and is never
  served from or stored in the page cache. A session cookie that maps to no
  session (expired, forged, junk) counts as anonymous.

Which entry a request gets: the content versions of what its view shows
(`page_dependencies`, versions.py), its path, and the query parameters its view
declares (see `view_parameters`), each with its last value, empty ones left
out, in name order. The view of an anonymous request sees that cleaned query
and nothing else, so an entry is always the page of its key, whichever
request first rendered it. A parameter the view does not read
(`?utm_source=`, `?x=<random>`) is thus the canonical page, served from its
entry: unknown parameters cannot mint entries, nor make every request a
render. Parameters a view does read can take any value (a search's words, a
page number); PAGE_CACHE_VARIANTS_PER_PATH bounds how many entries one path
keeps per content version, beyond which a page is rendered and not kept (the
path's canonical entry is always kept).

A view that declares nothing gets its query string as sent, and its page is
kept only when there is none: with one, it is rendered and not kept
(`X-Page-Cache: bypass`). Keying it by the whole query would let anyone mint
entries; giving it a cleaned query could hide a parameter it reads. Declaring
(even `query_parameters = ()`) is what lets a query share the plain page.
"""

import functools
import gzip
import hashlib
from importlib import import_module

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe, urlencode
from django.utils.translation import get_language_from_path, override

from sscportal.operations import metrics

from . import shared, versions
from .invalidation import watched_areas
from .versions import COUNTRY_TAG, EVERY_COUNTRY, cache_available, key

CACHEABLE_TYPES = ("text/html", "application/atom+xml", "text/calendar", "application/xml")
# Private or per-user pages, and answers for machines that must be current, are never cached.
SKIPPED_PREFIXES = ("/en/admin/", "/ar/admin/", "/healthz", "/metrics")
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
# Entries one path may have beside its canonical one, per content version
# (settings.PAGE_CACHE_VARIANTS_PER_PATH): filter combinations, searches, pages.
DEFAULT_VARIANTS_PER_PATH = 1000


def with_query_parameters(view, *names):
    """`view` declaring that it reads the query parameters `names` (for function
    views one cannot give a `query_parameters` attribute, such as Django's own)."""

    @functools.wraps(view)
    def declared(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    declared.query_parameters = tuple(names)
    return declared


def never_page_cached(view):
    """`view`, whose answers the page cache neither looks up nor keeps: no round
    trip to the cache for an answer that is never stored (not HTML, say)."""
    view.page_cached = False
    return view


def _resolved(request):
    """The URL match of `request`'s path, or None when no view answers it."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with override(language):
            return resolve(request.path_info)
    except Resolver404:
        return None


def declared_parameters(request):
    """The query parameters the view answering `request` declares (view_parameters);
    None when it declares none, or no view answers its path (a 404, a redirect)."""
    match = _resolved(request)
    return None if match is None else view_parameters(match.func)


def page_dependencies(match):
    """(areas, tags) whose versions key the page of `match` (versions.py).

    Every watched area, less the models its view declares itself
    `independent_of`; with `country_code_kwarg`, the page of the country that
    URL argument names, renewed by changes tagged with that country.
    """
    view = getattr(match.func, "view_class", match.func) if match else None
    independent = {model._meta.label for model in getattr(view, "independent_of", ())}
    areas = watched_areas() - independent
    code_kwarg = getattr(view, "country_code_kwarg", None)
    if code_kwarg is None:
        return areas, ()
    code = str(match.kwargs.get(code_kwarg, "")).lower()
    return areas, (COUNTRY_TAG.format(code=code), EVERY_COUNTRY)


def view_parameters(view):
    """The query parameters `view` (as the URLconf holds it) reads, or None if it
    does not say: its `query_parameters` (a class-based view's attribute, a
    function's, a callable's), else its `filter_form`'s fields and `page`."""
    view = getattr(view, "view_class", view)
    names = getattr(view, "query_parameters", None)
    if names is not None:
        return tuple(names)
    form = getattr(view, "filter_form", None)
    if form is not None:
        return (*form.base_fields, "page")
    return None


def cleaned_query(query, names):
    """The query string of `query` (a QueryDict) reduced to `names`: each with its
    last value (as the view reads it), empty ones left out, in name order."""
    kept = []
    for name in sorted(set(names)):
        values = query.getlist(name)
        if values and values[-1] != "":
            kept.append((name, values[-1]))
    return urlencode(kept)


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
        match = _resolved(request)
        if match is not None and not getattr(match.func, "page_cached", True):
            # A view that says its answers are never kept (see `never_page_cached`).
            return self.get_response(request)
        names = None if match is None else view_parameters(match.func)
        if names is not None:
            self._clean_query(request, names)
        # A view that declares nothing: a query string of its own is not kept.
        bypass = names is None and bool(request.META.get("QUERY_STRING"))
        storing = settings.PAGE_CACHE_SECONDS > 0 and not bypass and cache_available()
        page_key = self._page_key(request, match) if storing else None
        cached = shared.get(page_key) if storing else None
        if cached is not None:
            # Pages stored before the route was kept with them have three parts.
            status, headers, content, *route = cached
            metrics.page_cache_hit(request, route[0] if route else "unknown")
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return self._conditional(request, response)
        response = self.get_response(request)
        if not self._public_response(response):
            return response
        if settings.PAGE_CACHE_SECONDS > 0:
            # A page the cache could have answered was rendered: a miss, also
            # while the shared cache does not answer (then nothing is stored).
            # Answers never cached (404s, redirects, robots.txt) are neither.
            metrics.page_cache_miss()
        response["ETag"] = self._etag(response)
        patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
        if bypass:
            response["X-Page-Cache"] = "bypass"
        elif storing and not self._variant_allowed(request):
            response["X-Page-Cache"] = "uncached"
        elif storing:
            headers = [(name, value) for name, value in response.items() if name in KEPT_HEADERS]
            shared.set(
                page_key,
                (response.status_code, headers, response.content, metrics.route_of(request)),
                settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return self._conditional(request, response)

    @staticmethod
    def _clean_query(request, names):
        """Leave the request only the query its view reads (see the module)."""
        query = cleaned_query(request.GET, names)
        if query != request.META.get("QUERY_STRING", ""):
            request.META["QUERY_STRING"] = query
            request.GET = QueryDict(query)

    @staticmethod
    def _variant_allowed(request):
        """False once the path has PAGE_CACHE_VARIANTS_PER_PATH entries besides its canonical one.

        Counted per path and content version in the shared cache (one counter a
        path, expiring with the pages), so every worker keeps to the same bound.
        """
        if not request.META.get("QUERY_STRING"):
            return True
        limit = getattr(settings, "PAGE_CACHE_VARIANTS_PER_PATH", DEFAULT_VARIANTS_PER_PATH)
        counter = key("page-variants", hashlib.sha256(request.path.encode()).hexdigest())
        shared.call("add", counter, 0, settings.PAGE_CACHE_SECONDS)
        try:
            count = shared.call("incr", counter)
        except ValueError:  # expired between the two calls: count it next time
            return False
        return count is not None and count <= limit

    @staticmethod
    def _page_key(request, match):
        # Hashed: paths may hold Arabic or spaces, which some cache backends refuse.
        # Host and scheme are not part of it: no page depends on them, every
        # absolute URL comes from SITE_URL (sscportal/configuration/site.py).
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        # Stored as sent: gzip-compressed for readers who accept it, plain otherwise.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "plain"
        return versions.page_key(*page_dependencies(match), encoding, path)

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
