"""Import and export of content in the exchange format (CONTENT_FORMAT.md).

Import runs in two passes. The first reads the whole file and collects every
error with its JSON path, touching nothing. Only a file without errors reaches
the second pass, which upserts every item by natural key inside one
transaction, so the database is never left half-imported.
"""

import json
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from events.models import Event, Observance
from initiatives.models import (
    Country,
    CountryRole,
    Initiative,
    Modality,
    Organization,
    OrganizationKind,
    PartnerRole,
    Stage,
)
from statements.models import Statement, StatementKind

from .exchange_fields import (
    LANGUAGES,
    MISSING,
    Boolean,
    Choice,
    Date,
    DateTime,
    Integer,
    ListOf,
    Record,
    Reference,
    Slug,
    String,
    Text,
    TimeZone,
    Url,
    load_object,
    show,
)
from .models import Status

FORMAT = "sscportal-content"
VERSION = 1

OPTIONAL = {"required": False, "nullable": True}
STATUS = Choice(Status, required=False, nullable=True, default=Status.DRAFT)
LANGUAGE_CODE = String(pattern=re.compile(r"^[a-z]{2}$"), hint=" (an ISO 639-1 code)")


@dataclass
class Section:
    """One top-level list of the file: its model, natural key and fields."""

    name: str
    model: type
    key: str
    fields: dict
    # Fields kept in other tables, written after the item is saved.
    relations: tuple = ()


ORGANIZATIONS = Section(
    "organizations",
    Organization,
    "key",
    {
        "key": Slug(),
        "name": Text(needs_text=True, max_length=300),
        "acronym": Text(max_length=50, **OPTIONAL),
        "kind": Choice(OrganizationKind),
        "country": Reference("countries", "ISO code", **OPTIONAL),
        "website": Url(**OPTIONAL),
    },
)

INITIATIVES = Section(
    "initiatives",
    Initiative,
    "slug",
    {
        "slug": Slug(),
        "status": STATUS,
        "title": Text(needs_text=True, max_length=300),
        "summary": Text(**OPTIONAL),
        "description": Text(rich=True, **OPTIONAL),
        "modality": Choice(Modality),
        "stage": Choice(Stage),
        "start_date": Date(**OPTIONAL),
        "end_date": Date(**OPTIONAL),
        "countries": ListOf(
            Record(
                {
                    "country": Reference("countries", "ISO code"),
                    "role": Choice(CountryRole),
                }
            ),
            unique_by="country",
        ),
        "partners": ListOf(
            Record(
                {
                    "organization": Reference("organizations", "organization key"),
                    "role": Choice(PartnerRole),
                }
            ),
            unique_by=None,
            **OPTIONAL,
        ),
        "sdgs": ListOf(Integer(minimum=1, maximum=17), unique_by=None, **OPTIONAL),
        "source_url": Url(**OPTIONAL),
    },
    relations=("countries", "partners", "sdgs"),
)

OBSERVANCES = Section(
    "observances",
    Observance,
    "year",
    {
        "year": Integer(minimum=1978, maximum=2200),
        "date": Date(),
        "theme": Text(needs_text=True, max_length=300),
        "summary": Text(**OPTIONAL),
    },
)

EVENTS = Section(
    "events",
    Event,
    "slug",
    {
        "slug": Slug(),
        "status": STATUS,
        "observance": Reference("observances", "observance year", **OPTIONAL),
        "title": Text(needs_text=True, max_length=300),
        "description": Text(rich=True, **OPTIONAL),
        "venue": Text(max_length=300, **OPTIONAL),
        "starts_at": DateTime(),
        "ends_at": DateTime(**OPTIONAL),
        "timezone": TimeZone(),
        "online": Boolean(),
        "url": Url(**OPTIONAL),
        "country": Reference("countries", "ISO code", **OPTIONAL),
        "organizers": ListOf(
            Reference("organizations", "organization key"), unique_by=None, **OPTIONAL
        ),
    },
    relations=("organizers",),
)

STATEMENTS = Section(
    "statements",
    Statement,
    "slug",
    {
        "slug": Slug(),
        "status": STATUS,
        "title": Text(needs_text=True, max_length=300),
        "body": Text(rich=True),
        "speaker": Text(max_length=200),
        "speaker_title": Text(max_length=300, **OPTIONAL),
        "organization": Reference("organizations", "organization key", **OPTIONAL),
        "kind": Choice(StatementKind),
        "delivered_on": Date(),
        "event": Reference("events", "event slug", **OPTIONAL),
        "original_language": LANGUAGE_CODE,
        "source_url": Url(**OPTIONAL),
    },
)

# Order matters: each section refers only to sections before it.
SECTIONS = [ORGANIZATIONS, INITIATIVES, OBSERVANCES, EVENTS, STATEMENTS]
TOP_LEVEL_KEYS = ["format", "version"] + [section.name for section in SECTIONS]

# How a reference is stored: the related model and its natural key.
REFERENCED = {
    "countries": (Country, "iso2"),
    "organizations": (Organization, "key"),
    "observances": (Observance, "year"),
    "events": (Event, "slug"),
}


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


@dataclass
class Context:
    """Natural keys a reference may point to: in the database or in the file."""

    known: dict


# --- Import -----------------------------------------------------------------


