"""The full dumps: files rebuilt on the first request after a content change.

A dump is declared once (`declare(name, build)`, by the app that knows how to
write it: the exchange app's export and data package) and served by front/.
`current(name)` returns the file of the current content version
(sscportal/caching/versions.py), building it first if it is not there:

- an editor's save never waits: it only bumps the version, as for every cache;
- the first request after a change builds the file, holding a PostgreSQL
  advisory lock named after the dump, so that two workers (or two servers on
  one database) never build the same file at once: the others wait for the
  lock, then find the file built;
- the file is written under a temporary name and renamed into place, so a
  reader never sees half a file; the dump's older versions are then deleted
  (a worker still sending one keeps its open file: deleting does not cut it);
- it is read in one REPEATABLE READ transaction: one moment's content, even
  while editors save.

While the shared cache does not answer there is no version: the newest file
there is is served (it may be older than the latest change), or one is built.
`manage.py build_dumps` builds them ahead of readers (after an import, say).
"""

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation

from sscportal.caching.versions import content_version
from sscportal.operations.bulk_work import lift_statement_timeout

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Dump:
    name: str  # its file name as served: "sscportal-content.json.gz"
    build: Any  # build(file): writes the dump into a binary file open for writing
    content_type: str

    @property
    def stem_and_suffix(self):
        stem, _dot, suffix = self.name.partition(".")
        return stem, suffix

    def path(self, version):
        stem, suffix = self.stem_and_suffix
        return Path(settings.DATA_DUMP_ROOT) / f"{stem}-{version}.{suffix}"

    def versions(self):
        """The files of this dump there are, newest first."""
        stem, suffix = self.stem_and_suffix
        root = Path(settings.DATA_DUMP_ROOT)
        found = root.glob(f"{stem}-*.{suffix}") if root.is_dir() else []
        return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)


_declared = {}


def declare(name, build, content_type):
    _declared[name] = Dump(name, build, content_type)


def declared():
    return dict(_declared)


def current(name):
    """(the file of dump `name` for the current content, the version it is of)."""
    dump = _declared[name]
    version = content_version()
    if version is None:
        existing = dump.versions()
        if existing:
            return existing[0], existing[0].stem.rpartition("-")[2]
        version = "unversioned"
    path = dump.path(version)
    if not path.exists():
        _build(dump, version)
    return path, str(version)


def _lock_id(name):
    # pg_advisory_xact_lock takes a signed 64-bit key.
    return int.from_bytes(
        hashlib.sha256(f"sscportal-dump:{name}".encode()).digest()[:8], "big", signed=True
    )


def _build(dump, version):
    path = dump.path(version)
    path.parent.mkdir(parents=True, exist_ok=True)
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        with connection.cursor() as cursor:
            if outermost:
                # Before any query of the transaction: one snapshot for the whole dump.
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            # Writing every item takes as long as it takes, and waiting for the
            # worker building it too.
            lift_statement_timeout()
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_id(dump.name)])
        if path.exists():  # another worker built it while this one waited
            return
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{dump.name}.")
        try:
            # Whoever asked first, and in whichever language: the same file.
            with os.fdopen(handle, "wb") as file, translation.override(settings.LANGUAGE_CODE):
                dump.build(file)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    logger.info("built %s for content version %s", dump.name, version)
    for older in dump.versions():
        if older != path:
            older.unlink(missing_ok=True)
