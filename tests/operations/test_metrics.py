"""/metrics: who may read it, what it counts, label values bounded, workers added up.

Counters live as long as the process, so each test compares counts before
and after what it does.
"""

import concurrent.futures
import ipaddress
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from prometheus_client import REGISTRY
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from sscportal.configuration.env import client_address_settings, env_networks, env_secret

from .. import factories
from ..admin_forms import change_form_data
from .site_process import ROOT, site_environment

# The 404 page reads the site's pages for its footer.
pytestmark = pytest.mark.django_db

REQUESTS = "sscportal_http_requests_total"
TOKEN = "a-metrics-token-long-enough-0123456789"


def count(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0.0


def scraped(response):
    """{(sample name, sorted labels): value} of a /metrics answer."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def route_values():
    return {
        labels["route"]
        for family in REGISTRY.collect()
        if family.name == "sscportal_http_requests"
        for _name, labels, _value, *_ in family.samples
    }


# --- Who may read it ---------------------------------------------------------


def test_loopback_may_read_it_uncached(client):
    response = client.get("/metrics")  # the test client's REMOTE_ADDR is 127.0.0.1
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert response["Cache-Control"] == "no-store"
    assert "X-Page-Cache" not in client.get("/metrics")
    assert "# TYPE sscportal_http_requests_total counter" in response.text


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"REMOTE_ADDR": "203.0.113.7"},
        {"REMOTE_ADDR": "203.0.113.7", "HTTP_AUTHORIZATION": f"Bearer {TOKEN}"},  # no token set
        {"REMOTE_ADDR": "10.0.0.2"},
        {"REMOTE_ADDR": "not an address"},
    ],
)
def test_anyone_else_gets_the_sites_404(client, request_kwargs):
    response = client.get("/metrics", **request_kwargs)
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "sscportal_" not in response.text


def test_a_post_is_refused_like_a_stranger_not_with_a_csrf_page():
    assert Client(enforce_csrf_checks=True).post("/metrics").status_code == 404


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        (f"Bearer {TOKEN}", 200),
        (f"bearer {TOKEN}", 200),
        (f"Bearer {TOKEN}x", 404),
        (f"Bearer {TOKEN[:-1]}", 404),
        (f"Basic {TOKEN}", 404),
        (TOKEN, 404),
        ("Bearer ", 404),
    ],
)
def test_the_token_opens_it_from_anywhere(client, settings, authorization, status):
    settings.METRICS_TOKEN = TOKEN
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.7", HTTP_AUTHORIZATION=authorization)
    assert response.status_code == status


def test_allowed_networks_replace_loopback(client, settings):
    settings.METRICS_ALLOW = [ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("fd00::/8")]
    assert client.get("/metrics", REMOTE_ADDR="10.20.30.40").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="fd00::5").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


def test_an_ipv4_client_of_a_dual_stack_socket_counts_as_ipv4(client):
    assert client.get("/metrics", REMOTE_ADDR="::ffff:127.0.0.1").status_code == 200


@override_settings(**client_address_settings(1))
def test_behind_a_proxy_on_the_same_machine_the_client_decides_not_the_proxy(client):
    # Through the proxy the peer is always loopback; the client is what it appended.
    through_proxy = client.get(
        "/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert through_proxy.status_code == 404
    # A client claiming loopback itself is still the address the proxy saw.
    forged = client.get(
        "/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.7"
    )
    assert forged.status_code == 404
    assert (
        client.get(
            "/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="127.0.0.1"
        ).status_code
        == 200
    )
    # Without the header the request did not come through the proxy: a scraper
    # on the machine, straight to gunicorn, is let in; one elsewhere is not.
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.7").status_code == 404


def test_metrics_allow_is_read_loudly(monkeypatch):
    monkeypatch.setenv("METRICS_ALLOW", "10.0.0.0/8, 192.0.2.7,::1")
    assert [str(n) for n in env_networks("METRICS_ALLOW", [])] == [
        "10.0.0.0/8",
        "192.0.2.7/32",
        "::1/128",
    ]
    for wrong in ["10.0.0.1/8", "localhost", "10.0.0.0/33"]:
        monkeypatch.setenv("METRICS_ALLOW", wrong)
        with pytest.raises(ImproperlyConfigured, match="METRICS_ALLOW"):
            env_networks("METRICS_ALLOW", [])


def test_a_short_metrics_token_is_refused(monkeypatch):
    monkeypatch.setenv("METRICS_TOKEN", "secret")
    with pytest.raises(ImproperlyConfigured, match="at least 16 characters"):
        env_secret("METRICS_TOKEN", min_length=16)


# --- What it counts -----------------------------------------------------------


def test_requests_are_counted_by_route_method_and_status_class(client):
    labels = {"route": "robots_txt", "method": "GET", "status": "2xx"}
    before = count(REQUESTS, **labels)
    latency_before = count("sscportal_http_request_duration_seconds_count", **labels)
    client.get("/robots.txt")
    client.get("/robots.txt")
    assert count(REQUESTS, **labels) == before + 2
    assert count("sscportal_http_request_duration_seconds_count", **labels) == latency_before + 2
    # And /metrics says so.
    sample = (REQUESTS, tuple(sorted(labels.items())))
    assert scraped(client.get("/metrics"))[sample] == before + 2


def test_a_method_nobody_uses_is_one_label_value(client):
    labels = {"route": "robots_txt", "method": "other", "status": "2xx"}
    before = count(REQUESTS, **labels)
    client.generic("BREW", "/robots.txt")
    client.generic("PROPFIND", "/robots.txt")
    assert count(REQUESTS, **labels) == before + 2


def test_routes_are_url_patterns_not_paths(client, demo_content):
    labels = {"route": "statements:statement_detail", "method": "GET", "status": "2xx"}
    before = count(REQUESTS, **labels)
    client.get("/en/statements/unesco-dg-message-2005/")
    client.get("/ar/statements/unesco-dg-message-2005/")
    client.get("/en/statements/unesco-dg-message-2005/")  # from the page cache
    assert count(REQUESTS, **labels) == before + 3
    assert not any("unesco" in route for route in route_values())


def test_fifty_unknown_paths_add_no_fifty_labels(client):
    client.get("/no-such-page-0/")
    routes = route_values()
    before = count(REQUESTS, route="unmatched", method="GET", status="4xx")
    for number in range(1, 51):
        assert client.get(f"/no-such-page-{number}/?q={number}").status_code == 404
    assert route_values() == routes
    assert count(REQUESTS, route="unmatched", method="GET", status="4xx") == before + 50


def test_a_missing_item_counts_under_its_pattern(client):
    before = count(REQUESTS, route="statements:statement_detail", method="GET", status="4xx")
    assert client.get("/en/statements/no-such-statement/").status_code == 404
    assert (
        count(REQUESTS, route="statements:statement_detail", method="GET", status="4xx")
        == before + 1
    )


def test_page_cache_hits_and_misses(client):
    hits = count("sscportal_page_cache_requests_total", result="hit")
    misses = count("sscportal_page_cache_requests_total", result="miss")
    assert client.get("/en/statements/")["X-Page-Cache"] == "miss"
    assert client.get("/en/statements/")["X-Page-Cache"] == "hit"
    assert client.get("/en/statements/")["X-Page-Cache"] == "hit"
    assert count("sscportal_page_cache_requests_total", result="hit") == hits + 2
    assert count("sscportal_page_cache_requests_total", result="miss") == misses + 1


def test_answers_never_cached_are_no_misses(client):
    misses = count("sscportal_page_cache_requests_total", result="miss")
    client.get("/en/no-such-page/")  # a 404
    client.get("/robots.txt")  # plain text
    client.get("/metrics")
    client.get("/healthz")
    assert count("sscportal_page_cache_requests_total", result="miss") == misses


def test_page_cache_hits_take_no_query(client, django_assert_num_queries):
    client.get("/en/statements/")
    with django_assert_num_queries(0):
        assert client.get("/en/statements/")["X-Page-Cache"] == "hit"


def test_imports_are_counted_ok_or_failed(tmp_path):
    ok, failed = (
        count("sscportal_content_imports_total", outcome="ok"),
        count("sscportal_content_imports_total", outcome="failed"),
    )
    call_command("import_content", "demo/content.json", verbosity=0)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "sscportal-content"')
    with pytest.raises(CommandError):
        call_command("import_content", str(broken), verbosity=0)
    assert count("sscportal_content_imports_total", outcome="ok") == ok + 1
    assert count("sscportal_content_imports_total", outcome="failed") == failed + 1


def test_admin_saves_are_counted_per_content_type_when_committed(
    client, admin_user, django_capture_on_commit_callbacks
):
    initiative = factories.InitiativeFactory(title_en="Original title")
    factories.InitiativeCountryFactory(initiative=initiative)
    url = f"/en/admin/initiatives/initiative/{initiative.pk}/change/"
    other = Client()
    other.force_login(User.objects.create_superuser("other", password="x" * 20))
    client.force_login(admin_user)
    labels = {"content_type": "initiatives.initiative", "action": "change"}
    before = count("sscportal_admin_saves_total", **labels)
    first, second = change_form_data(client, url), change_form_data(other, url)
    first["title_en"], second["title_en"] = "First", "Second"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, first).status_code == 302
        refused = other.post(url, second)  # opened before the first save: refused, rolled back
    assert "Someone else saved this item" in refused.text
    assert count("sscportal_admin_saves_total", **labels) == before + 1


# --- Several worker processes ---------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthz_counts_per_process(directory):
    """{pid: /healthz requests counted} from each process's file in the multiprocess directory."""
    counts = {}
    for path in Path(directory).glob("counter_*.db"):
        for metric in MultiProcessCollector.merge([str(path)]):
            for sample in metric.samples:
                if sample.name == REQUESTS and sample.labels.get("route") == "healthz":
                    pid = path.stem.removeprefix("counter_")
                    counts[pid] = counts.get(pid, 0) + sample.value
    return counts


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def test_counts_of_two_gunicorn_workers_add_up(django_db_setup, tmp_path):
    directory = tmp_path / "metrics"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "sscportal.wsgi", "--workers", "2"]
        + ["--bind", f"127.0.0.1:{port}", "--graceful-timeout", "5"],
        cwd=ROOT,
        env=site_environment(PROMETHEUS_MULTIPROC_DIR=str(directory), ALLOWED_HOSTS="127.0.0.1"),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.1)
        # Requests in parallel, so that both workers serve some (the kernel
        # hands each connection to whichever worker is waiting); in batches
        # until both have, 400 at most.
        sent = 0
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            while len(healthz_counts_per_process(directory)) < 2 and sent < 400:
                list(pool.map(get, [f"{base}/healthz"] * 20))
                sent += 20
        per_process = healthz_counts_per_process(directory)
        assert len(per_process) == 2, f"one worker served all {sent} requests"
        assert sum(per_process.values()) == sent
        # Whichever worker answers the scrape, it adds up both.
        for _scrape in range(4):
            with urllib.request.urlopen(f"{base}/metrics", timeout=30) as response:
                text = response.read().decode()
            samples = {
                (s.name, s.labels.get("route"), s.labels.get("status")): s.value
                for family in text_string_to_metric_families(text)
                for s in family.samples
            }
            assert samples[(REQUESTS, "healthz", "2xx")] == sent
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)
        log.close()
