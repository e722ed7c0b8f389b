"""Import of a content document: all or nothing, every error with its JSON path.

Import runs in two passes. The first reads the whole file and collects every
error with its JSON path, touching nothing; a document the converters accept
is also checked against the published JSON Schema. Only a file without errors
reaches the second pass, which upserts every item by natural key inside one
transaction, so the database is never left half-imported.
"""

import json
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from sscportal import content_types
from sscportal.exchange_format import MISSING, ListOf, Record, Reference, load_object, show

from . import schema
from .document import FORMAT, READABLE_VERSIONS, ImportFailed, Report


@dataclass
class Context:
    """Natural keys a reference may point to, by kind: in the database or in the file."""

    known: dict


def import_content(text):
    """Import a document given as JSON text. Raises ImportFailed; returns a Report."""
    report = Report()
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        report.error("$", f"not valid JSON: {error}")
        raise ImportFailed(report) from None
    items = read_document(document, report)
    if not report.errors:
        schema.check(document, report)
    if report.errors:
        raise ImportFailed(report)
    try:
        with transaction.atomic():
            write_items(items, report)
    except IntegrityError as error:
        # Every rule is checked in the first pass; this is the database's
        # last word on something we did not foresee. Nothing was written.
        report.error("$", f"the database refused the import: {error}")
        raise ImportFailed(report) from None
    return report


def read_document(document, report):
    """First pass: validate everything, return {section name: [(path, data)]}."""
    if not isinstance(document, dict):
        report.error("$", "must be a JSON object")
        return {}
    sections = content_types.sections()
    for key in document:
        if key not in ["format", "version", *(section.name for section in sections)]:
            report.error(key, "unknown top-level key")
    if document.get("format") != FORMAT:
        report.error("format", f'must be "{FORMAT}"')
    if document.get("version") not in READABLE_VERSIONS:
        report.error("version", f"must be {' or '.join(map(str, READABLE_VERSIONS))}")

    context = Context(known=_known_keys(document, sections))
    items = {}
    for section in sections:
        entries = document.get(section.name, [])
        if not isinstance(entries, list):
            report.error(section.name, "must be a list")
            continue
        items[section.name] = []
        first_seen = {}
        for index, entry in enumerate(entries):
            path = f"{section.name}[{index}]"
            if not isinstance(entry, dict):
                report.error(path, "must be an object")
                continue
            data = load_object(entry, section.fields, path, report, context)
            if data is MISSING:
                continue
            key = data[section.key]
            if key in first_seen:
                report.error(
                    f"{path}.{section.key}",
                    f"duplicate {section.key} {show(key)} (also at {first_seen[key]})",
                )
                continue
            first_seen[key] = path
            if all(rule(data, path, report) for rule in section.rules):
                items[section.name].append((path, data))
        if section.check is not None:
            items[section.name] = section.check(items[section.name], report)
    return items


def _referenced_kinds(sections):
    """The kinds some key of some section refers to (countries, organizations...)."""
    kinds = set()

    def visit(field):
        if isinstance(field, Reference):
            kinds.add(field.kind)
        elif isinstance(field, ListOf):
            visit(field.item)
        elif isinstance(field, Record):
            for inner in field.fields.values():
                visit(inner)

    for section in sections:
        for field in section.fields.values():
            visit(field)
    return kinds


def _known_keys(document, sections):
    """Every natural key a reference may use: already stored, or named in the file."""
    known = {}
    for kind in _referenced_kinds(sections):
        section = content_types.section_named(kind)
        known[kind] = set(section.model.objects.values_list(section.key, flat=True))
        entries = document.get(kind) if isinstance(document, dict) else None
        if isinstance(entries, list):
            known[kind].update(
                entry[section.key]
                for entry in entries
                if isinstance(entry, dict) and isinstance(entry.get(section.key), (str, int))
            )
    return known


def write_items(items, report):
    """Second pass: upsert every item, section by section."""
    for section in content_types.sections():
        entries = items.get(section.name, [])
        for _path, data in entries:
            _upsert(section, data)
        report.counts[section.name] = len(entries)


def _resolve(kind, key):
    section = content_types.section_named(kind)
    return section.model.objects.get(**{section.key: key})


def _upsert(section, data):
    key = data[section.key]
    instance = section.model.objects.filter(**{section.key: key}).first()
    if instance is None:
        instance = section.model(**{section.key: key})
    relations = {}
    for name, field in section.fields.items():
        if field.is_relation:
            relations[name] = field
        elif name != section.key:
            field.write(instance, name, data[name], _resolve)
    instance.save()
    for name, field in relations.items():
        field.write(instance, name, data[name], _resolve)
