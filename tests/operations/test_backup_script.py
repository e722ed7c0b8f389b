"""deploy/backup.sh, which sscportal-backup.service runs every night, against
the test database. tests/operations/test_backup.py shows that such a dump
restores into a fresh database with everything in it.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from bench.postgres_programs import client_program, database_url

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "backup.sh"
DAY = 24 * 60 * 60

pytestmark = pytest.mark.django_db


def backup(folder, **environment):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(connection.settings_dict),
        "BACKUP_DIR": str(folder),
        "PG_DUMP": client_program("pg_dump", connection.pg_version // 10000),
        "PYTHON": sys.executable,
        "DJANGO_SETTINGS_MODULE": "sscportal.settings",
        **environment,
    }
    # As systemd starts it: from anywhere, the checkout found from the script's place.
    return subprocess.run(
        [str(SCRIPT)], cwd="/", env=env, capture_output=True, text=True, timeout=120
    )


def aged(path, days):
    path.write_text("an earlier backup")
    then = time.time() - days * DAY
    os.utime(path, (then, then))
    return path


def test_writes_a_custom_format_dump_and_a_content_export_named_by_the_time(tmp_path):
    result = backup(tmp_path)

    assert result.returncode == 0, result.stderr
    (dump,) = tmp_path.glob("sscportal-*.dump")
    (export,) = tmp_path.glob("sscportal-*.json")
    assert dump.stem == export.stem
    assert sorted(path.name for path in tmp_path.iterdir()) == [dump.name, export.name]
    listing = subprocess.run(
        [client_program("pg_restore", connection.pg_version // 10000), "--list", str(dump)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TABLE DATA public initiatives_country" in listing
    assert json.loads(export.read_text())["format"] == "sscportal-content"
    # Only the site's user may read them.
    assert dump.stat().st_mode & 0o777 == export.stat().st_mode & 0o777 == 0o600


def test_deletes_backups_older_than_the_days_kept_and_nothing_else(tmp_path):
    old = [aged(tmp_path / f"sscportal-2026-01-01T031000Z.{kind}", 20) for kind in ("dump", "json")]
    recent = [
        aged(tmp_path / f"sscportal-2026-01-12T031000Z.{kind}", 9) for kind in ("dump", "json")
    ]
    unrelated = aged(tmp_path / "notes.txt", 400)

    result = backup(tmp_path, BACKUP_KEEP_DAYS="14")

    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in old)
    assert all(path.exists() for path in recent + [unrelated])
    assert len(list(tmp_path.glob("sscportal-*"))) == 4


def test_a_failed_backup_leaves_no_file_and_deletes_no_older_backup(tmp_path):
    old = aged(tmp_path / "sscportal-2026-01-01T031000Z.dump", 400)

    result = backup(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing-listens-here")

    assert result.returncode != 0
    assert list(tmp_path.iterdir()) == [old]


def test_says_what_is_missing_without_a_folder(tmp_path):
    result = backup(tmp_path, BACKUP_DIR="", STATE_DIRECTORY="")

    assert result.returncode == 2
    assert result.stderr == "backup.sh: set BACKUP_DIR to the folder for the backups\n"
