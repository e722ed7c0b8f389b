"""A shared cache that does not answer costs speed, never a page, a save or an import.

Two kinds of outage: a port where nothing listens (connection refused at once),
and a Redis started by the test and then frozen with SIGSTOP (it accepts
connections and never answers: the socket timeout), which is also how a
Redis comes back holding everything it held before.
"""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.core.management import call_command

from sscportal.caching import shared, versions
from statements.models import Statement

from .. import factories
from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server")
BACKEND = "sscportal.caching.redis_backend.ReusedClientRedisCache"
TIMEOUTS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_redis_at(settings, port):
    settings.CACHES = {
        "default": {
            "BACKEND": BACKEND,
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": TIMEOUTS,
        }
    }


@pytest.fixture(autouse=True)
def fresh_cache_state(monkeypatch):
    # Each test starts with a cache this process has never seen fail, and
    # retries at once (no pause after a failure) so no test needs to wait.
    monkeypatch.setattr(shared, "RETRY_SECONDS", 0)
    shared._state.update(down_until=0.0, failed_since=None)
    yield
    # A background retry left running must not bump the version in later tests.
    retry = versions._retrier["thread"]
    for _ in range(10):
        shared._state.update(down_until=0.0, failed_since=None)
        if retry is None or not retry.is_alive():
            break
        retry.join(1)
    shared._state.update(down_until=0.0, failed_since=None)


@pytest.fixture
def cache_down(settings):
    """CACHE_URL names a port where no Redis listens."""
    use_redis_at(settings, free_port())


class OwnRedis:
    def __init__(self, directory):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(directory),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        self.thaw()
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def own_redis(settings, tmp_path):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    redis = OwnRedis(tmp_path)
    use_redis_at(settings, redis.port)
    yield redis
    redis.stop()


PAGES = [
    "/en/",
    "/ar/",
    "/en/initiatives/",
    "/ar/initiatives/?sdg=3",
    "/en/countries/",
    "/en/countries/ke/",
    "/en/events/",
    "/ar/events/2023/",
    "/en/statements/",
    "/ar/statements/unesco-dg-message-2005/",
    "/en/search/?q=cooperation",
    "/ar/search/?q=تعاون",
    "/en/statements/feed/",
    "/en/events/calendar.ics",
    "/sitemap.xml",
    "/sitemap-initiatives.xml",
    "/robots.txt",
]


def test_every_page_renders_from_the_database_when_the_cache_does_not_answer(
    client, demo_content, cache_down
):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url
    assert "UNESCO" in client.get("/en/statements/").text


def test_pages_render_when_redis_stops_answering_mid_way(client, demo_content, own_redis):
    for url in PAGES:
        assert client.get(url).status_code == 200, url
    own_redis.freeze()
    for url in PAGES:
        assert client.get(url).status_code == 200, url


def test_healthz_says_the_cache_is_down_and_keeps_the_site_in_rotation(client, cache_down):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def statement_form(**changes):
    return {
        "title_en": "Written while the cache was down",
        "title_ar": "كتب والذاكرة المؤقتة معطلة",
        "slug": "written-in-outage",
        "status": "published",
        "body_en": "<p>Kept.</p>",
        "body_ar": "",
        "speaker_en": "",
        "speaker_ar": "",
        "speaker_title_en": "",
        "speaker_title_ar": "",
        "organization": "",
        "kind": "statement",
        "delivered_on": "2026-11-20",
        "event": "",
        "original_language": "en",
        "source_url": "",
        "text_kind": "full-text",
        **changes,
    }


def test_admin_saves_succeed_when_the_cache_does_not_answer(client, admin_user, cache_down):
    client.force_login(admin_user)
    response = client.post("/en/admin/statements/statement/add/", statement_form())
    assert response.status_code == 302
    statement = Statement.objects.get(slug="written-in-outage")
    url = f"/en/admin/statements/statement/{statement.pk}/change/"
    response = client.post(
        url,
        statement_form(
            title_en="Changed while the cache was down",
            _opened_version=change_form_data(client, url)["_opened_version"],
        ),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "Changed while the cache was down"
    client.logout()
    assert "Changed while the cache was down" in client.get("/en/statements/").text


def test_import_content_succeeds_when_the_cache_does_not_answer(cache_down, capsys, monkeypatch):
    monkeypatch.setattr("exchange.management.commands.import_content.CACHE_SETTLE_SECONDS", 0)
    call_command("import_content", "demo/content.json")
    assert Statement.objects.filter(slug="unesco-dg-message-2005").exists()
    output = capsys.readouterr()
    assert "Imported" in output.out
    assert "the shared cache did not answer" in output.err


def test_a_write_while_redis_is_down_shows_once_it_is_back(client, demo_content, own_redis):
    url = "/en/statements/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    own_redis.freeze()  # it keeps every key, the old page included
    statement = Statement.objects.get(slug="unesco-dg-message-2005")
    statement.title_en = "Corrected while Redis was down"
    statement.save()  # its version bump cannot reach Redis
    assert "Corrected while Redis was down" in client.get(url).text  # from the database
    own_redis.thaw()
    served_from_cache = False
    # Soon one renders and stores, the next is served from the cache (the
    # background retry may take the first turn at bumping the version).
    for _ in range(5):
        response = client.get(url)
        assert response.status_code == 200
        assert "Corrected while Redis was down" in response.text
        served_from_cache = served_from_cache or response.get("X-Page-Cache") == "hit"
    assert served_from_cache


def test_a_process_that_saw_the_cache_fail_invalidates_it_when_it_returns(
    client, demo_content, own_redis
):
    # Another process may have written while the cache was down, its bump
    # lost: a worker that only read during the outage must not trust what the
    # cache held before it.
    url = "/en/statements/"
    client.get(url)
    own_redis.freeze()
    assert client.get(url).status_code == 200
    # The other process's write: no signal reaches this one.
    Statement.objects.filter(slug="unesco-dg-message-2005").update(title_en="Changed elsewhere")
    own_redis.thaw()
    assert "Changed elsewhere" in client.get(url).text


def test_a_failed_bump_is_made_good_without_another_request(demo_content, own_redis):
    before = versions.content_version()
    own_redis.freeze()
    factories.StatementFactory()  # the bump fails; this process serves nothing more
    own_redis.thaw()
    assert versions.settle(5)  # what the background retry (and import_content) waits for
    assert versions.content_version() != before


def test_saves_while_the_cache_rests_neither_wait_for_it_nor_prolong_the_rest(
    monkeypatch, cache_down
):
    monkeypatch.setattr(shared, "RETRY_SECONDS", 60)
    monkeypatch.setattr(versions, "_retry_in_background", lambda: None)
    assert versions.content_version() is None  # fails once: the cache rests a minute
    resting_until = shared._state["down_until"]
    factories.StatementFactory()  # no attempt (nothing to wait for), but a bump owed
    assert shared._state["down_until"] == resting_until
    assert shared.seen_failure_since() is not None
