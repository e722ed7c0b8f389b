"""What the API serves: one endpoint per section of the exchange format, content and
reference data alike, each with its list's filters and the form of its natural key.

An endpoint's name is its section's name (docs/content-format.md), used in its
address (/api/v1/<name>/), as the `type` of the changes log and in the OpenAPI
document; its items are the section's items (Section.item).
"""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import translation

from events.filters import EventFilterForm
from initiatives.filters import CountryFilterForm, InitiativeFilterForm, OrganizationFilterForm
from resources.filters import ResourceFilterForm
from sscportal import content_types
from sscportal.configuration.site import absolute_url
from sscportal.exchange_format import Integer
from sscportal.text.languages import LANGUAGE_CODES
from statements.filters import StatementFilterForm


def as_given(raw):
    return raw


def lower(raw):
    return raw.lower()


def upper(raw):
    return raw.upper()


def number(raw):
    """A year or a goal's number; anything else names no item (None)."""
    return int(raw) if raw.isascii() and raw.isdecimal() and len(raw) <= 4 else None


def sector_code(raw):
    """An OECD DAC sector category: three digits ("311")."""
    return raw if raw.isascii() and raw.isdecimal() and len(raw) == 3 else None


def m49(raw):
    """ "002", as M49 writes it, or "2"."""
    return int(raw) if raw.isascii() and raw.isdecimal() and len(raw) <= 3 else None


# What the API adds to a format's item; names no section uses (an event has a `url`
# of its own: the event's website).
PAGES = "html_url"
UPDATED_AT = "updated_at"


@dataclass(frozen=True)
class Endpoint:
    name: str
    # A FilterForm: the list's parameters are its fields, their meaning its filter().
    filters: Any = None
    # The natural key as the address gives it -> the stored value (None: no such item).
    key: Any = as_given
    # What the key looks like in an address, for the OpenAPI document.
    key_hint: str = ""

    @property
    def content_type(self):
        for content_type in content_types.registered():
            if content_type.exchange is not None and content_type.exchange.name == self.name:
                return content_type
        raise LookupError(self.name)

    @property
    def section(self):
        return self.content_type.exchange

    @property
    def singular(self):
        return {"countries": "country", "sdgs": "sdg"}.get(self.name, self.name.rstrip("s"))

    @property
    def is_reference_data(self):
        return self.content_type.reference

    @property
    def key_is_number(self):
        return isinstance(self.section.fields[self.section.key], Integer)

    def public(self):
        """The items readers may see, each with what its item and address need, by natural key."""
        items = self.section.with_related(self.content_type.public_items())
        return items.order_by(self.section.key)

    def page_path(self, item):
        """The reader's page of `item` in the active language."""
        # A goal or a sector has no page of its own: its initiatives are its
        # page, as its chips link.
        if self.name == "sdgs":
            return f"{reverse('initiatives:initiative_list')}?sdg={item.number}"
        if self.name == "sectors":
            return f"{reverse('initiatives:initiative_list')}?sector={item.code}"
        return item.get_absolute_url()

    def item(self, obj):
        """The exchange format's item, as readers may see it, with its pages and last change."""
        data = self.section.item(obj, public=True)
        urls = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                urls[code] = absolute_url(self.page_path(obj))
        data[PAGES] = urls
        if not self.is_reference_data:
            data[UPDATED_AT] = obj.updated_at.isoformat()
        return data


ENDPOINTS = [
    Endpoint("initiatives", InitiativeFilterForm, key_hint="its slug"),
    Endpoint("statements", StatementFilterForm, key_hint="its slug"),
    Endpoint("events", EventFilterForm, key_hint="its slug"),
    Endpoint("observances", key=number, key_hint="the year of the Day, e.g. 2023"),
    Endpoint("resources", ResourceFilterForm, key_hint="its slug"),
    Endpoint(
        "organizations",
        OrganizationFilterForm,
        key=lower,
        key_hint="its key, in any case (e.g. unossc)",
    ),
    Endpoint("people", key=lower, key_hint="its key, in any case (e.g. jorge-chediek)"),
    Endpoint("pages", key_hint="its slug"),
    Endpoint(
        "countries",
        CountryFilterForm,
        key=upper,
        key_hint="its ISO 3166-1 alpha-2 code, in any case (e.g. KE or ke)",
    ),
    Endpoint("regions", key=m49, key_hint='its M49 code, e.g. "002" (or 2)'),
    Endpoint("groups", key=lower, key_hint="its code, in any case: ldc, lldc or sids"),
    Endpoint("sdgs", key=number, key_hint="the goal's number, 1 to 17"),
    Endpoint(
        "sectors",
        key=sector_code,
        key_hint="its OECD DAC sector category, three digits (e.g. 311)",
    ),
]


def content_endpoints():
    """The endpoints of content (with a history and a status), in the format's order."""
    return [endpoint for endpoint in ENDPOINTS if not endpoint.is_reference_data]
