"""Field converters of the content exchange format (docs/content-format.md).

One converter describes one key of an item, and serves every direction, so
import, export and the JSON Schema cannot drift apart:

- `load(value, path, report, context)`: a JSON value into what the model
  stores, reporting problems through `report.error(path, message)` and
  returning MISSING when the value is unusable;
- `write(instance, name, value, resolve)` / `read(instance, name)`: that value
  onto a model instance and back into JSON;
- `schema()`: the JSON Schema of the key;
- `bind(model, name)`: take what the model already says (a column's length)
  instead of repeating it here.
"""

import datetime
import json
import re
import zoneinfo

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator

from sscportal import content_types
from sscportal.reader_toolkit.date_range import EARLIEST, LATEST, in_zone, out_of_range
from sscportal.text.languages import LANGUAGE_CODES as LANGUAGES
from sscportal.text.sanitize import sanitize_html
from sscportal.visibility import Status, public_related


def show(value):
    """A value as it is written in the JSON file, for error messages."""
    return json.dumps(value, ensure_ascii=False)


MISSING = object()
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def member(path, key):
    """The path of `key` inside `path`: `path.key`, or `path["k e y"]` for a key that
    is not a plain name, so that a path stays one readable line whatever a file holds."""
    if _PLAIN_KEY.fullmatch(key):
        return key if path == "$" else f"{path}.{key}"
    return f"{path}[{show(key)}]"


# Written with ^ and $ for the JSON Schema (ECMA-262 regexes); in Python they
# are only ever used with fullmatch, since `$` alone accepts a trailing newline.
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_validate_url = URLValidator(schemes=["http", "https"])


def _nullable(schema, nullable):
    if not nullable:
        return schema
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*kinds, "null"]}


def _model_max_length(model, name):
    try:
        return model._meta.get_field(name).max_length
    except FieldDoesNotExist:
        return None


class Field:
    # Stored in other tables: written after the item itself is saved.
    is_relation = False

    def __init__(self, *, required=True, nullable=False, default=None):
        self.required = required
        self.nullable = nullable
        self.default = default

    def load(self, value, path, report, context):
        if value is None:
            if self.nullable:
                return self.empty()
            report.error(path, "must not be null")
            return MISSING
        return self.load_value(value, path, report, context)

    def empty(self):
        """The value of a missing (or null) key."""
        return self.default

    def load_value(self, value, path, report, context):
        raise NotImplementedError

    def dump(self, value):
        return value

    def bind(self, model, name):
        """Learn from the model what it already declares (e.g. a column's length)."""

    def write(self, instance, name, value, resolve):
        setattr(instance, name, value)

    def read(self, instance, name):
        return self.dump(getattr(instance, name))

    def read_public(self, instance, name):
        """`read`, leaving out what points to items readers may not see (see Reference)."""
        return self.read(instance, name)

    def schema(self):
        return _nullable(self.value_schema(), self.nullable)

    def value_schema(self):
        raise NotImplementedError


# The schema names no language: which ones a site has is its settings' business
# (LANGUAGES), so one published schema serves a site of any languages, and the
# import refuses a code the site lacks by name ("unknown language code").
LANGUAGE_CODE = "^[a-z]{2,3}$"


def per_language(value):
    """The schema of an object of language code to `value`."""
    return {
        "type": "object",
        "propertyNames": {"pattern": LANGUAGE_CODE},
        "additionalProperties": value,
    }


