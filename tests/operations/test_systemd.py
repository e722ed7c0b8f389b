"""deploy/systemd/: the units as systemd reads them, and the commands they run.

`systemd-analyze verify` and `security --offline` read unit files without a
running systemd, so they work in a container too. The units name the
production paths (/srv/sscportal/app, /srv/sscportal/venv); the copies checked
here point into this checkout, so that verify finds the programs they start.
"""

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from bench.postgres_programs import database_url

ROOT = Path(__file__).resolve().parents[2]
UNITS = sorted((ROOT / "deploy" / "systemd").iterdir())
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
needs_systemd_analyze = pytest.mark.skipif(
    SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed (apt-get install systemd)"
)


def here(text):
    return text.replace("/srv/sscportal/venv", sys.prefix).replace("/srv/sscportal/app", str(ROOT))


@pytest.fixture
def units(tmp_path):
    for unit in UNITS:
        (tmp_path / unit.name).write_text(here(unit.read_text()))
    return tmp_path


def analyze(*args):
    return subprocess.run(
        [SYSTEMD_ANALYZE, *args], capture_output=True, text=True, timeout=60, check=False
    )


def read_unit(name):
    # Unit files repeat keys (ExecStart= of a oneshot); the parser keeps each value.
    parser = configparser.ConfigParser(
        strict=False, interpolation=None, dict_type=MultiValues, empty_lines_in_values=False
    )
    parser.optionxform = str
    parser.read(ROOT / "deploy" / "systemd" / name)
    return parser


class MultiValues(dict):
    def __setitem__(self, key, value):
        if key in self and isinstance(value, list):
            self[key].extend(value)
        else:
            super().__setitem__(key, value)


def values(unit, section, key):
    return unit[section][key].split("\n")


@needs_systemd_analyze
def test_every_unit_passes_systemd_analyze_verify_without_a_warning(units):
    result = analyze("verify", *(str(units / unit.name) for unit in UNITS))

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""


@needs_systemd_analyze
def test_verify_would_name_a_misspelt_setting(units):
    # So that the test above, which expects silence, can fail.
    unit = units / "sscportal.service"
    unit.write_text(unit.read_text().replace("ProtectHome=", "ProtectHomes="))

    result = analyze("verify", str(unit))

    assert "Unknown key 'ProtectHomes'" in result.stderr


@needs_systemd_analyze
@pytest.mark.parametrize("service", [unit.name for unit in UNITS if unit.suffix == ".service"])
def test_each_service_is_confined_to_a_low_exposure(units, service):
    # systemd rates a unit's sandboxing from 0 (confined) to 10 (none); a
    # setting removed from the hardening block raises it above 2.
    result = analyze("security", "--offline=true", "--threshold=20", str(units / service))

    assert result.returncode == 0, result.stdout[-1500:]


def test_the_site_runs_the_shipped_gunicorn_settings_as_its_own_user_and_reloads_with_hup():
    service = read_unit("sscportal.service")["Service"]

    assert "--config deploy/gunicorn.conf.py sscportal.wsgi" in service["ExecStart"]
    assert service["User"] == "sscportal" and service["Group"] == "sscportal"
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert service["RuntimeDirectory"] == "sscportal"
    # systemd's own kill after TimeoutStopSec must not cut gunicorn's graceful stop short.
    graceful = re.search(
        r"^graceful_timeout = (\d+)$", (ROOT / "deploy/gunicorn.conf.py").read_text(), re.M
    )
    assert int(service["TimeoutStopSec"]) > int(graceful.group(1))


@pytest.mark.parametrize("timer", [unit.name for unit in UNITS if unit.suffix == ".timer"])
def test_each_timer_has_its_service_and_catches_up_after_downtime(timer):
    unit = read_unit(timer)

    assert (ROOT / "deploy" / "systemd" / timer.replace(".timer", ".service")).exists()
    assert unit["Timer"]["Persistent"] == "true"
    assert unit["Install"]["WantedBy"] == "timers.target"


@pytest.mark.django_db
def test_the_cleanup_commands_run_against_a_database(tmp_path):
    service = read_unit("sscportal-cleanup.service")["Service"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sscportal.settings_production",
        "SECRET_KEY": "cleanup-test-" * 4,
        "ALLOWED_HOSTS": "localhost",
        "SITE_URL": "https://localhost",
        "DATABASE_URL": database_url(connection.settings_dict),
    }
    commands = values(read_unit("sscportal-cleanup.service"), "Service", "ExecStart")
    assert len(commands) == 3

    outputs = []
    for command in commands:
        argv = shlex.split(here(command))
        result = subprocess.run(
            argv, cwd=here(service["WorkingDirectory"]), env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)

    assert [argv.split()[2] for argv in commands] == [
        "clearsessions",
        "axes_reset_logs",
        "delete_stale_subscriptions",
    ]
    assert outputs[1] == "No logs found.\n"
    assert outputs[2] == "0 stale alert subscription(s) deleted\n"


@pytest.mark.django_db
def test_the_publishing_timer_runs_its_command_every_minute():
    timer = read_unit("sscportal-publish.timer")["Timer"]
    service = read_unit("sscportal-publish.service")["Service"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sscportal.settings_production",
        "SECRET_KEY": "publish-test-" * 4,
        "ALLOWED_HOSTS": "localhost",
        "SITE_URL": "https://localhost",
        "DATABASE_URL": database_url(connection.settings_dict),
    }

    assert timer["OnCalendar"] == "*-*-* *:*:00"
    argv = shlex.split(here(service["ExecStart"]))
    assert argv[2] == "publish_scheduled"
    result = subprocess.run(
        argv, cwd=here(service["WorkingDirectory"]), env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # nothing due: a quiet journal
