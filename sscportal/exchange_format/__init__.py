"""The vocabulary content apps describe their part of the exchange format with.

Each content type's section is declared in its app's `content.py`; the import
and export engine (the `exchange` app) and the JSON Schema are built from them.
"""

from .codes import Budget, M49Code, M49Reference, Percentage, is_currency, shares_add_up
from .fields import (
    LANGUAGES,
    MISSING,
    OPTIONAL,
    Boolean,
    Choice,
    ChoicePerLanguage,
    Date,
    DateTime,
    Field,
    Integer,
    ListOf,
    PublicationStatus,
    Record,
    Reference,
    Slug,
    String,
    Text,
    TimeZone,
    Url,
    load_object,
    member,
    object_schema,
    show,
)
from .relations import Grouped, Links, Rows
from .sections import Section, ends_after, in_year

__all__ = [
    "LANGUAGES",
    "MISSING",
    "OPTIONAL",
    "Boolean",
    "Budget",
    "Choice",
    "ChoicePerLanguage",
    "Date",
    "DateTime",
    "Field",
    "Grouped",
    "Integer",
    "Links",
    "M49Code",
    "M49Reference",
    "ListOf",
    "Percentage",
    "PublicationStatus",
    "Record",
    "Reference",
    "Rows",
    "Section",
    "Slug",
    "String",
    "Text",
    "TimeZone",
    "Url",
    "ends_after",
    "is_currency",
    "in_year",
    "load_object",
    "member",
    "object_schema",
    "shares_add_up",
    "show",
]
