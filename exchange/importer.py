"""Import of a content document: all or nothing, every error with its JSON path.

Import runs in two passes. The first reads the whole file and collects every
error with its JSON path, touching nothing; a document the converters accept
is also checked against the published JSON Schema. Only a file without errors
reaches the second pass, which upserts every item by natural key inside one
transaction, so the database is never left half-imported.
"""

import json
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction

from initiatives.membership import refreshed_on_leaving as memberships_refreshed_on_leaving
from sscportal import content_types
from sscportal.admin_toolkit.history_links import links_recorded_once
from sscportal.exchange_format import (
    MISSING,
    ListOf,
    Record,
    Reference,
    load_object,
    member,
    show,
)
from sscportal.operations import metrics
from sscportal.operations.bulk_work import lift_statement_timeout
from sscportal.search.links import refreshed_on_leaving
from sscportal.text.safety import first_forbidden

from . import schema
from .document import FORMAT, READABLE_VERSIONS, ImportFailed, Report


@dataclass
class Context:
    """Natural keys a reference may point to, by kind: in the database or in the file."""

    known: dict


# One number for every import: PostgreSQL lets one session at a time hold it.
IMPORT_LOCK = 0x55C_1A90
# The change reason of every history record an import writes: the history
# page shows such a record as the import's, where it has no user.
IMPORT_REASON = "import"


class _Object(dict):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates = ()


def _object(pairs):
    result = _Object(pairs)
    if len(result) < len(pairs):
        seen = set()
        result.duplicates = [k for k, _v in pairs if k in seen or seen.add(k)]
    return result


def _refuse_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def parse(text, report):
    """The document, or None with the reason reported at `$`."""
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_refuse_constant)
    except RecursionError:
        report.error("$", "not valid JSON: nested too deeply")
    except (ValueError, UnicodeDecodeError) as error:
        # JSONDecodeError is a ValueError, and so are numbers of thousands of digits.
        report.error("$", f"not valid JSON: {error}")
    return None


def _path(parent, key):
    return f"{parent}[{key}]" if isinstance(key, int) else member(parent, key)


def check_text(document, report):
    """Report keys given twice and characters XML 1.0 forbids, anywhere, with their paths."""
    pending = [("$", document)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            if character := first_forbidden(value):
                report.error(path, f"contains the character {character}, which XML 1.0 forbids")
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                report.error(path, f"the key {show(key)} is given twice")
            for key in value:
                if character := first_forbidden(key):
                    report.error(
                        path, f"a key contains the character {character}, which XML 1.0 forbids"
                    )
            pending.extend((_path(path, key), inner) for key, inner in value.items())
        elif isinstance(value, list):
            pending.extend((_path(path, i), inner) for i, inner in enumerate(value))
    report.errors.sort()


@metrics.counted_import()  # for /metrics: each run, ok or failed
def import_content(text):
    """Import a document given as JSON text. Raises ImportFailed; returns a Report."""
    report = Report()
    document = parse(text, report)
    if not report.errors:
        check_text(document, report)
    if report.errors:
        raise ImportFailed(report)
    items = read_document(document, report)
    if not report.errors:
        schema.check(document, report)
    if report.errors:
        raise ImportFailed(report)
    with transaction.atomic():
        # An import from the admin form runs in a web worker, under the
        # reader's limit: a large file would be cut halfway (and rolled back).
        lift_statement_timeout()
        if not _take_import_lock():
            report.error("$", "another import is running; try again when it has finished")
            raise ImportFailed(report)
        # Linked names and memberships are rewritten once per item, at the end.
        with refreshed_on_leaving(), memberships_refreshed_on_leaving():
            write_items(items, report)
        if report.errors:
            # Every rule is checked in the first pass; these are the database's
            # last word on something we did not foresee. Nothing is kept.
            transaction.set_rollback(True)
    if report.errors:
        raise ImportFailed(report)
    refresh_planner_statistics(items)
    return report


def refresh_planner_statistics(items):
    """ANALYZE the tables an import wrote to.

    An import can fill tables that were empty. Until autovacuum next samples
    them the planner takes them for empty and chooses nested loops that run
    a whole subquery again for every row: a facet count at 200 initiatives
    took seconds (on a server whose statistics said "empty", minutes). ANALYZE
    reads a sample of at most 30,000 rows a table, so it costs little even
    at 100,000 initiatives.
    """
    apps = {content_types.section_named(name).model._meta.app_config for name in items}
    tables = sorted(
        {
            model._meta.db_table
            for app in apps
            for model in app.get_models(include_auto_created=True)
            if not model._meta.proxy
        }
    )
    if tables:
        # Outside manage.py (an import in a test, or from the admin) the
        # site's statement timeout would apply, and CI's loaded machine passed it.
        with transaction.atomic(), connection.cursor() as cursor:
            lift_statement_timeout()
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def _take_import_lock():
    """Two imports at once would wait on each other's rows (and could deadlock):
    the second is refused at once instead. Released when the transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK])
        return cursor.fetchone()[0]


def read_document(document, report):
    """First pass: validate everything, return {section name: [(path, data)]}."""
    if not isinstance(document, dict):
        report.error("$", "must be a JSON object")
        return {}
    sections = content_types.sections()
    for key in document:
        if key not in ["format", "version", *(section.name for section in sections)]:
            report.error(member("$", key), "unknown top-level key")
    if document.get("format") != FORMAT:
        report.error("format", f'must be "{FORMAT}"')
    if document.get("version") not in READABLE_VERSIONS:
        *earlier, last = map(str, READABLE_VERSIONS)
        report.error("version", f"must be {', '.join(earlier)} or {last}")

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
            items[section.name] = section.check(items[section.name], report, items)
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
        for path, data in entries:
            try:
                with transaction.atomic():
                    _upsert(section, data)
            except (DatabaseError, ValueError) as error:
                first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
                report.error(path, f"the database refused this item: {first_line}")
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
    # The edit history says the import made this change, not a person
    # (templates/simple_history/object_history_list.html shows it so).
    instance._change_reason = IMPORT_REASON
    instance.save()
    # The history record was written by save(), before the links were set:
    # they are recorded on it, not in records of their own.
    with links_recorded_once(instance):
        for name, field in relations.items():
            field.write(instance, name, data[name], _resolve)