# Some character that shows: not white space of any script (Unicode's
# White_Space: tabs, line breaks, the no-break space, U+2000-U+200A, the
# ideographic space...) nor an invisible mark (soft hyphen, zero-width space and
# joiners, direction marks such as the Arabic letter mark, the byte-order mark).
# Escapes only, so that JSON Schema validators (ECMA-262 regular expressions)
# and Python's re read the same class.
VISIBLE_PATTERN = (
    r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    r"\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_VISIBLE = re.compile(VISIBLE_PATTERN)


class Text(Field):
    """{"en": "...", "ar": "..."}; stored in one column per language.

    `needs_text`: some language has a text (a title, a name). `visible`: each
    text given, if not empty, has something to see: a title, a name or a
    theme of only spaces would be an empty heading. Titles and names are.
    """

    def __init__(self, *, max_length=None, rich=False, needs_text=False, visible=None, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length
        self.rich = rich
        self.needs_text = needs_text
        self.visible = needs_text if visible is None else visible

    def bind(self, model, name):
        if self.max_length is None:
            self.max_length = _model_max_length(model, name)

    def empty(self):
        return dict.fromkeys(LANGUAGES, "")

    def load_value(self, value, path, report, context):
        if not isinstance(value, dict):
            report.error(path, 'must be an object of language code to text, e.g. {"en": "..."}')
            return MISSING
        texts = self.empty()
        ok = True
        for code, text in value.items():
            if code not in LANGUAGES:
                report.error(
                    member(path, code),
                    f"unknown language code {show(code)} (use {', '.join(LANGUAGES)})",
                )
                ok = False
            elif text is not None and not isinstance(text, str):
                report.error(f"{path}.{code}", "must be a string")
                ok = False
            elif text:
                if self.visible and not _VISIBLE.search(text):
                    report.error(
                        f"{path}.{code}",
                        "is only white space: write the text, or leave this language out",
                    )
                    ok = False
                if self.max_length and len(text) > self.max_length:
                    report.error(f"{path}.{code}", f"is longer than {self.max_length} characters")
                    ok = False
                if self.rich:
                    cleaned = sanitize_html(text)
                    if cleaned != text:
                        report.warning(f"{path}.{code}", "HTML outside the allowlist was removed")
                    text = cleaned
                texts[code] = text
        if ok and self.needs_text and not any(texts.values()):
            report.error(path, "needs a non-empty text in at least one language")
            ok = False
        return texts if ok else MISSING

    def dump(self, texts):
        present = {code: texts[code] for code in LANGUAGES if texts.get(code)}
        if not present and self.nullable:
            return None
        return present

    def write(self, instance, name, value, resolve):
        for code in LANGUAGES:
            setattr(instance, f"{name}_{code}", value[code])

    def read(self, instance, name):
        return self.dump({code: getattr(instance, f"{name}_{code}") or "" for code in LANGUAGES})

    def value_schema(self):
        text = {"type": ["string", "null"]}
        if self.max_length:
            text["maxLength"] = self.max_length
        if self.visible:
            # Empty (this language has none), or some character that shows.
            text["anyOf"] = [{"maxLength": 0}, {"pattern": VISIBLE_PATTERN}]
        schema = per_language(text)
        if self.rich:
            schema["contentMediaType"] = "text/html"
        if self.needs_text:
            # Not every text null or empty: some language has one.
            schema["not"] = {"additionalProperties": {"enum": [None, ""]}}
        return schema


class String(Field):
    def __init__(self, *, pattern=None, max_length=None, hint="", **kwargs):
        super().__init__(**kwargs)
        self.pattern = pattern
        self.max_length = max_length
        self.hint = hint

    def bind(self, model, name):
        if self.max_length is None:
            self.max_length = _model_max_length(model, name)

    def load_value(self, value, path, report, context):
        if not isinstance(value, str):
            report.error(path, "must be a string")
            return MISSING
        if self.pattern and not self.pattern.fullmatch(value):
            report.error(path, f"{show(value)} is not valid{self.hint}")
            return MISSING
        if self.max_length and len(value) > self.max_length:
            report.error(path, f"is longer than {self.max_length} characters")
            return MISSING
        return value

    def dump(self, value):
        # A blank column of an optional key is written as null, as documented.
        return None if self.nullable and value == "" else value

    def value_schema(self):
        schema = {"type": "string"}
        if self.pattern:
            schema["pattern"] = self.pattern.pattern
        if self.max_length:
            schema["maxLength"] = self.max_length
        return schema


# A key that may be null or left out.
OPTIONAL = {"required": False, "nullable": True}


def Slug(**kwargs):
    return String(pattern=_SLUG, hint=" (lower-case letters, digits and hyphens)", **kwargs)


class Choice(Field):
    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.values = [str(value) for value in choices.values]

    def load_value(self, value, path, report, context):
        if value not in self.values:
            report.error(path, f"{show(value)} is not one of {', '.join(self.values)}")
            return MISSING
        return value

    def dump(self, value):
        # A blank column of an optional key (a country's unknown income group) is null.
        return None if self.nullable and value == "" else value

    def value_schema(self):
        return {"enum": list(self.values)}


class ChoicePerLanguage(Field):
    """{"ar": "official"}: one choice per language, stored in `<column>_<code>`.

    A language left out has no value (stored blank).
    """

    def __init__(self, choices, *, column, **kwargs):
        super().__init__(**kwargs)
        self.values = [str(value) for value in choices.values]
        self.column = column

    def empty(self):
        return dict.fromkeys(LANGUAGES, "")

    def load_value(self, value, path, report, context):
        if not isinstance(value, dict):
            report.error(path, 'must be an object of language code to value, e.g. {"ar": "..."}')
            return MISSING
        loaded, ok = self.empty(), True
        for code, choice in value.items():
            if code not in LANGUAGES:
                report.error(
                    f"{path}.{code}",
                    f"unknown language code {show(code)} (use {', '.join(LANGUAGES)})",
                )
                ok = False
            elif choice not in self.values:
                report.error(
                    f"{path}.{code}", f"{show(choice)} is not one of {', '.join(self.values)}"
                )
                ok = False
            else:
                loaded[code] = choice
        return loaded if ok else MISSING

    def write(self, instance, name, value, resolve):
        for code in LANGUAGES:
            setattr(instance, f"{self.column}_{code}", value[code])

    def read(self, instance, name):
        values = {code: getattr(instance, f"{self.column}_{code}") for code in LANGUAGES}
        return {code: value for code, value in values.items() if value}

    def value_schema(self):
        return per_language({"enum": list(self.values)})


def PublicationStatus(default=Status.DRAFT):
    """`status`: draft or published; missing means draft (or the `default` given: files
    written before organizations and observances had a status meant them public)."""
    return Choice(Status, required=False, nullable=True, default=default)


class Url(Field):
    def __init__(self, *, max_length=None, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length

    def bind(self, model, name):
        if self.max_length is None:
            self.max_length = _model_max_length(model, name)

    def empty(self):
        return ""

    def load_value(self, value, path, report, context):
        try:
            if not isinstance(value, str):
                raise ValidationError("not a string")
            _validate_url(value)
        except ValidationError:
            report.error(path, f"{show(value)} is not an http(s) URL")
            return MISSING
        if self.max_length and len(value) > self.max_length:
            report.error(path, f"is longer than {self.max_length} characters")
            return MISSING
        return value

    def dump(self, value):
        return value or None

    def value_schema(self):
        schema = {"type": "string", "format": "uri", "pattern": "^https?://"}
        if self.max_length:
            schema["maxLength"] = self.max_length
        return schema


class Boolean(Field):
    def load_value(self, value, path, report, context):
        if not isinstance(value, bool):
            report.error(path, "must be true or false")
            return MISSING
        return value

    def value_schema(self):
        return {"type": "boolean"}


class Integer(Field):
    def __init__(self, *, minimum, maximum, **kwargs):
        super().__init__(**kwargs)
        self.minimum, self.maximum = minimum, maximum

    def load_value(self, value, path, report, context):
        if isinstance(value, bool) or not isinstance(value, int):
            report.error(path, "must be a whole number")
            return MISSING
        if not self.minimum <= value <= self.maximum:
            report.error(path, f"{value} is not between {self.minimum} and {self.maximum}")
            return MISSING
        return value

    def value_schema(self):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


def _in_range(moment, value, path, report):
    if out_of_range(moment):
        report.error(path, f"{show(value)} is not between {EARLIEST} and {LATEST}")
        return MISSING
    return moment


class Date(Field):
    def load_value(self, value, path, report, context):
        if isinstance(value, str) and len(value) == 10:
            try:
                return _in_range(datetime.date.fromisoformat(value), value, path, report)
            except ValueError:
                pass
        report.error(path, f"{show(value)} is not a date (YYYY-MM-DD)")
        return MISSING

    def dump(self, value):
        return value.isoformat() if value else None

    def value_schema(self):
        return {"type": "string", "format": "date"}


# The largest offset PostgreSQL's timestamptz accepts (Python's go up to ±23:59:59).
MAX_OFFSET = datetime.timedelta(hours=15, minutes=59)


class DateTime(Field):
    """ISO 8601 with an offset; exported in the item's own time zone (its `tzinfo`).

    With `day_flag` (the name of a boolean column, e.g. `time_known`), a plain
    date (YYYY-MM-DD) is accepted too and means "that day, time not known".
    """

    def __init__(self, *, day_flag=None, **kwargs):
        super().__init__(**kwargs)
        self.day_flag = day_flag

    def load_value(self, value, path, report, context):
        if self.day_flag and isinstance(value, str) and len(value) == 10:
            try:
                return _in_range(datetime.date.fromisoformat(value), value, path, report)
            except ValueError:
                pass
        try:
            moment = datetime.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            moment = None
        if moment is None or moment.tzinfo is None:
            report.error(path, f"{show(value)} is not an ISO 8601 date and time with an offset")
            return MISSING
        if abs(moment.utcoffset()) > MAX_OFFSET:
            report.error(path, f"{show(value)} has an offset beyond ±15:59")
            return MISSING
        return _in_range(moment, value, path, report)

    def write(self, instance, name, value, resolve):
        if (
            self.day_flag
            and isinstance(value, datetime.date)
            and not isinstance(value, datetime.datetime)
        ):
            # Kept at noon UTC of that day (see events.models.day_at_noon_utc).
            value = datetime.datetime.combine(value, datetime.time(12), datetime.UTC)
            setattr(instance, self.day_flag, False)
        elif self.day_flag and value is not None:
            setattr(instance, self.day_flag, True)
        setattr(instance, name, value)

    def read(self, instance, name):
        moment = getattr(instance, name)
        if moment is None:
            return None
        if self.day_flag and not getattr(instance, self.day_flag):
            return moment.astimezone(datetime.UTC).date().isoformat()
        return in_zone(moment, instance.tzinfo).isoformat()

    def value_schema(self):
        if self.day_flag:
            return {
                "type": "string",
                "anyOf": [{"format": "date-time"}, {"format": "date"}],
                "description": "a date and time with an offset, or a date when the time is not known",
            }
        return {"type": "string", "format": "date-time"}


class TimeZone(Field):
    def load_value(self, value, path, report, context):
        if not isinstance(value, str) or value not in zoneinfo.available_timezones():
            report.error(path, f"{show(value)} is not an IANA time zone name")
            return MISSING
        return value

    def value_schema(self):
        return {"type": "string", "description": "an IANA time zone name"}


class Reference(Field):
    """The natural key of another item, in this file or already in the database.

    `kind` names a section (or reference data, such as countries); the key is
    resolved to a model instance only when the import is applied.
    """

    def __init__(self, kind, noun, *, attribute=None, **kwargs):
        super().__init__(**kwargs)
        self.kind = kind
        self.noun = noun
        # The model's field when the key is named otherwise (a sector's `code`
        # in the file is the row's `sector`).
        self.attribute = attribute

    def load_value(self, value, path, report, context):
        if not isinstance(value, (str, int)) or value not in context.known[self.kind]:
            report.error(path, f"unknown {self.noun} {show(value)}")
            return MISSING
        return value

    def write(self, instance, name, value, resolve):
        name = self.attribute or name
        setattr(instance, name, resolve(self.kind, value) if value is not None else None)

    def read(self, instance, name):
        related = getattr(instance, self.attribute or name)
        return self.key_of(related) if related is not None else None

    def read_public(self, instance, name):
        related = public_related(instance, self.attribute or name)
        return self.key_of(related) if related is not None else None

    def key_of(self, related):
        return getattr(related, content_types.section_named(self.kind).key)

    def value_schema(self):
        return {"type": ["string", "integer"], "description": f"the {self.noun} of an item"}


class ListOf(Field):
    """A list; `unique_by` names the key (or None: the whole entry) that may not repeat."""

    def __init__(self, item, *, unique_by=MISSING, **kwargs):
        super().__init__(**kwargs)
        self.item = item
        self.unique_by = unique_by

    def empty(self):
        return []

    def load_value(self, value, path, report, context):
        if not isinstance(value, list):
            report.error(path, "must be a list")
            return MISSING
        loaded = [
            self.item.load(entry, f"{path}[{i}]", report, context) for i, entry in enumerate(value)
        ]
        if any(entry is MISSING for entry in loaded):
            return MISSING
        if self.unique_by is not MISSING:
            seen = set()
            for i, entry in enumerate(loaded):
                key = entry if self.unique_by is None else entry[self.unique_by]
                if isinstance(key, dict):
                    key = tuple(sorted(key.items()))
                if key in seen:
                    report.error(f"{path}[{i}]", f"{show(value[i])} is listed twice")
                    return MISSING
                seen.add(key)
        return loaded

    def value_schema(self):
        schema = {"type": "array", "items": self.item.schema()}
        if self.unique_by is None:
            schema["uniqueItems"] = True
        return schema


class Record(Field):
    """A small object with fixed keys (a country with its role...)."""

    def __init__(self, fields, **kwargs):
        super().__init__(**kwargs)
        self.fields = fields

    def bind(self, model, name):
        for key, field in self.fields.items():
            field.bind(model, key)

    def load_value(self, value, path, report, context):
        if not isinstance(value, dict):
            report.error(path, "must be an object")
            return MISSING
        return load_object(value, self.fields, path, report, context)

    def value_schema(self):
        return object_schema(self.fields)


def object_schema(fields):
    return {
        "type": "object",
        "properties": {key: field.schema() for key, field in fields.items()},
        "required": [key for key, field in fields.items() if field.required],
        "additionalProperties": False,
    }


def load_object(value, fields, path, report, context):
    """Load every key of a JSON object; unknown and missing keys are errors."""
    result, ok = {}, True
    for key in value:
        if key not in fields:
            report.error(member(path, key), "unknown key")
            ok = False
    for key, field in fields.items():
        if key not in value:
            if field.required:
                report.error(f"{path}.{key}", "is required")
                ok = False
            else:
                result[key] = field.empty()
            continue
        loaded = field.load(value[key], f"{path}.{key}", report, context)
        if loaded is MISSING:
            ok = False
        result[key] = loaded
    return result if ok else MISSING
