"""The envelope of a content document and the report of an import."""

import json
from dataclasses import dataclass, field

FORMAT = "sscportal-content"
# What export writes; import reads every version listed (older files import unchanged).
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)


@dataclass
class Report:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def error(self, path, message):
        self.errors.append(f"{path}: {message}")

    def warning(self, path, message):
        self.warnings.append(f"{path}: {message}")


class ImportFailed(Exception):
    def __init__(self, report):
        super().__init__("\n".join(report.errors))
        self.report = report


def dumps(document):
    """The canonical text of a document: stable key order, UTF-8, Arabic unescaped."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
