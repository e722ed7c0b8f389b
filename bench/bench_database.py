"""Drop and recreate one benchmark database, but only one this script created.

`make bench-data` runs it for sscbench10000 and sscbench100000 on BENCH_SERVER.
A database it creates carries a comment saying so; a database of that name
without the comment belongs to someone else, and the script refuses to drop it.

Run: .venv/bin/python bench/bench_database.py postgres://postgres@127.0.0.1:5432 sscbench10000
"""

import sys

import psycopg
from psycopg import sql

MARK = "sscportal benchmark data: make bench-data drops and recreates this database"


def recreate(server, name):
    """Return None when name is a fresh, empty database; otherwise why it was left alone."""
    database = sql.Identifier(name)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        found = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        if found is not None and found[0] != MARK:
            return (
                f"bench-data: refusing to drop the database {name}: it was not created by"
                " make bench-data. Drop it yourself if it is an old benchmark database,"
                " or point BENCH_SERVER at another server."
            )
        if found is not None:
            print(f"bench-data: dropping {name} (from an earlier make bench-data) to recreate it")
            connection.execute(sql.SQL("DROP DATABASE {}").format(database))
        # Under a C character type pg_trgm ignores Arabic letters (README, Configuration).
        connection.execute(
            sql.SQL(
                "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'"
                " LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'"
            ).format(database)
        )
        connection.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(database, sql.Literal(MARK))
        )
    return None


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    refusal = recreate(sys.argv[1].rstrip("/"), sys.argv[2])
    if refusal:
        sys.exit(refusal)
