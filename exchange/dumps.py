"""The full dumps of the public content (docs/OPEN_DATA.md), written from the export.

- /data/sscportal-content.json.gz: a content document (docs/content-format.md)
  of every published item, as `import_content` reads it;
- /data/sscportal-datapackage.zip: a Frictionless Data Package, the same items
  as tables: one CSV per section (its scalar keys; a text is a column per
  language) and one per list inside an item (an initiative's countries...), each
  described by a Table Schema with primary and foreign keys.

Both hold what readers may see: published items, without their references to
items that are not (Section.item(public=True)). Items are read in chunks, so
memory does not grow with the content; sscportal/open_data/dumps.py decides
when a dump is built and keeps it.
"""

import csv
import datetime
import gzip
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sscportal import content_types
from sscportal.configuration.site import absolute_url
from sscportal.exchange_format import (
    LANGUAGES,
    Boolean,
    Budget,
    Choice,
    ChoicePerLanguage,
    Date,
    DateTime,
    Grouped,
    Integer,
    Links,
    Reference,
    Rows,
    Text,
    Url,
)
from sscportal.open_data.changes import last_change

from .document import FORMAT, VERSION

CHUNK_SIZE = 1000
CONTENT_DUMP = "sscportal-content.json.gz"
DATA_PACKAGE = "sscportal-datapackage.zip"


def published_sections():
    """The sections a dump holds: those of files, and the reference data they name
    (countries, regions, groups, goals), so that every key can be looked up."""
    return [ct.exchange for ct in content_types.registered() if ct.exchange and ct.exchange.fields]


def public_items(section):
    """Each item readers may see, as the format writes it, by natural key."""
    content_type = content_types.of(section.model)
    items = section.with_related(content_type.public_items()).order_by(section.key)
    for item in items.iterator(chunk_size=CHUNK_SIZE):
        yield section.item(item, public=True)


# --- the export -------------------------------------------------------------


def write_content_dump(file):
    """The public content document, gzip-compressed: an item a line."""
    with (
        gzip.GzipFile(filename=CONTENT_DUMP[:-3], mode="wb", fileobj=file, mtime=0) as packed,
        io.TextIOWrapper(packed, encoding="utf-8") as text,
    ):
        text.write(json.dumps({"format": FORMAT, "version": VERSION})[:-1])
        for section in content_types.sections():
            text.write(f',\n"{section.name}": [')
            separator = "\n"
            for item in public_items(section):
                text.write(separator + json.dumps(item, ensure_ascii=False))
                separator = ",\n"
            text.write("\n]")
        text.write("\n}\n")


# --- the data package -------------------------------------------------------


@dataclass
class Column:
    name: str
    schema: dict
    # The cell of this column from the key's value in the JSON item.
    cell: object
    # That key; None for a row's position in its list.
    source: object = ""


@dataclass
class Table:
    name: str
    title: str
    columns: list
    primary_key: list
    foreign_keys: list = field(default_factory=list)

    def descriptor(self):
        return {
            "name": self.name,
            "title": self.title,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [{"name": c.name, **c.schema} for c in self.columns],
                "primaryKey": self.primary_key,
                "foreignKeys": self.foreign_keys,
                "missingValues": [""],
            },
        }


def _as_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _key_type(section):
    return "integer" if isinstance(section.fields[section.key], Integer) else "string"


def _target(field, model, name):
    """The section a reference (or a list of goal numbers) points to."""
    if isinstance(field, Reference):
        return content_types.section_named(field.kind)
    return content_types.of(model._meta.get_field(name).related_model).exchange


def _columns(name, field, table, model):
    """The columns of key `name`, with their foreign keys added to `table`."""
    if isinstance(field, Text):
        described = {"description": "HTML"} if field.rich else {}
        return [
            Column(f"{name}_{code}", {"type": "string", **described}, _text_in(code))
            for code in LANGUAGES
        ]
    if isinstance(field, ChoicePerLanguage):
        return [
            Column(
                f"{name}_{code}",
                {"type": "string", "constraints": {"enum": field.values}},
                _text_in(code),
            )
            for code in LANGUAGES
        ]
    if isinstance(field, Budget):
        return [
            Column(f"{name}_amount", {"type": "number"}, lambda v: v and v["amount"]),
            Column(f"{name}_currency", {"type": "string"}, lambda v: v and v["currency"]),
        ]
    if isinstance(field, Reference):
        target = _target(field, model, name)
        table.foreign_keys.append(_foreign_key(name, target, table))
        return [Column(name, {"type": _key_type(target)}, _same)]
    return [Column(name, _scalar_schema(field), _same)]


def _scalar_schema(field):
    if isinstance(field, Choice):
        return {"type": "string", "constraints": {"enum": field.values}}
    if isinstance(field, Integer):
        return {
            "type": "integer",
            "constraints": {"minimum": field.minimum, "maximum": field.maximum},
        }
    if isinstance(field, Boolean):
        return {"type": "boolean"}
    if isinstance(field, Date):
        return {"type": "date"}
    if isinstance(field, DateTime):
        # An event's start is a date and time with its offset, or a date alone.
        return {"type": "string", "description": "ISO 8601 date and time, or date"}
    if isinstance(field, Url):
        return {"type": "string", "format": "uri"}
    return {"type": "string"}


def _same(value):
    return value


def _text_in(code):
    return lambda value: (value or {}).get(code)


def _foreign_key(column, target, table):
    resource = "" if target.name == table.name else target.name  # "" refers to itself
    return {"fields": column, "reference": {"resource": resource, "fields": target.key}}


def _singular(name):
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name


