"""The Makefile as a newcomer meets it."""

import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def make(*args, cwd=ROOT, env=None):
    return subprocess.run(
        [MAKE, "--no-print-directory", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def makefile_targets():
    return re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE)


def test_make_alone_lists_every_target_with_one_line_each():
    listing = make()

    assert listing.returncode == 0
    assert listing.stdout == make("help").stdout
    listed = re.findall(r"^  ([a-z][a-z-]*) +\S", listing.stdout, re.MULTILINE)
    assert listed == makefile_targets()
    assert {"run", "test"} <= set(listed)


def test_run_serves_on_127_0_0_1_port_8000_unless_told_otherwise():
    assert "runserver 127.0.0.1:8000\n" in make("-n", "run").stdout
    assert "runserver 0.0.0.0:8001\n" in make("-n", "run", "HOST=0.0.0.0", "PORT=8001").stdout


def test_run_stops_at_once_with_one_line_when_the_port_is_taken():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = make("run", f"PORT={port}")

    assert result.returncode != 0
    first_line = result.stderr.splitlines()[0]
    assert first_line.startswith(f"make run: cannot listen on 127.0.0.1:{port}: the port is taken")
    assert "make run PORT=8001" in first_line
    assert "migrate" not in result.stdout
