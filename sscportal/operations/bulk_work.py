"""Bulk work inside a transaction: the reader's statement timeout lifted.

settings.STATEMENT_TIMEOUT_MS bounds every query of a session, so that a
runaway reader's query is an error page, not a stuck worker. An import, a
dump, a generated corpus or the planner's statistics are not readers'
queries: they take as long as their size, and on a loaded machine longer.
manage.py lifts the limit for its commands (DB_COMMAND_STATEMENT_TIMEOUT_MS);
the same work started elsewhere (a test, the admin's import form, a worker
building a dump) calls this first thing in its transaction.
"""

from django.db import connection


def lift_statement_timeout():
    """No statement timeout until the current transaction ends.

    SET LOCAL outside a transaction does nothing (PostgreSQL only warns), so
    calling this in autocommit mode is a mistake said loudly, not ignored.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lift_statement_timeout() needs a transaction (transaction.atomic)")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 0")