@dataclass
class SectionTables:
    """A section's main table and the tables of the lists inside its items."""

    section: object
    main: Table
    # (table, key of the item, sub-key of a Grouped key or None, kind)
    lists: list

    def rows(self, item):
        """{table name: [rows]} of one JSON item."""
        key = item[self.section.key]
        rows = {self.main.name: [[_as_cell(c.cell(item[c.source])) for c in self.main.columns]]}
        for table, name, part, kind in self.lists:
            value = item[name] if part is None else item[name][part]
            rows[table.name] = [
                [_as_cell(cell) for cell in _list_row(table, key, index, entry, kind)]
                for index, entry in enumerate(value or [])
            ]
        return rows


def _list_row(table, key, index, entry, kind):
    if kind == "links":
        return [key, entry]
    cells = [key]
    for column in table.columns[1:]:
        if column.source is None:  # the position
            cells.append(index)
        else:
            cells.append(column.cell(entry[column.source]))
    return cells


def section_tables(section):
    model = section.model
    owner = model._meta.model_name
    main = Table(section.name, str(model._meta.verbose_name_plural), [], [section.key])
    lists = []
    for name, converter in section.fields.items():
        if isinstance(converter, Rows):
            lists.append((_rows_table(section, owner, name, converter), name, None, "rows"))
        elif isinstance(converter, Links):
            table = _links_table(section, owner, name, converter, f"{section.name}-{name}")
            lists.append((table, name, None, "links"))
        elif isinstance(converter, Grouped):
            for part, links in converter.fields.items():
                table = _links_table(
                    section,
                    owner,
                    converter.prefix + part,
                    links,
                    f"{section.name}-{name}-{part}",
                    column=_singular(part),
                )
                lists.append((table, name, part, "links"))
        else:
            for column in _columns(name, converter, main, model):
                column.source = name
                main.columns.append(column)
    for column in main.columns:
        if column.name == section.key:
            column.schema["constraints"] = {
                **column.schema.get("constraints", {}),
                "required": True,
                "unique": True,
            }
    return SectionTables(section, main, lists)


def _owner_column(section, owner, table):
    table.foreign_keys.append(
        {"fields": owner, "reference": {"resource": section.name, "fields": section.key}}
    )
    column = Column(owner, {"type": _key_type(section), "constraints": {"required": True}}, _same)
    column.source = "__key__"
    return column


def _links_table(section, owner, name, links, table_name, column=None):
    model = section.model
    column = column or _singular(name)
    table = Table(table_name, f"{section.name}: {name}", [], [owner, column])
    table.columns.append(_owner_column(section, owner, table))
    target = _target(links.item, model, name)
    if target is not None:
        table.foreign_keys.append(
            {"fields": column, "reference": {"resource": target.name, "fields": target.key}}
        )
        kind = _key_type(target)
    else:
        kind = "string"
    linked = Column(column, {"type": kind, "constraints": {"required": True}}, _same)
    linked.source = "__entry__"
    table.columns.append(linked)
    return table


def _rows_table(section, owner, name, rows):
    row_model = section.model._meta.get_field(rows.related_name).related_model
    table = Table(f"{section.name}-{name}", f"{section.name}: {name}", [], [])
    table.columns.append(_owner_column(section, owner, table))
    if rows.position:
        position = Column(rows.position, {"type": "integer"}, _same)
        position.source = None
        table.columns.append(position)
    for key, converter in rows.item.fields.items():
        for column in _columns(key, converter, table, row_model):
            column.source = key
            table.columns.append(column)
    if rows.position:
        table.primary_key = [owner, rows.position]
    elif isinstance(rows.unique_by, str):
        table.primary_key = [owner, rows.unique_by]
    else:
        table.primary_key = [column.name for column in table.columns]
    return table


def descriptor(tables):
    changed = last_change()
    with translation.override(settings.LANGUAGE_CODE):
        data_page = absolute_url(reverse("data"))
    return {
        "profile": "tabular-data-package",
        "name": "sscportal",
        "title": "South-South Cooperation: initiatives, events, statements and resources",
        "description": (
            "The published content of the knowledge base on South-South and triangular "
            "cooperation, in English and Arabic (a column per language): "
            "docs/OPEN_DATA.md describes the tables."
        ),
        "homepage": data_page,
        "created": (changed or datetime.datetime.now(datetime.UTC)).isoformat(),
        "licenses": [
            {"path": settings.CONTENT_LICENSE_URL, "title": settings.CONTENT_LICENSE_NAME}
        ],
        "sources": [
            {"title": "South-South Cooperation knowledge base", "path": settings.SITE_URL},
            {
                "title": "Countries: UN OCHA Countries & Territories Taxonomy (M49), "
                "groups: the UN LDC, LLDC and SIDS lists, OIC, G77, AU, LAS and ASEAN "
                "(sources in initiatives/fixtures/country_groups.json), "
                "sectors: IATI SectorCategory (OECD DAC) codelist",
            },
        ],
        "resources": [table.descriptor() for table in tables],
    }


def write_data_package(file):
    every = [section_tables(section) for section in published_sections()]
    tables = [t for st in every for t in (st.main, *(entry[0] for entry in st.lists))]
    with tempfile.TemporaryDirectory() as folder:
        files, writers = {}, {}
        try:
            for table in tables:
                handle = open(Path(folder) / f"{table.name}.csv", "w", encoding="utf-8", newline="")
                files[table.name] = handle
                writers[table.name] = csv.writer(handle)
                writers[table.name].writerow([column.name for column in table.columns])
            for st in every:
                for item in public_items(st.section):
                    for name, rows in st.rows(item).items():
                        writers[name].writerows(rows)
        finally:
            for handle in files.values():
                handle.close()
        with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "datapackage.json",
                json.dumps(descriptor(tables), ensure_ascii=False, indent=2) + "\n",
            )
            for table in tables:
                archive.write(Path(folder) / f"{table.name}.csv", f"{table.name}.csv")
