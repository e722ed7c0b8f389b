"""A runaway query is cut by PostgreSQL and costs its reader the 503 page, not
a worker; management commands are not cut (issue 29, part 6)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import path

from front import urls as site

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW statement_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)


def _runaway(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(30)")
    raise AssertionError("the query was not cut")


urlpatterns = [path("runaway/", _runaway), *site.urlpatterns]
handler500 = site.handler500


def test_the_site_connects_with_the_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "5s"


@override_settings(ROOT_URLCONF=__name__)
def test_a_runaway_query_gets_the_unavailable_page(client):
    with connection.cursor() as cursor:
        # Shorter than the default, for a quick test; undone with the test's transaction.
        cursor.execute("SET statement_timeout = 200")
    client.raise_request_exception = False
    response = client.get("/runaway/")
    assert response.status_code == 503
    assert "temporarily unavailable" in response.text


def _test_database_url():
    """The test database, for another process (which reads DATABASE_URL).

    Also on the embedded server: the other process joins it through its socket
    directory (percent-encoded as the host) rather than starting one of its own.
    """
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = quote(db["HOST"], safe="")
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT']}/{db['NAME']}"


def timeout_seen(*command, **environment):
    """statement_timeout as a process started with `command` sees it."""
    env = {**os.environ, "DATABASE_URL": _test_database_url(), **environment}
    env.pop("SSCPORTAL_MANAGEMENT_COMMAND", None)
    finished = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return finished.stdout.strip().splitlines()[-1]


def test_management_commands_are_not_cut():
    assert timeout_seen("manage.py", "shell", "-c", SHOW) == "0"


def test_commands_may_be_given_a_timeout_of_their_own():
    shown = timeout_seen("manage.py", "shell", "-c", SHOW, DB_COMMAND_STATEMENT_TIMEOUT_MS="90000")
    assert shown == "90s"


def test_zero_turns_the_timeout_off_for_the_site():
    setup = "import django\ndjango.setup()\n"
    program = setup + SHOW
    assert timeout_seen("-c", program, DJANGO_SETTINGS_MODULE="sscportal.settings") == "5s"
    assert (
        timeout_seen(
            "-c", program, DJANGO_SETTINGS_MODULE="sscportal.settings", DB_STATEMENT_TIMEOUT_MS="0"
        )
        == "0"
    )


def test_a_dump_is_built_however_long_it_takes(settings, tmp_path, monkeypatch):
    from sscportal.open_data import dumps

    settings.DATA_DUMP_ROOT = tmp_path

    def slow_build(file):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(0.3)")
        file.write(b"built")

    monkeypatch.setitem(
        dumps._declared, "slow.txt", dumps.Dump("slow.txt", slow_build, "text/plain")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 100")  # undone with the test's transaction
    path, _version = dumps.current("slow.txt")
    assert path.read_bytes() == b"built"


def test_an_import_is_not_cut_however_long_it_writes(monkeypatch):
    """The admin's import form runs in a web worker, under the reader's limit."""
    from exchange import importer

    written = importer.write_items

    def slow_write(items, report):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(0.3)")
        written(items, report)

    monkeypatch.setattr(importer, "write_items", slow_write)
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 100")  # undone with the test's transaction
    document = {"format": "sscportal-content", "version": 3, "pages": []}
    importer.import_content(json.dumps(document))
