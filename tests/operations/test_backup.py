"""A pg_dump of a real database restores into a fresh one with everything in it."""

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.db import connection

from bench.postgres_programs import client_program, database_url

pytestmark = pytest.mark.django_db


def run(*command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def manage(url, *args):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "sscportal.settings"}
    return run(sys.executable, "manage.py", *args, env=env)


@pytest.fixture
def scratch_databases():
    """Two empty databases on the test server, dropped afterwards."""
    settings_dict = connection.settings_dict
    names = [f"sscportal_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    admin_url = database_url(settings_dict, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield [database_url(settings_dict, name) for name in names]
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_dump_restores_into_a_fresh_database_with_everything(scratch_databases, tmp_path):
    source, target = scratch_databases
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "load_reference_data")
    manage(source, "import_content", "demo/content.json")
    before = manage(source, "export_content")

    server_major = connection.pg_version // 10000
    dump = tmp_path / "sscportal.dump"
    run(client_program("pg_dump", server_major), "-Fc", "--no-owner", "-f", str(dump), "-d", source)
    run(client_program("pg_restore", server_major), "--no-owner", "-d", target, str(dump))

    after = manage(target, "export_content")
    assert after == before
    assert "سيسرك ومكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب يصدران تقريراً مشتركاً" in after
    with psycopg.connect(target) as restored:
        countries = restored.execute(
            "SELECT name_ar FROM initiatives_country WHERE iso2 = 'EG'"
        ).fetchone()
        history = restored.execute("SELECT count(*) FROM statements_historicalstatement").fetchone()
    assert countries == ("مصر",)
    assert history[0] >= 5
