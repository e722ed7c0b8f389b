"""make bench-data recreates only databases it created (bench/bench_database.py)."""

import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(db):
    """The URL of the PostgreSQL server the tests use, without a database name."""
    connection.ensure_connection()
    settings = connection.settings_dict
    user = quote(settings["USER"] or "postgres", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    host = quote(settings["HOST"] or "127.0.0.1", safe="")
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}"


@pytest.fixture
def name(server):
    """A database name nobody else uses; dropped afterwards if it exists."""
    name = f"sscbench_test_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


def bench_database(server, name):
    return subprocess.run(
        [sys.executable, "bench/bench_database.py", server, name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def tables(server, name):
    with psycopg.connect(f"{server}/{name}") as database:
        return [
            row[0]
            for row in database.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]


def test_refuses_to_drop_a_database_it_did_not_create(server, name):
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    with psycopg.connect(f"{server}/{name}", autocommit=True) as database:
        database.execute("CREATE TABLE someone_elses (id int)")

    result = bench_database(server, name)

    assert result.returncode == 1
    assert result.stderr.startswith(f"bench-data: refusing to drop the database {name}:")
    assert tables(server, name) == ["someone_elses"]


def test_creates_a_database_then_recreates_it_empty(server, name):
    assert bench_database(server, name).returncode == 0
    with psycopg.connect(f"{server}/{name}", autocommit=True) as database:
        database.execute("CREATE TABLE from_a_run (id int)")

    again = bench_database(server, name)

    assert again.returncode == 0, again.stderr
    assert f"dropping {name}" in again.stdout
    assert tables(server, name) == []
