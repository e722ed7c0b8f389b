"""The columns of a list's download, derived from its type's section of the exchange format.

A download row is the exchange item (docs/content-format.md) flattened for a
spreadsheet: one column per key, in the section's order, headed by the
model's own verbose name in the page's language; texts in the page's language
with the fallback the page shows; choices by their label; references by the
name of what they point to; lists joined by "; ". Nothing here names a field
of a particular type: a key added to a section appears in its download.

Values are read from the instances the section's `with_related` loaded, so a
row costs no query of its own; references to items readers may not see (a
draft partner) are left out, as `Section.item(public=True)` leaves them out.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext_lazy

from sscportal.configuration.site import absolute_url
from sscportal.exchange_format import (
    Boolean,
    Budget,
    Choice,
    ChoicePerLanguage,
    Grouped,
    Links,
    Reference,
    Rows,
    Text,
    Url,
)
from sscportal.text.languages import shown
from sscportal.text.plain_text import plain_text as plain_text_with_blank_lines
from sscportal.visibility import is_public, public_related, public_rows

# Several values in one cell.
SEPARATOR = "; "
# Never a column: a download holds published items only.
LEFT_OUT = ("status",)


@dataclass(frozen=True)
class Column:
    header: Any  # a lazy translation: said in the language active when it is written
    value: Any  # instance -> str
    key: str = ""  # the exchange format's key it comes from


def columns(section):
    """The columns of a download of `section`'s items, then the item's address."""
    drawn = []
    for name, field in section.fields.items():
        if name in LEFT_OUT:
            continue
        if isinstance(field, Grouped):
            # mentions: {"countries": [...], ...} is a column per kind of mention.
            for key, part in field.fields.items():
                drawn.append(_column(section.model, field.prefix + key, part))
        else:
            drawn.append(_column(section.model, name, field))
    if hasattr(section.model, "get_absolute_url"):
        drawn.append(Column(gettext_lazy("Page on this site"), _address, "url"))
    return drawn


def header_row(drawn):
    """The headers in the active language; two that a language says alike (Arabic
    has one word for a statement's body and for its kind of text) name their key."""
    headers = [str(capfirst(column.header)) for column in drawn]
    repeated = {header for header in headers if headers.count(header) > 1}
    return [
        f"{header} ({column.key})" if header in repeated else header
        for header, column in zip(headers, drawn, strict=True)
    ]


def row(drawn, instance):
    return [column.value(instance) for column in drawn]


def plain_text(value):
    """Rich text (sanitised HTML) as plain text: a paragraph a line."""
    # The calendars' reading of the HTML, without their blank lines: a
    # spreadsheet cell shows a blank line as a gap.
    lines = (line.strip() for line in plain_text_with_blank_lines(value).splitlines())
    return "\n".join(line for line in lines if line)


def _address(instance):
    return absolute_url(instance.get_absolute_url())


def _column(model, name, field):
    return Column(_header(model, name, field), _reader(model, name, field), name)


def _header(model, name, field):
    """The model's verbose name of what the key holds."""
    if getattr(field, "header", None):
        return field.header
    if isinstance(field, Rows):
        return model._meta.get_field(field.related_name).related_model._meta.verbose_name_plural
    if isinstance(field, ChoicePerLanguage):
        name = field.column
    for candidate in (name, f"{name}_amount"):  # a budget is stored as its amount and currency
        try:
            return model._meta.get_field(candidate).verbose_name
        except FieldDoesNotExist:
            continue
    return name


def _reader(model, name, field):
    if hasattr(field, "plain"):
        # Library files (media/exchange.py): their addresses, a line each.
        return lambda item: field.plain(field.read_public(item, name))
    if isinstance(field, Text):
        return (lambda item: plain_text(shown(item, name).text)) if field.rich else _text(name)
    if isinstance(field, Reference):
        attribute = field.attribute or name
        return lambda item: _named(getattr(item, attribute))
    if isinstance(field, Choice):
        labels = _labels(model, name)
        return lambda item: str(labels.get(getattr(item, name), getattr(item, name) or ""))
    if isinstance(field, ChoicePerLanguage):
        return _per_language(model, name, field)
    if isinstance(field, Boolean):
        yes, no = gettext_lazy("Yes"), gettext_lazy("No")
        return lambda item: str(yes if getattr(item, name) else no)
    if isinstance(field, Budget):
        return lambda item: _budget(field.read(item, name))
    if isinstance(field, Rows):
        return _rows(model, name, field)
    if isinstance(field, Links):
        return _links(name, field)
    return lambda item: _scalar(field.read(item, name))


def _text(name):
    return lambda item: shown(item, name).text


def _scalar(value):
    return "" if value is None else str(value)


def _named(related):
    """What a reference shows: the name or title of what it points to, in the page's
    language; a year for a Day; nothing for an item readers may not see."""
    if not is_public(related):
        return ""
    if getattr(related, "named_with_code", False):
        # A sector: its code is what other data sets (IATI, the OECD's) join on.
        return f"{related.code} {shown(related, 'name').text}"
    for field in ("name", "title"):
        if hasattr(related, f"{field}_en"):
            return shown(related, field).text
    return str(related)


def _labels(model, name):
    try:
        return dict(model._meta.get_field(name).flatchoices)
    except FieldDoesNotExist:
        return {}


def _budget(value):
    return f"{value['amount']} {value['currency']}" if value else ""


def _per_language(model, name, field):
    """{"ar": "official"} as "Arabic: Official"."""

    def read(item):
        parts = []
        for code, value in field.read(item, name).items():
            labels = _labels(model, f"{field.column}_{code}")
            language = get_language_info(code)["name_translated"]
            parts.append(f"{language}: {labels.get(value, value)}")  # f-string: said now
        return SEPARATOR.join(parts)

    return read


def _links(name, field):
    if isinstance(field.item, Reference):
        key = field.item.key_of

        def read(item):
            related = sorted(public_related(item, name), key=key)
            return SEPARATOR.join(_named(r) for r in related)

        return read
    return lambda item: SEPARATOR.join(str(value) for value in field.read(item, name))


def _rows(model, name, field):
    """Each row as its main value with the rest in brackets: "Kenya (Recipient)",
    "https://… (ar)", "Name (Title, Organization)"."""
    row_model = model._meta.get_field(field.related_name).related_model
    parts = sorted(field.item.fields.items(), key=lambda pair: _rank(pair[1]))
    readers = [(key, part, _reader(row_model, key, part)) for key, part in parts]

    def read(item):
        # A row is about what it names (a partner): without it, the row goes, as in
        # Section.item(public=True).
        rows = public_rows(getattr(item, field.related_name).all())
        if field.position:
            rows.sort(key=lambda r: (getattr(r, field.position), r.pk))
        cells = []
        for r in rows:
            values = [value for value in (reader(r) for _key, _part, reader in readers) if value]
            if values:
                rest = f" ({', '.join(values[1:])})" if values[1:] else ""
                cells.append(values[0] + rest)
        if not field.position:
            cells.sort()
        return SEPARATOR.join(cells)

    return read


def _rank(field):
    # What a row is comes first (the address, the name), what it says about it after.
    if isinstance(field, Url):
        return 0
    if isinstance(field, (Text, Reference)):
        return 1
    return 2
