"""The JSON Schema of content documents, built from the sections the content
types declare, and committed as docs/content-format.schema.json.

`manage.py content_schema` rewrites the file; a test fails when it is stale.
Every import is checked against the committed file, so the file published to
re-users and what the import accepts cannot part ways.
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator

from sscportal import content_types
from sscportal.exchange_format import member, object_schema

from .document import FORMAT, READABLE_VERSIONS

SCHEMA_FILE = Path(settings.BASE_DIR) / "docs" / "content-format.schema.json"


def document_schema():
    properties = {
        "format": {"const": FORMAT},
        "version": {"enum": list(READABLE_VERSIONS)},
    }
    for section in content_types.sections():
        item = object_schema(section.fields)
        properties[section.name] = {"type": "array", "items": item}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://sscportal.example/content-format.schema.json",
        "title": "sscportal content document",
        "description": "Content of the site in and out as one document (docs/content-format.md).",
        "type": "object",
        "properties": properties,
        "required": ["format", "version"],
        "additionalProperties": False,
    }


def schema_text():
    return json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"


@cache
def _validator():
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _path(parts):
    path = "$"
    for part in parts:
        path = f"{path}[{part}]" if isinstance(part, int) else member(path, part)
    return path


def check(document, report):
    """Report every way `document` breaks the committed schema."""
    for error in _validator().iter_errors(document):
        report.error(_path(error.absolute_path), f"breaks the schema: {error.message}")