def import_content(text):
    """Import a document given as JSON text. Raises ImportFailed; returns a Report."""
    report = Report()
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        report.error("$", f"not valid JSON: {error}")
        raise ImportFailed(report) from None
    items = read_document(document, report)
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
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            report.error(key, "unknown top-level key")
    if document.get("format") != FORMAT:
        report.error("format", f'must be "{FORMAT}"')
    if document.get("version") != VERSION:
        report.error("version", f"must be {VERSION}")

    context = Context(known=_known_keys(document))
    items = {}
    for section in SECTIONS:
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
            if _check_item_rules(section, data, path, report):
                items[section.name].append((path, data))
    return items


def _known_keys(document):
    """Every natural key a reference may use: already stored, or named in the file."""
    known = {}
    for kind, (model, key) in REFERENCED.items():
        known[kind] = set(model.objects.values_list(key, flat=True))
        entries = document.get(kind) if isinstance(document, dict) else None
        if isinstance(entries, list):
            known[kind].update(
                entry[key]
                for entry in entries
                if isinstance(entry, dict) and isinstance(entry.get(key), (str, int))
            )
    return known


def _check_item_rules(section, data, path, report):
    """Rules across fields of one item."""
    start, end = {
        "initiatives": ("start_date", "end_date"),
        "events": ("starts_at", "ends_at"),
    }.get(section.name, (None, None))
    if start and data[start] and data[end] and data[end] < data[start]:
        report.error(f"{path}.{end}", f"ends before it starts ({start} is later)")
        return False
    if section is OBSERVANCES and data["date"].year != data["year"]:
        report.error(f"{path}.date", f"is not in the year {data['year']}")
        return False
    return True


def write_items(items, report):
    """Second pass: upsert every item, section by section."""
    for section in SECTIONS:
        entries = items.get(section.name, [])
        for _path, data in entries:
            _upsert(section, data)
        report.counts[section.name] = len(entries)


def _resolve(kind, key):
    model, field_name = REFERENCED[kind]
    return model.objects.get(**{field_name: key})


def _upsert(section, data):
    key = data[section.key]
    instance = section.model.objects.filter(**{section.key: key}).first()
    if instance is None:
        instance = section.model(**{section.key: key})
    for name, field_def in section.fields.items():
        value = data[name]
        if name in section.relations or name == section.key:
            continue
        if isinstance(field_def, Text):
            for code in LANGUAGES:
                setattr(instance, f"{name}_{code}", value[code])
        elif isinstance(field_def, Reference):
            setattr(instance, name, _resolve(field_def.kind, value) if value is not None else None)
        else:
            setattr(instance, name, value)
    instance.save()
    _write_relations(section, instance, data)


def _write_relations(section, instance, data):
    # Lists inside an item replace what was there: the file is the whole truth.
    if section is INITIATIVES:
        instance.country_roles.all().delete()
        for entry in data["countries"]:
            instance.country_roles.create(
                country=_resolve("countries", entry["country"]), role=entry["role"]
            )
        instance.partner_roles.all().delete()
        for entry in data["partners"]:
            instance.partner_roles.create(
                organization=_resolve("organizations", entry["organization"]), role=entry["role"]
            )
        instance.sdgs.set(data["sdgs"])
    elif section is EVENTS:
        instance.organizers.set([_resolve("organizations", key) for key in data["organizers"]])


# --- Export -----------------------------------------------------------------


def export_content():
    """The whole database as a document of the exchange format (a dict)."""
    document = {"format": FORMAT, "version": VERSION}
    querysets = {
        "organizations": Organization.objects.select_related("country"),
        "initiatives": Initiative.objects.prefetch_related(
            "country_roles__country", "partner_roles__organization", "sdgs"
        ),
        "observances": Observance.objects.all(),
        "events": Event.objects.select_related("observance", "country").prefetch_related(
            "organizers"
        ),
        "statements": Statement.objects.select_related("organization", "event"),
    }
    for section in SECTIONS:
        rows = querysets[section.name].order_by(section.key)
        document[section.name] = [_dump(section, instance) for instance in rows]
    return document


def _dump(section, instance):
    item = {}
    for name, field_def in section.fields.items():
        if name in section.relations:
            item[name] = _dump_relation(name, instance)
        elif isinstance(field_def, Text):
            item[name] = field_def.dump(
                {code: getattr(instance, f"{name}_{code}") or "" for code in LANGUAGES}
            )
        elif isinstance(field_def, Reference):
            related = getattr(instance, name)
            item[name] = getattr(related, REFERENCED[field_def.kind][1]) if related else None
        elif isinstance(field_def, DateTime):
            moment = getattr(instance, name)
            item[name] = moment.astimezone(instance.tzinfo).isoformat() if moment else None
        else:
            item[name] = field_def.dump(getattr(instance, name))
    return item


def _dump_relation(name, instance):
    if name == "countries":
        roles = sorted(instance.country_roles.all(), key=lambda role: role.country.iso2)
        return [{"country": role.country.iso2, "role": role.role} for role in roles]
    if name == "partners":
        roles = sorted(
            instance.partner_roles.all(), key=lambda role: (role.organization.key, role.role)
        )
        return [{"organization": role.organization.key, "role": role.role} for role in roles]
    if name == "sdgs":
        return sorted(goal.number for goal in instance.sdgs.all())
    if name == "organizers":
        return sorted(organization.key for organization in instance.organizers.all())
    raise KeyError(name)


def dumps(document):
    """The canonical text of a document: stable key order, UTF-8, Arabic unescaped."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
