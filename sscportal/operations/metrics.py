"""Counters for operators, served at /metrics in Prometheus' text format.

- requests by route, method and status class, with their latency;
- page-cache hits and misses (hit ratio = hits / (hits + misses));
- content imports that succeeded or failed, and admin saves per content type.

A route is the URL pattern's name (`statements:statement_detail`), never the
path, so there are as many label values as patterns whatever is requested:
paths no pattern matches are all `unmatched`, static files `static`.

With several gunicorn workers each process counts its own; set
PROMETHEUS_MULTIPROC_DIR (a directory emptied when the server starts) and
every process writes its counts there, and /metrics adds them all up. A
management command run with the same variable counts too (`import_content`).
Without it the counts are this process's only.

/metrics answers only addresses in METRICS_ALLOW (loopback by default) or a
request with `Authorization: Bearer <METRICS_TOKEN>`; anyone else gets the
site's 404, as for any address that does not exist. Behind
AXES_IPWARE_PROXY_COUNT proxies the client address is read from
X-Forwarded-For as django-axes reads it, so readers through a proxy on the
same machine are not loopback; a scraper on the machine talking to gunicorn
directly (no such header) is its own peer address.
"""

import functools
import hmac
import ipaddress
import logging
import os
import time
from contextlib import contextmanager

import prometheus_client.values
from django.conf import settings
from django.db import transaction
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from prometheus_client.mmap_dict import _INITIAL_MMAP_SIZE, MmapedDict

from .client_address import client_address

logger = logging.getLogger(__name__)


class AllocatedMmapedDict(MmapedDict):
    """prometheus_client's file of one process's counts, its blocks allocated before use.

    The library maps a sparse file (truncate) and writes into the map: on a
    full disk the first write to a page without a block kills the process
    (SIGBUS), and every gunicorn worker started to replace it dies the same
    way. Allocating the blocks first (posix_fallocate) turns a full disk into
    an OSError where the file is made or grown, which `safely` drops.
    """

    def __init__(self, filename, read_mode=False):
        if not read_mode:
            with open(filename, "a+b") as handle:
                size = os.fstat(handle.fileno()).st_size
                os.posix_fallocate(handle.fileno(), 0, max(size, _INITIAL_MMAP_SIZE))
        super().__init__(filename, read_mode)

    def _init_value(self, key):
        encoded = key.encode("utf-8")
        # As the library sizes an entry: the key padded to 8 bytes, two doubles.
        needed = self._used + 4 + len(encoded) + (8 - (len(encoded) + 4) % 8) + 16
        capacity = self._capacity
        while needed > capacity:
            capacity *= 2
        if capacity != self._capacity:
            os.posix_fallocate(self._f.fileno(), 0, capacity)
        super()._init_value(key)


# The class MultiProcessValue makes each process's files with.
prometheus_client.values.MmapedDict = AllocatedMmapedDict

_dropped = {"logged_at": None}


def safely(count, *args):
    """count(*args), or nothing when the count cannot be stored (its file could not be
    made or grown: the metrics folder's disk is full). Counting never fails a request."""
    try:
        count(*args)
    except Exception as error:  # noqa: BLE001 - a lost count, never a lost answer
        now = time.monotonic()
        if _dropped["logged_at"] is None or now - _dropped["logged_at"] > 60:
            _dropped["logged_at"] = now
            logger.warning("a count could not be stored, and is dropped: %s", error)


# No `_created` timestamp series: they double the output, and the
# multiprocess collector has none, so both modes now read alike.
disable_created_metrics()

# Methods a browser, crawler or API client sends; anything else is one label value.
METHODS = frozenset(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
STATUS_CLASSES = {1: "1xx", 2: "2xx", 3: "3xx", 4: "4xx", 5: "5xx"}
# From a cached page (a millisecond) to a cold list page at 100,000 items.
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)

