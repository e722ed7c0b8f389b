import os
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation

from sscportal.caching import versions

from .demo_rows import AddedRows, ImportedContent

# Tests that run one after the other in a single process under pytest-xdist
# (node id prefixes). Each drill starts a PostgreSQL, gunicorn and often a
# redis-server and nginx and waits on them with timeouts: several at once on a
# shared machine turn slow into failed. The nginx stack, a module fixture,
# starts only once. (Each collects its static files into its own folder: a
# collectstatic into the checkout's staticfiles/ deleted files that another
# process's whitenoise was listing.)
SERIAL_DRILLS = (
    "tests/operations/test_drills.py::",
    "tests/operations/test_disk_full_drill.py::",
    "tests/operations/test_nginx.py::",
)


def pytest_xdist_make_scheduler(config, log):
    # xdist's own way, `--dist loadgroup` with xdist_group marks, groups
    # nothing under pytest 9.2 (pytest-xdist issue 1386), so the test ids name
    # the group here. Any other test goes to whichever process is free.
    if config.getoption("dist") != "load":
        return None  # a mode asked for on the command line
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "drills" if nodeid.startswith(SERIAL_DRILLS) else nodeid

    return Scheduling(config, log)


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session):
    # Under pytest-xdist (make test) the worker processes collect the tests,
    # not this one, and an error a worker raises while collecting ends as a
    # page of INTERNALERROR. When REQUIRE_BROWSER=1 and a browser tool is
    # missing (tests/browser/conftest.py), collect here too: a selected test
    # needing the tool then stops the run with its one line, before any test.
    if os.environ.get("REQUIRE_BROWSER") != "1":
        return
    if not session.config.pluginmanager.has_plugin("dsession"):
        return  # no xdist: this process collects anyway
    from .browser.conftest import missing_tools

    if any(missing_tools().values()):
        session.perform_collect()


# The site's statement timeout, as settings.py writes it into libpq's options.
STATEMENT_TIMEOUT_OPTION = re.compile(r"-c statement_timeout=\d+")


_site_options = {}  # libpq's options as settings.py gave them


def set_statement_timeout(lifted):
    """Lift the site's statement timeout from the connections opened from now on,
    or put it back. Creating, filling and dropping the test databases is bulk
    work (DROP DATABASE alone passed 5 s on a loaded machine, and the run
    stopped before its first test); the tests themselves run under it."""
    options = connection.settings_dict.setdefault("OPTIONS", {})
    if lifted:
        _site_options.setdefault("options", options.get("options", ""))
        options["options"] = STATEMENT_TIMEOUT_OPTION.sub("", _site_options["options"]).strip()
        if not options["options"]:
            del options["options"]
    elif _site_options.get("options"):
        options["options"] = _site_options["options"]
    connection.close()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    # pytest-django's hook before it creates the test database.
    set_statement_timeout(lifted=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Countries are reference data every page relies on, loaded the way
    # `make run` loads them; their rows are kept for `reference_rows`. The
    # legal pages are left out: they are content, and tests make their own
    # (tests/trust/test_site_owner.py runs setup_site_pages itself).
    def load():
        call_command("load_reference_data", without_site_pages=True, verbosity=0)

    with django_db_blocker.unblock():
        rows = AddedRows(load, keep=True)
        set_statement_timeout(lifted=False)
    yield rows
    with django_db_blocker.unblock():
        set_statement_timeout(lifted=True)  # for the DROP DATABASE that follows


@pytest.fixture(scope="session")
def reference_rows(django_db_setup):
    """The rows of the reference data, for tests that empty the database (tests/browser)."""
    return django_db_setup


@pytest.fixture(autouse=True)
def site_url(settings):
    # Absolute URLs come from SITE_URL; the test client's host is "testserver".
    settings.SITE_URL = "http://testserver"
    return settings.SITE_URL


@pytest.fixture(autouse=True)
def empty_page_cache():
    # Each test has its own data (rolled back after): cached pages must not leak.
    cache.clear()
    versions.forget_held()
    yield
    cache.clear()
    versions.forget_held()


@pytest.fixture(autouse=True)
def content_versions_read_every_request():
    # Tests empty the cache, or add rows with bulk_create (no signals), between
    # two requests and expect the next to see it: a worker's hold of the
    # versions would outlive that. tests/caching/test_round_trips.py sets its own.
    with override_settings(CACHE_VERSIONS_SECONDS=0):
        yield


@pytest.fixture(autouse=True)
def content_versions_bumped_where_production_commits(monkeypatch):
    """Content versions are bumped when a transaction commits (sscportal/caching/versions.py),
    and a test's own transaction never does: bump where production would commit,
    when the last transaction the code opened ends (a save outside any: at once)."""

    def code_transaction_open():
        return any(not block._from_testcase for block in connection.atomic_blocks)

    monkeypatch.setattr(versions, "in_transaction", code_transaction_open)
    original_exit = transaction.Atomic.__exit__

    def exit_and_bump(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        if connection.in_atomic_block and not code_transaction_open():
            ours = [
                entry
                for entry in connection.run_on_commit
                if isinstance(getattr(entry[1], "__self__", None), versions.Pending)
            ]
            for entry in ours:
                connection.run_on_commit.remove(entry)
                entry[1]()
        return result

    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_and_bump)


@pytest.fixture(autouse=True)
def english_unless_told_otherwise():
    # A request through LocaleMiddleware leaves its language active in the
    # thread; start every test from the site's default.
    with translation.override("en"):
        yield


@pytest.fixture
def arabic():
    with translation.override("ar"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    # Imported once per test process (and rolled back): see tests/demo_rows.py.
    with django_db_blocker.unblock():
        return ImportedContent("demo/content.json")


@pytest.fixture
def demo_content(demo_rows, db):
    """The demo content (demo/content.json), as `import_content` leaves it."""
    demo_rows.restore()
