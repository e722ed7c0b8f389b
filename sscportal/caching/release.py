"""The release: a digest of what shapes cached output besides the content.

Cached pages, fragments and values are keyed by the content version, which
only content changes bump. A deploy that changes a template, a view or a
translation changes what the same content renders as; without this part in
every key the old HTML would be served until the next edit. The digest is of
the project's templates, compiled catalogues and Python sources (not tests,
benchmarks or the virtualenv), computed once per process: under 300 files,
about 15 milliseconds at start-up.
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

# What a reader's page is made from; anything else does not change output.
SUFFIXES = {".py", ".html", ".txt", ".xml", ".mo"}
# Folders never walked (the virtualenv alone holds tens of thousands of files).
SKIPPED = {
    "node_modules",
    "tools",
    "tests",
    "bench",
    "build",
    "staticfiles",
    "media",
    "__pycache__",
}


def _files(root):
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [
            n
            for n in subfolders
            if n not in SKIPPED and not n.startswith(".") and not n.endswith(".egg-info")
        ]
        for name in names:
            if os.path.splitext(name)[1] in SUFFIXES:
                yield Path(folder, name)


@functools.cache
def code_release():
    """12 hex digits that change whenever a deployed source file changes."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted(set(_files(root))):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
