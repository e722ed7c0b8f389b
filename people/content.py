"""The content types of this app, as the rest of the site sees them (sscportal.content_types)."""

from django.utils.translation import gettext_lazy as _

from sscportal.content_types import ContentType, Search
from sscportal.exchange_format import (
    MISSING,
    OPTIONAL,
    Date,
    PublicationStatus,
    Reference,
    Rows,
    Section,
    Slug,
    Text,
)
from sscportal.models import Status

from .models import Person, PersonTitle


class DateColumn(Date):
    """A date stored in a column of another name: a title's `from` and `to` are
    the columns `starts_on` and `ends_on` (`from` is a word Python keeps)."""

    def __init__(self, column, **kwargs):
        super().__init__(**kwargs)
        self.column = column

    def write(self, instance, name, value, resolve):
        setattr(instance, self.column, value)

    def read(self, instance, name):
        return self.dump(getattr(instance, self.column))


class Titles(Rows):
    """A person's titles, each ending after it starts, listed by date (the rows'
    own order, PersonTitle.Meta.ordering)."""

    def load_value(self, value, path, report, context):
        loaded = super().load_value(value, path, report, context)
        if loaded is MISSING:
            return MISSING
        for i, entry in enumerate(loaded):
            if entry["from"] and entry["to"] and entry["to"] < entry["from"]:
                report.error(f"{path}[{i}].to", "ends before it starts (from is later)")
                return MISSING
        return loaded


PEOPLE = ContentType(
    Person,
    singular=_("Person"),
    label=_("People"),
    search=Search(recency=None, title="name", names=("name", "family_name")),
    sitemap="people",
    parts=(PersonTitle,),
    exchange=Section(
        "people",
        key="key",
        fields={
            "key": Slug(),
            # People came with version 3, each with its status; missing means public,
            # as for the other records named by a key (organizations, observances).
            "status": PublicationStatus(default=Status.PUBLISHED),
            "name": Text(needs_text=True),
            "family_name": Text(visible=True, **OPTIONAL),
            "titles": Titles(
                "titles",
                {
                    "title": Text(needs_text=True),
                    "organization": Reference("organizations", "organization key", **OPTIONAL),
                    "from": DateColumn("starts_on", **OPTIONAL),
                    "to": DateColumn("ends_on", **OPTIONAL),
                },
                **OPTIONAL,
            ),
        },
    ),
)

CONTENT_TYPES = [PEOPLE]
