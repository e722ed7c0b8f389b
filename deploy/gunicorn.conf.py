"""Gunicorn settings for sscportal in production: `gunicorn -c deploy/gunicorn.conf.py sscportal.wsgi`.

Read from the environment, each with a default that suits one machine behind nginx:

- WEB_CONCURRENCY: worker processes (default: 2 per CPU this process may run on, plus one);
- GUNICORN_THREADS: threads per worker (default 4);
- GUNICORN_BIND: address(es) to listen on, comma-separated (default 127.0.0.1:8000);
- RUNTIME_DIRECTORY: the folder for the control socket and the metrics files, set by
  systemd's RuntimeDirectory= (default: a private folder in the system's temporary folder).

Options given on gunicorn's command line win over this file.
Logs: requests on stdout, gunicorn's own messages on stderr, both as
`timestamp level logger [request_id] message`, like the site's (docs/OPERATIONS.md).
"""

import os
import shutil
import stat
import tempfile
from pathlib import Path

from gunicorn.glogging import Logger

from sscportal.operations.logs import UTCFormatter


def _cpus():
    try:
        # The CPUs this process may use: a container or a systemd CPUAffinity=
        # may allow fewer than the machine has.
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _runtime_folder():
    # systemd may list several folders (RuntimeDirectory=a b): the first is ours.
    given = os.environ.get("RUNTIME_DIRECTORY", "").split(":")[0]
    folder = Path(given) if given else Path(tempfile.gettempdir()) / f"sscportal-{os.getuid()}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # The control socket accepts commands (add workers, shut down) from whoever
    # can reach it: a folder someone else made, or that others may write to, is refused.
    info = folder.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o002:
        raise SystemExit(
            f"gunicorn.conf.py: the runtime folder {folder} must be a folder of user "
            f"{os.getuid()} that others cannot write to; set RUNTIME_DIRECTORY to one"
        )
    return folder


RUNTIME = _runtime_folder()

# Each worker writes its counters to files here (prometheus_client's
# multi-process mode), which the site's /metrics adds up; set before any
# worker starts, so every worker inherits it.
METRICS = RUNTIME / "metrics"
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(METRICS)

workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _cpus() + 1)
bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")]

# Threaded workers: a sync worker busy with one request stops telling the
# arbiter it is alive and is killed at `timeout`, and a whole-list download
# (100,000 initiatives: about two minutes) would be cut there. A threaded
# worker's main loop keeps reporting while its threads serve, so `timeout`
# catches only a worker that hangs as a whole (tests/operations/test_long_downloads.py).
# The site keeps no per-request state outside context variables; each
# thread has its own database connection (workers × threads in all).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)

# A worker silent this long is killed; a stopping or reloaded worker has this
# long to finish the requests it holds (systemd's TimeoutStopSec is longer).
timeout = 30
graceful_timeout = 30
# Heartbeat files on the runtime folder (a tmpfs under systemd), not on a disk
# that can stall every worker at once.
worker_tmp_dir = str(RUNTIME)

# `gunicornc -s $RUNTIME_DIRECTORY/gunicorn.ctl` shows and manages the workers.
control_socket = str(RUNTIME / "gunicorn.ctl")
control_socket_mode = 0o600

accesslog = "-"
errorlog = "-"
loglevel = "info"
# client address, the proxy's X-Forwarded-For, request line, status, bytes, seconds, user agent
access_log_format = (
    '[req=%(request_id)s] %(h)s %({x-forwarded-for}i)s "%(r)s" %(s)s %(b)s %(L)ss "%(a)s"'
)


class SiteLogger(Logger):
    """Gunicorn's lines in the site's shape: `timestamp level logger [request_id] message`."""

    error_fmt = "%(asctime)s %(levelname)s %(name)s [req=-] %(message)s"
    access_fmt = "%(asctime)s %(levelname)s %(name)s %(message)s"

    def setup(self, cfg):
        super().setup(cfg)
        # The site's timestamps (sscportal/operations/logs.py): 2026-11-23T10:00:00.123Z, in UTC.
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(UTCFormatter(handler.formatter._fmt))

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # The id the site answered with (the proxy's, or one it made up), else the proxy's.
        atoms["request_id"] = atoms.get("{x-request-id}o") or atoms.get("{x-request-id}i") or "-"
        return atoms


logger_class = SiteLogger


def on_starting(server):
    # Files left by the workers of an earlier run would be added to this one's
    # counters: start from an empty folder. A reload (HUP) keeps them.
    METRICS.mkdir(mode=0o700, exist_ok=True)
    for entry in METRICS.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def child_exit(server, worker):
    # A dead worker's gauges must stop counting; only when the site uses
    # prometheus_client at all.
    try:
        from prometheus_client import multiprocess
    except ImportError:
        return
    multiprocess.mark_process_dead(worker.pid)
