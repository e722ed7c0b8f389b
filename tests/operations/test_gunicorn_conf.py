"""deploy/gunicorn.conf.py, read the way gunicorn reads it (a Python file run
for its names), with the environment each test gives it.

tests/operations/test_nginx.py runs the same file under a real gunicorn.
"""

import datetime
import logging
import os
import runpy
import sys
import types
from pathlib import Path

import pytest
from gunicorn.config import Config

CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"


@pytest.fixture
def load(monkeypatch, tmp_path):
    """Run the file as gunicorn does; os.environ is restored after the test."""
    for name in (
        "WEB_CONCURRENCY",
        "GUNICORN_BIND",
        "RUNTIME_DIRECTORY",
        "PROMETHEUS_MULTIPROC_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GUNICORN_THREADS", raising=False)
    monkeypatch.setenv("RUNTIME_DIRECTORY", str(tmp_path / "run"))

    def load(**environment):
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(CONF))

    return load


def test_workers_are_two_per_usable_cpu_plus_one(load, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)

    assert load()["workers"] == 7


def test_web_concurrency_sets_the_workers(load):
    assert load(WEB_CONCURRENCY="3")["workers"] == 3


def test_workers_are_threaded_four_threads_unless_told(load):
    # Why threaded: tests/operations/test_long_downloads.py.
    assert load()["worker_class"] == "gthread"
    assert load()["threads"] == 4
    assert load(GUNICORN_THREADS="8")["threads"] == 8


def test_binds_to_loopback_port_8000_unless_told(load):
    assert load()["bind"] == ["127.0.0.1:8000"]
    assert load(GUNICORN_BIND="0.0.0.0:8080, unix:/run/site.sock")["bind"] == [
        "0.0.0.0:8080",
        "unix:/run/site.sock",
    ]


def test_control_socket_and_metrics_are_in_systemds_runtime_directory(load, tmp_path):
    # systemd lists every folder of RuntimeDirectory=, colon-separated.
    first, second = tmp_path / "first", tmp_path / "second"

    config = load(RUNTIME_DIRECTORY=f"{first}:{second}")

    assert config["control_socket"] == str(first / "gunicorn.ctl")
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(first / "metrics")
    assert config["worker_tmp_dir"] == str(first)
    assert first.is_dir() and not second.exists()


def test_without_systemd_the_runtime_folder_is_a_private_one_in_the_temporary_folder(
    load, monkeypatch, tmp_path
):
    monkeypatch.delenv("RUNTIME_DIRECTORY")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    config = load()

    folder = tmp_path / f"sscportal-{os.getuid()}"
    assert config["control_socket"] == str(folder / "gunicorn.ctl")
    assert folder.stat().st_mode & 0o777 == 0o700


def test_refuses_a_runtime_folder_anyone_may_write_to(load, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)

    with pytest.raises(SystemExit, match="others cannot write to"):
        load(RUNTIME_DIRECTORY=str(shared))


def test_the_master_starts_with_an_empty_metrics_folder(load, tmp_path):
    config = load()
    metrics = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    metrics.mkdir()
    (metrics / "counter_123.db").write_bytes(b"left by an earlier run")
    (metrics / "leftover").mkdir()

    config["on_starting"](server=None)

    assert metrics.is_dir() and list(metrics.iterdir()) == []


def test_the_metrics_folder_is_made_when_missing(load):
    config = load()

    config["on_starting"](server=None)

    assert Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).is_dir()


def test_a_dead_workers_metrics_are_marked_dead_when_prometheus_client_is_installed(
    load, monkeypatch
):
    config = load()
    marked = []
    multiprocess = types.SimpleNamespace(mark_process_dead=marked.append)
    monkeypatch.setitem(sys.modules, "prometheus_client", types.ModuleType("prometheus_client"))
    monkeypatch.setitem(sys.modules, "prometheus_client.multiprocess", multiprocess)
    sys.modules["prometheus_client"].multiprocess = multiprocess

    config["child_exit"](server=None, worker=types.SimpleNamespace(pid=4242))

    assert marked == [4242]


def test_without_prometheus_client_a_worker_exit_is_no_error(load, monkeypatch):
    config = load()
    # None in sys.modules makes the import fail, as when the package is absent.
    monkeypatch.setitem(sys.modules, "prometheus_client", None)

    assert config["child_exit"](server=None, worker=types.SimpleNamespace(pid=4242)) is None


class Kept(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


def access_line(config, response_headers, request_headers):
    """The access log line gunicorn would write for one request."""
    settings = Config()
    for name in ("access_log_format", "accesslog", "logger_class"):
        settings.set(name, config[name])
    logger = settings.logger_class(settings)
    response = types.SimpleNamespace(status="200 OK", sent=512, headers=response_headers)
    request = types.SimpleNamespace(headers=request_headers)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/en/",
        "SERVER_PROTOCOL": "HTTP/1.0",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_USER_AGENT": "probe",
    }
    # gunicorn's own handler (to stdout) formats; this one only keeps the record.
    (gunicorns,) = [h for h in logger.access_log.handlers if getattr(h, "_gunicorn", False)]
    logger.access_log.removeHandler(gunicorns)
    kept = Kept()
    logger.access_log.addHandler(kept)
    try:
        logger.access(response, request, environ, datetime.timedelta(microseconds=12345))
    finally:
        logger.access_log.removeHandler(kept)
        # Nothing left writing to this test's captured output.
        for handler in list(logger.error_log.handlers):
            if getattr(handler, "_gunicorn", False):
                logger.error_log.removeHandler(handler)
    return gunicorns.format(kept.records[0])


def test_an_access_line_has_time_level_logger_request_id_and_duration(load):
    line = access_line(load(), [("X-Request-ID", "abc123")], [("X-FORWARDED-FOR", "203.0.113.9")])

    assert line.endswith(
        ' INFO gunicorn.access [req=abc123] 127.0.0.1 203.0.113.9 "GET /en/ HTTP/1.0" 200 512 0.012345s "probe"'
    )
    # The site's timestamps: 2026-11-23T10:00:00.123Z
    assert datetime.datetime.strptime(line[:24], "%Y-%m-%dT%H:%M:%S.%fZ")


def test_the_access_line_has_the_id_the_site_answered_with_else_the_proxys(load):
    config = load()

    answered = access_line(config, [("X-Request-ID", "site")], [("X-REQUEST-ID", "proxy")])
    from_proxy = access_line(config, [], [("X-REQUEST-ID", "proxy")])
    none = access_line(config, [], [])

    assert "[req=site]" in answered
    assert "[req=proxy]" in from_proxy
    assert " gunicorn.access [req=-] " in none
