"""The site in a process of its own, configured from the environment as in production.

Logging, error mails and Sentry are set up once, from the settings, when a
process starts; pytest's own process was set up long before a test could
change them. So these tests start a Python process with the environment they
need, send it requests through Django's test client (the whole middleware
chain and error handling, without a server), and read what it printed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.db import connection
from django.urls import path

from bench import postgres_programs
from front import urls as site

ROOT = Path(__file__).resolve().parents[2]


def _boom(request):
    raise RuntimeError("boom: a view that fails on purpose")


# ROOT_URLCONF of the process: the site's URLs and one view that raises.
urlpatterns = [path("boom/", _boom), *site.urlpatterns]
handler400 = site.handler400
handler404 = site.handler404
handler500 = site.handler500

SEND_REQUESTS = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
from sscportal.operations import sentry

# Static files are not collected for tests: the manifest storage would fail
# on the error page's stylesheet.
override_settings(
    ROOT_URLCONF="tests.operations.site_process",
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
).enable()
client = Client(raise_request_exception=False)
for url, headers in json.loads(sys.argv[1]):
    response = client.get(url, headers=headers)
    print(json.dumps([response.status_code, response.get("X-Request-ID")]), flush=True)
if sentry.started:
    import sentry_sdk
    sentry_sdk.flush(timeout=10)
"""

# Variables of the developer's shell that would change what is tested.
UNSET = (
    "ADMINS",
    "SENTRY_DSN",
    "LOG_FORMAT",
    "LOG_LEVEL",
    "PROMETHEUS_MULTIPROC_DIR",
    "METRICS_ALLOW",
    "METRICS_TOKEN",
    "EMAIL_HOST",
    "EMAIL_PORT",
)


def database_url():
    """The test database (pytest-django's), for a process of our own."""
    # The embedded server's HOST is a socket folder, which the URL must quote;
    # it is known once the test database exists (tests needing no database
    # get a URL nothing answers on, which they never use).
    return postgres_programs.database_url(connection.settings_dict)


def site_environment(**variables):
    env = {name: value for name, value in os.environ.items() if name not in UNSET}
    env.update(
        DJANGO_SETTINGS_MODULE="sscportal.settings",
        DEBUG="0",
        SECRET_KEY="site-process-test-key-" + "x" * 40,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=database_url(),
        # Tests serve static files through the finders (no collectstatic).
        PYTHONWARNINGS="ignore:No directory at",
    )
    env.update(variables)
    return env


def send_requests(requests, **variables):
    """[(url, headers)] answered by a new process: ([(status, X-Request-ID)], stderr lines)."""
    result = subprocess.run(
        [sys.executable, "-c", SEND_REQUESTS, json.dumps(requests)],
        cwd=ROOT,
        env=site_environment(**variables),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = [tuple(json.loads(line)) for line in result.stdout.splitlines()]
    return answers, result.stderr.splitlines()
