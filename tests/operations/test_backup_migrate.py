"""A nightly backup restores onto a database and the migration chain runs on it
(issue 28, part 7).

The backup is what deploy/backup.sh writes (pg_dump's custom format beside a
content export). Here the "next release" is this same code: the backup of a
database at this release restores and `migrate` finds nothing to apply. To
run migrations on restored data all the same, the second test takes the
backup after undoing the newest migration of each of the site's apps (a
database as the release before them left it, near enough), restores it and
lets `migrate` apply them on the restored rows (an app whose newest migration
is its first is left as it is: before it, the app did not exist).
"""

import os
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from bench.postgres_programs import client_program

from .test_backup import manage, run, scratch_databases  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "backup.sh"
SITE_APPS = ["sscportal", "initiatives", "events", "statements", "resources", "pages"]

pytestmark = pytest.mark.django_db


def server_major():
    return connection.pg_version // 10000


def nightly_backup(url, folder):
    """(dump, export) as the nightly timer writes them, of the database at url."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "BACKUP_DIR": str(folder),
        "PG_DUMP": client_program("pg_dump", server_major()),
        "PYTHON": sys.executable,
        "DJANGO_SETTINGS_MODULE": "sscportal.settings",
    }
    run(str(SCRIPT), env=env)
    (dump,) = folder.glob("sscportal-*.dump")
    (export,) = folder.glob("sscportal-*.json")
    return dump, export


def filled(url):
    manage(url, "migrate", "--noinput", "-v0")
    manage(url, "load_reference_data")
    manage(url, "setup_roles")
    manage(url, "import_content", "demo/content.json")


def restore(dump, url):
    run(client_program("pg_restore", server_major()), "--no-owner", "-d", url, str(dump))


def test_a_backup_restores_and_migrate_has_nothing_left_to_do(scratch_databases, tmp_path):  # noqa: F811
    source, target = scratch_databases
    filled(source)
    dump, export = nightly_backup(source, tmp_path)

    restore(dump, target)
    # The same code: every migration the backup's database had is this release's.
    assert "No migrations to apply." in manage(target, "migrate", "--noinput")
    manage(target, "migrate", "--check")  # exits non-zero if any is unapplied
    assert manage(target, "export_content") == export.read_text()


def newest_migrations():
    """{app: (its newest migration, the one before)} for the site's own apps."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    found = {}
    for app in SITE_APPS:
        (leaf,) = loader.graph.leaf_nodes(app)
        parents = [parent for parent in loader.graph.node_map[leaf].parents if parent[0] == app]
        # An app whose newest migration is its first did not exist before it: left as is.
        if parents:
            found[app] = (leaf[1], parents[0][1])
    return found


def test_a_backup_from_before_the_newest_migrations_migrates_on_restore(
    scratch_databases,  # noqa: F811
    tmp_path,
):
    source, target = scratch_databases
    filled(source)
    # Back to before each app's newest migration, newest-dependent apps first.
    newest = newest_migrations()
    for app in reversed([app for app in SITE_APPS if app in newest]):
        manage(source, "migrate", app, newest[app][1], "--noinput", "-v0")
    # As backup.sh dumps it; its content export is left out: the previous
    # release's code would write it, and this code cannot read that schema.
    dump = tmp_path / "sscportal-before.dump"
    run(client_program("pg_dump", server_major()), "--format=custom", "--no-owner",
        f"--dbname={source}", f"--file={dump}")  # fmt: skip

    restore(dump, target)
    applied = manage(target, "migrate", "--noinput")
    for app, (leaf, _before) in newest.items():
        assert f"Applying {app}.{leaf}... OK" in applied, applied
    manage(target, "migrate", "--check")
    # The restored database now holds what the source holds once migrated too.
    manage(source, "migrate", "--noinput", "-v0")
    assert manage(target, "export_content") == manage(source, "export_content")
    with psycopg.connect(target) as restored:
        kept = restored.execute(
            "SELECT count(*) FROM statements_historicalstatement_mentioned_initiatives"
        ).fetchone()[0]
    # Statement history from before mentions were kept gets the present ones.
    assert kept > 0
