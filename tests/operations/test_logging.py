"""Log lines: printed once each, with UTC time, level, logger, request id and message."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .site_process import send_requests

ROOT = Path(__file__).resolve().parents[2]

LOG_FOUR_RECORDS = """
import logging
import django
django.setup()
logging.getLogger("django.request").warning("Not Found: /nothing/")
logging.getLogger("django.utils.autoreload").info("Watching for file changes")
logging.getLogger("sscportal.operations.middleware").warning("database unavailable")
logging.getLogger("django.server").info('"GET / HTTP/1.1" 200 4')
"""

TIME = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"
REQUEST_ID = r"[0-9a-f]{32}"


def run_four_records(**variables):
    env = {
        **{name: value for name, value in os.environ.items() if name != "LOG_FORMAT"},
        "DJANGO_SETTINGS_MODULE": "sscportal.settings",
        "SECRET_KEY": "logging-test-key",
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", LOG_FOUR_RECORDS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stderr.splitlines()


@pytest.mark.parametrize("debug", ["1", "0"])
def test_each_record_is_printed_once_with_time_level_logger_and_request(debug):
    lines = run_four_records(DEBUG=debug)
    expected = [
        ("WARNING", "django.request", "Not Found: /nothing/"),
        ("INFO", "django.utils.autoreload", "Watching for file changes"),
        ("WARNING", "sscportal.operations.middleware", "database unavailable"),
        # The dev server's request line, in the same format as the others.
        ("INFO", "django.server", '"GET / HTTP/1.1" 200 4'),
    ]
    assert len(lines) == len(expected), lines
    for line, (level, logger, message) in zip(lines, expected, strict=True):
        # Outside a request the id is "-".
        assert re.fullmatch(
            f"{TIME} {level} {re.escape(logger)} \\[req=-\\] {re.escape(message)}", line
        )


def test_log_format_json_prints_one_object_a_line():
    lines = run_four_records(DEBUG="0", LOG_FORMAT="json")
    records = [json.loads(line) for line in lines]
    assert [(r["level"], r["logger"], r["message"]) for r in records][0] == (
        "WARNING",
        "django.request",
        "Not Found: /nothing/",
    )
    assert len(records) == 4
    assert all(r["request_id"] == "-" and re.fullmatch(TIME, r["time"]) for r in records)


def test_an_unknown_log_format_is_refused():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "sscportal.settings", "LOG_FORMAT": "xml"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "LOG_FORMAT='xml' is not one of text, json" in result.stderr


def test_lines_logged_for_a_request_carry_its_id(django_db_setup):
    answers, lines = send_requests([["/en/nothing-here/", {}], ["/nothing/either", {}]])
    assert len(lines) == 2, lines
    for (status, request_id), line in zip(answers, lines, strict=True):
        assert status == 404
        assert re.fullmatch(REQUEST_ID, request_id)
        assert re.fullmatch(
            f"{TIME} WARNING django.request \\[req={request_id}\\] Not Found: .*", line
        )
    # Each request its own id.
    assert answers[0][1] != answers[1][1]


def test_the_proxys_request_id_is_kept_when_sane(django_db_setup):
    given = "3f2a9c1e-7b4d-4e0a-9a51-0c9d2f6b8e11"
    answers, lines = send_requests([["/nothing/", {"X-Request-ID": given}]])
    assert answers == [(404, given)]
    assert f"[req={given}]" in lines[0]


# Too long, spaces, a forged log line, shell and HTML: each replaced by an id of ours.
GARBAGE = ["x" * 129, "two words", "a]\u2028 forged WARNING line", "id;rm -rf", "<script>"]


def test_a_request_id_that_is_not_sane_is_replaced(django_db_setup):
    answers, lines = send_requests(
        [["/nothing/", {"X-Request-ID": garbage}] for garbage in GARBAGE]
    )
    assert len(answers) == len(lines) == len(GARBAGE)
    for (_status, request_id), line in zip(answers, lines, strict=True):
        assert re.fullmatch(REQUEST_ID, request_id)
        assert f"[req={request_id}]" in line
    assert not any(garbage in "\n".join(lines) for garbage in GARBAGE)


def test_a_disallowed_host_is_one_warning_line_without_traceback(django_db_setup):
    answers, lines = send_requests(
        [["/en/", {"Host": "scanner.example", "X-Request-ID": "scan-1"}]]
    )
    assert answers == [(400, "scan-1")]
    [line] = lines
    assert re.fullmatch(
        f"{TIME} WARNING django.security.DisallowedHost \\[req=scan-1\\] "
        "Invalid HTTP_HOST header: 'scanner.example'. .*",
        line,
    )
