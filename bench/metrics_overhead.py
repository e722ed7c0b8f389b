"""What the request id and metrics middleware cost a page served from the page cache.

In-process, no server: Django's WSGI handler is called directly, as gunicorn
calls it, for one page already in the page cache, with the site's MIDDLEWARE
and with the new middleware left out. Many short rounds, the variants in a
new random order each round, timed in CPU time of this process (not wall
time: on a shared machine that mostly measures the neighbours); the median
and the fastest round are reported. Also checks that a cached hit runs no
query with everything in place.

    DATABASE_URL=postgres://.../a_migrated_database_with_content \\
        .venv/bin/python bench/metrics_overhead.py [HITS_PER_ROUND] [ROUNDS]
"""

import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sscportal.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "metrics-overhead-bench-" + "x" * 40)
os.environ["ALLOWED_HOSTS"] = "testserver"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from prometheus_client import REGISTRY  # noqa: E402

PAGE = "/en/statements/"
NEW = (
    "sscportal.operations.logs.RequestIdMiddleware",
    "sscportal.operations.metrics.MetricsMiddleware",
)
# Static files are not collected here: the manifest storage would refuse to render.
STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def handler(middleware):
    with override_settings(MIDDLEWARE=middleware):
        return WSGIHandler()


def environ():
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": PAGE,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT_ENCODING": "gzip, br",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def serve(app):
    statuses = []
    body = app(environ(), lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(body)
    body.close()  # request_finished, as a server sends it
    return statuses[0]


def hits_counted():
    return REGISTRY.get_sample_value("sscportal_page_cache_requests_total", {"result": "hit"})


def round_seconds(app, hits):
    started = time.process_time()
    for _ in range(hits):
        serve(app)
    return time.process_time() - started


def main():
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": STATIC}).enable()
    hits = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    site = list(settings.MIDDLEWARE)
    apps = {
        "MIDDLEWARE as on main (no request id, no metrics middleware)": handler(
            [name for name in site if name not in NEW]
        ),
        "+ request id": handler([name for name in site if name != NEW[1]]),
        "+ request id + metrics (the site's MIDDLEWARE)": handler(site),
    }
    full = handler(site)
    assert serve(full).startswith("200")  # renders and stores the page
    with CaptureQueriesContext(connection) as queries:
        assert serve(full).startswith("200")
    print(f"queries on a cached hit with the metrics middleware: {len(queries)}")
    before = hits_counted()
    times = {name: [] for name in apps}
    for app in apps.values():  # warm each handler's code paths
        round_seconds(app, hits)
    for _ in range(rounds):
        for name in random.sample(list(apps), len(apps)):
            times[name].append(round_seconds(apps[name], hits) / hits)
    served = hits_counted() - before
    print(f"{rounds} rounds of {hits} cached hits of {PAGE} ({served:.0f} hits counted), CPU time:")
    baseline = statistics.median(next(iter(times.values())))
    for name, seconds in times.items():
        median = statistics.median(seconds)
        print(
            f"  median {median * 1e6:6.1f} µs ({(median - baseline) * 1e6:+5.1f}), "
            f"fastest {min(seconds) * 1e6:6.1f} µs: {name}"
        )


if __name__ == "__main__":
    main()
