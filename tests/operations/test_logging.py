"""Each log record is printed once, by the dev server as by production."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LOG_FOUR_RECORDS = """
import logging
import django
django.setup()
logging.getLogger("django.request").warning("Not Found: /nothing/")
logging.getLogger("django.utils.autoreload").info("Watching for file changes")
logging.getLogger("sscportal.middleware").warning("database unavailable")
logging.getLogger("django.server").info('"GET / HTTP/1.1" 200 4')
"""


@pytest.mark.parametrize("debug", ["1", "0"])
def test_each_record_is_printed_once(debug):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sscportal.settings",
        "DEBUG": debug,
        "SECRET_KEY": "logging-test-key",
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
    lines = result.stderr.splitlines()
    assert lines[:3] == [
        "Not Found: /nothing/",
        "Watching for file changes",
        "database unavailable",
    ]
    # The dev server's request line, once, with Django's timestamp.
    assert len(lines) == 4
    assert re.fullmatch(r'\[\d\d/\w+/\d{4} [\d:,]+\] "GET / HTTP/1.1" 200 4', lines[3])
