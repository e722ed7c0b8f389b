"""A response longer than gunicorn's worker timeout finishes (issue 24).

A whole-list download at 100,000 rows streams for about two minutes. With
gunicorn's sync workers a worker busy with one request that long stops
telling the arbiter it is alive and is killed at `timeout` (30 s): the reader
gets a cut file. deploy/gunicorn.conf.py runs threaded workers, whose main
loop keeps reporting while a thread streams; `timeout` then only catches a
worker that hangs as a whole. Measured here with the timeout shortened to
1 second and a response of 4, under a real gunicorn.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "deploy" / "gunicorn.conf.py"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(tmp_path, *options):
    port = free_port()
    env = {
        **os.environ,
        "RUNTIME_DIRECTORY": str(tmp_path / "run"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "STREAM_SECONDS": "4",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(CONF),
            "--timeout",
            "1",
            *options,
            "tests.operations.slow_stream_app",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"gunicorn did not listen: {process.communicate()[1]}")


def download(tmp_path, *options):
    process, url = serve(tmp_path, *options)
    try:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                body = response.read()
        except Exception as error:  # the connection cut mid-body
            body = repr(error).encode()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, errors = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
    return body, errors


def test_a_response_longer_than_the_worker_timeout_arrives_whole(tmp_path):
    body, errors = download(tmp_path)

    assert body.endswith(b"end\n"), body[-200:]
    assert body.count(b"row ") >= 15
    assert "WORKER TIMEOUT" not in errors


def test_sync_workers_would_cut_it(tmp_path):
    # What the deploy configuration avoids, shown with the same request (with
    # more than one thread gunicorn would pick threaded workers itself).
    body, errors = download(tmp_path, "--worker-class", "sync", "--threads", "1")

    assert not body.endswith(b"end\n")
    assert "WORKER TIMEOUT" in errors
