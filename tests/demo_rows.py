"""Reference data and demo content, written once per test process and copied from then on.

Importing demo/content.json costs a third of a second or more (nearly all of
it saving items one by one, with their history and links), and some 300 tests
ask for it; the browser tests also load the reference data again after each
test empties the database. So each is written once per test process, the rows
it added to each table are kept as COPY text, and `restore` writes them again
with COPY, in a few milliseconds. Tests that do not ask for the demo content
never see it.

A restored test sees what the import would have left: the same rows, in the
same physical order, with the ids and timestamps of the first import instead
of new ones (the tests compare neither with anything outside the database).
The import's other effects are repeated: it holds the import lock until the
transaction ends, refreshes the planner's statistics, bumps the content
version (so the cache starts afresh) and is counted on /metrics.

The demo rows refer to the reference data (countries, regions, goals) by id,
so they fit the reference data loaded when the test database was set up, or
restored from its rows (`site` in tests/browser/conftest.py). A transactional
test empties every table, but pytest-django runs those after all the others in
each process; were one to come first, the demo rows would break a foreign key,
which fails that test loudly at its end.
"""

from pathlib import Path

from django.db import connection, transaction
from psycopg import sql

from exchange.importer import IMPORT_LOCK, import_content, refresh_planner_statistics
from sscportal.caching import versions
from sscportal.operations import metrics


def _lines(cursor, table):
    """The rows of `table` as COPY's text lines, in physical order; generated columns left out."""
    with cursor.copy(sql.SQL("COPY {} TO STDOUT").format(sql.Identifier(table))) as copy:
        data = b"".join(bytes(chunk) for chunk in copy)
    return data.splitlines(keepends=True)


def _every_table(cursor):
    return {
        table: _lines(cursor.cursor, table)
        for table in connection.introspection.table_names(cursor)
    }


class AddedRows:
    """The rows `write()` adds to the database, and what `write()` returned.

    The rows stay in the database when `keep`, else they are rolled back.
    """

    def __init__(self, write, keep=False):
        with transaction.atomic(), connection.cursor() as cursor:
            before = _every_table(cursor)
            self.result = write()
            after = _every_table(cursor)
            transaction.set_rollback(not keep)
        self.tables = {}
        for table, rows in after.items():
            earlier = set(before[table])
            if not earlier <= set(rows):
                # Copying added rows cannot stand for changed or deleted ones.
                raise RuntimeError(f"{write} changed rows of {table} that were there before")
            added = [row for row in rows if row not in earlier]
            if added:
                self.tables[table] = b"".join(added)

    def copy_in(self):
        """Write the rows again, in the current transaction if there is one."""
        with transaction.atomic(), connection.cursor() as cursor:
            # Django's foreign keys are checked at commit (or at the end of a
            # test), so the tables may be filled in any order.
            for table, data in self.tables.items():
                query = sql.SQL("COPY {} FROM STDIN").format(sql.Identifier(table))
                with cursor.cursor.copy(query) as copy:
                    copy.write(data)


class ImportedContent(AddedRows):
    """What importing a content document adds, rolled back until `restore`."""

    def __init__(self, path):
        text = Path(path).read_text(encoding="utf-8")
        super().__init__(lambda: import_content(text))

    def restore(self):
        """Leave the database as importing the document would have (into the
        current transaction if there is one)."""
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK])
            self.copy_in()
        refresh_planner_statistics(self.result.counts)
        versions.bump_content_version()
        metrics.IMPORTS.labels("ok").inc()
