"""Errors reach people: mailed to ADMINS over real SMTP, and sent to Sentry when configured.

Each test starts its own server on a free loopback port (an SMTP server, a
stand-in for Sentry's ingest) and a site process that reports to it.
"""

import gzip
import json
import socket
import subprocess
import sys
import threading
from email import message_from_bytes
from email.policy import default as email_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from django.core.exceptions import ImproperlyConfigured

from sscportal.configuration.env import env_admins

from .site_process import ROOT, send_requests, site_environment

# A 404, a scanner's Host and a view that raises: only the last is an error to report.
REQUESTS = [
    ["/nothing/", {}],
    ["/en/", {"Host": "scanner.example"}],
    ["/boom/", {}],
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- ADMINS -----------------------------------------------------------------


def test_admins_are_read_as_name_and_address(monkeypatch):
    monkeypatch.setenv(
        "ADMINS", "Ops Team <ops@example.org>, Samira Haddad <samira@example.org>,ali@example.org"
    )
    assert env_admins("ADMINS") == [
        ("Ops Team", "ops@example.org"),
        ("Samira Haddad", "samira@example.org"),
        ("ali@example.org", "ali@example.org"),
    ]


def test_no_admins_is_an_empty_list(monkeypatch):
    monkeypatch.delenv("ADMINS", raising=False)
    assert env_admins("ADMINS") == []


@pytest.mark.parametrize(
    "malformed",
    [
        "Ops Team ops@example.org",  # no angle brackets
        "Ops Team <ops@example>",  # no domain
        "Ops <ops@example.org",  # unclosed
        "Ops <ops@example.org> <other@example.org>",
        "Haddad, Samira <samira@example.org>",  # a comma in the name splits it
    ],
)
def test_a_malformed_admins_is_refused_naming_the_entry(monkeypatch, malformed):
    monkeypatch.setenv("ADMINS", malformed)
    with pytest.raises(ImproperlyConfigured, match="ADMINS: '"):
        env_admins("ADMINS")


def test_the_site_refuses_to_start_with_a_malformed_admins(django_db_setup):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=site_environment(ADMINS="Ops Team ops@example.org"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ADMINS: 'Ops Team ops@example.org' is not `Name <email>`" in result.stderr


# --- Error mail -------------------------------------------------------------


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=email_policy))
        )
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, mailbox
    finally:
        controller.stop()


def test_an_error_is_mailed_once_to_admins_with_its_request_id(django_db_setup, smtp_server):
    port, mailbox = smtp_server
    answers, _lines = send_requests(
        REQUESTS,
        ADMINS="Ops Team <ops@example.org>,Samira <samira@example.org>",
        SERVER_EMAIL="sscportal@example.org",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
    )
    assert [status for status, _id in answers] == [404, 400, 500]
    [(recipients, message)] = mailbox.messages
    assert recipients == ["ops@example.org", "samira@example.org"]
    assert message["From"] == "sscportal@example.org"
    assert message["Subject"].startswith("[sscportal] ERROR")
    assert "Internal Server Error: /boom/" in message["Subject"]
    body = message.get_content()
    # The id was made by the site (no header sent), so only the log line can carry it.
    request_id = answers[2][1]
    assert f"ERROR django.request [req={request_id}] Internal Server Error: /boom/" in body
    assert "RuntimeError" in body and "a view that fails on purpose" in body


def test_without_admins_nothing_is_mailed(django_db_setup, smtp_server):
    port, mailbox = smtp_server
    send_requests(REQUESTS, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port))
    assert mailbox.messages == []


def test_email_tls_and_ssl_together_are_refused():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={
            **site_environment(EMAIL_USE_TLS="1", EMAIL_USE_SSL="1"),
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both." in result.stderr


# --- Sentry -----------------------------------------------------------------


def envelope_items(body):
    """The (item header, payload) pairs of a Sentry envelope."""
    header_end = body.index(b"\n")
    rest, items = body[header_end + 1 :], []
    while rest.strip():
        line_end = rest.index(b"\n")
        header = json.loads(rest[:line_end])
        rest = rest[line_end + 1 :]
        if "length" in header:
            payload, rest = rest[: header["length"]], rest[header["length"] + 1 :]
        else:
            end = rest.find(b"\n")
            payload, rest = (rest, b"") if end < 0 else (rest[:end], rest[end + 1 :])
        items.append((header, payload))
    return items


class FakeIngest(BaseHTTPRequestHandler):
    """Sentry's ingest as far as the SDK sees it: POST /api/<project>/envelope/, 200."""

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.server.received.append((self.path, body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format, *args):  # the test's output stays quiet
        pass


@pytest.fixture
def fake_sentry():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeIngest)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_an_error_is_sent_to_sentry_once_tagged_with_its_request_id(django_db_setup, fake_sentry):
    pytest.importorskip("sentry_sdk", reason="the `sentry` extra is not installed")
    port = fake_sentry.server_address[1]
    answers, lines = send_requests(REQUESTS, SENTRY_DSN=f"http://public@127.0.0.1:{port}/1")
    assert [status for status, _id in answers] == [404, 400, 500]
    events = [
        json.loads(payload)
        for path, body in fake_sentry.received
        for header, payload in envelope_items(body)
        if header["type"] == "event"
    ]
    assert {path for path, _body in fake_sentry.received} == {"/api/1/envelope/"}
    [event] = events
    [exception] = event["exception"]["values"]
    assert (exception["type"], exception["value"]) == (
        "RuntimeError",
        "boom: a view that fails on purpose",
    )
    assert event["tags"]["request_id"] == answers[2][1]
    assert not any("sentry-sdk is not installed" in line for line in lines)


SETUP_WITHOUT_SENTRY_SDK = """
import sys
sys.modules["sentry_sdk"] = None  # as if the `sentry` extra were not installed
import django
django.setup()
"""


def test_sentry_dsn_without_sentry_sdk_is_said_in_one_line():
    result = subprocess.run(
        [sys.executable, "-c", SETUP_WITHOUT_SENTRY_SDK],
        cwd=ROOT,
        env=site_environment(SENTRY_DSN="http://public@127.0.0.1:9/1"),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    [line] = result.stderr.splitlines()
    assert (
        " WARNING sscportal.apps [req=-] SENTRY_DSN is set but sentry-sdk is not installed" in line
    )