REQUESTS = Counter(
    "sscportal_http_requests",
    "Requests answered, by URL pattern, method and status class.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "sscportal_http_request_duration_seconds",
    "Time from the first middleware to the response, by URL pattern, method and status class.",
    ["route", "method", "status"],
    buckets=LATENCY_BUCKETS,
)
PAGE_CACHE = Counter(
    "sscportal_page_cache_requests",
    "Anonymous page requests the page cache answered (hit) or did not (miss).",
    ["result"],
)
IMPORTS = Counter(
    "sscportal_content_imports",
    "Content imports (import_content), by outcome: ok, or failed (nothing changed).",
    ["outcome"],
)
ADMIN_SAVES = Counter(
    "sscportal_admin_saves",
    "Saves committed through the admin, by content type (app.model) and action (add, change).",
    ["content_type", "action"],
)


class MetricsMiddleware:
    """Counts and times every request. Second in MIDDLEWARE, so page-cache
    hits and static files are counted too (they never reach a view)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.static_prefix = settings.STATIC_URL

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        method = request.method if request.method in METHODS else "other"
        labels = (
            self._route(request),
            method,
            STATUS_CLASSES.get(response.status_code // 100, "other"),
        )
        safely(self._count, labels, elapsed)
        return response

    @staticmethod
    def _count(labels, elapsed):
        count, latency = _request_series(labels)
        count.inc()
        latency.observe(elapsed)

    def _route(self, request):
        route = getattr(request, "metrics_route", None)
        if route is not None:
            return route
        return route_of(request) or (
            "static" if request.path.startswith(self.static_prefix) else "unmatched"
        )


@functools.cache
def _request_series(labels):
    """The counter and histogram of one (route, method, status class).

    Kept, so a request costs two additions, not two label lookups. Bounded
    like the labels: a few hundred routes, methods and classes at most.
    """
    return REQUESTS.labels(*labels), LATENCY.labels(*labels)


def route_of(request):
    """The name of the URL pattern that answered `request`, or None before URL resolution."""
    match = request.resolver_match
    # view_name: namespaces and the pattern's name, or the view's dotted path if unnamed.
    return None if match is None else match.view_name


def page_cache_hit(request, route):
    """A page served from the page cache, rendered for the pattern `route`."""
    safely(lambda: PAGE_CACHE.labels("hit").inc())
    # No view runs on a hit: the route is the one stored with the page.
    request.metrics_route = route


def page_cache_miss():
    safely(lambda: PAGE_CACHE.labels("miss").inc())


@contextmanager
def counted_import():
    """Around one import: counted ok when it returns, failed when it raises."""
    try:
        yield
    except BaseException:
        safely(lambda: IMPORTS.labels("failed").inc())
        raise
    safely(lambda: IMPORTS.labels("ok").inc())


def count_admin_save(model, action):
    """One admin save of `model`, counted when (and only if) its transaction commits."""
    content_type = model._meta.label_lower
    transaction.on_commit(lambda: safely(lambda: ADMIN_SAVES.labels(content_type, action).inc()))


def exposition():
    """Every count, in Prometheus' text format (its media type is CONTENT_TYPE)."""
    return generate_latest(_registry())


CONTENT_TYPE = CONTENT_TYPE_LATEST


def _registry():
    if not settings.PROMETHEUS_MULTIPROC_DIR:
        return REGISTRY
    # The counts every process wrote to the directory, read afresh for each scrape.
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=settings.PROMETHEUS_MULTIPROC_DIR)
    return registry


def scraper_allowed(request):
    """Whether this request may read /metrics (see the module's docstring)."""
    token = settings.METRICS_TOKEN
    if token:
        scheme, _space, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), token.encode()
        ):
            return True
    try:
        address = ipaddress.ip_address(client_address(request) or "")
    except ValueError:
        return False
    # An IPv4 client of a dual-stack socket shows as ::ffff:127.0.0.1.
    address = getattr(address, "ipv4_mapped", None) or address
    return any(address in network for network in settings.METRICS_ALLOW)
