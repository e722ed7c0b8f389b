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


def write_document(write, sections):
    """Write, piece by piece, the text `dumps` gives for the envelope followed by
    `sections`, pairs of (name, items): only one item is in memory at a time, so an
    export of any size runs in the memory of its largest item."""
    envelope = json.dumps({"format": FORMAT, "version": VERSION}, indent=2)
    write(envelope[: -len("\n}")])
    for name, items in sections:
        write(f",\n  {json.dumps(name, ensure_ascii=False)}: [")
        separator = "\n    "
        for item in items:
            # JSON escapes newlines inside strings, so every newline of the item's
            # text is between tokens: indenting each line nests it two levels down.
            write(separator + dumps(item)[:-1].replace("\n", "\n    "))
            separator = ",\n    "
        # `dumps` writes an empty list as [] and closes a full one on its own line.
        write("]" if separator == "\n    " else "\n  ]")
    write("\n}\n")
