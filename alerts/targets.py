"""What a subscription follows, and the published items that belong to it.

A subscription follows what a page's "Follow" feeds follow: a country's
initiatives and events (and the statements made at events it hosted, as its
page lists them), an organization's initiatives, events, statements and
resources, a Day's statements and events, or one list narrowed by the list
page's own filters. A filtered list is named by the list and its query string
cleaned by the list's filter form (valid, non-empty values in the form's
order), so two ways of writing the same filters are one subscription.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from events.filters import EventFilterForm
from events.models import Event, Observance
from initiatives.filters import InitiativeFilterForm
from initiatives.models import Country, Initiative, Organization
from resources.filters import ResourceFilterForm
from resources.models import Resource
from sscportal import content_types
from statements.filters import StatementFilterForm
from statements.models import Statement

from .models import Target


@dataclass(frozen=True)
class FollowedList:
    model: type
    filter_form: type
    # The URL name of the list page.
    page: str

    @property
    def label(self):
        return content_types.of(self.model).label

    def public_items(self):
        return content_types.of(self.model).public_items()

    def filtered(self, filters):
        """The public items `filters` (a query string) select."""
        return self.filter_form(QueryDict(filters)).filter(self.public_items())


# The lists with a feed (front/opendata/links.py WITH_FEED) can be followed by e-mail too.
LISTS = {
    "initiatives": FollowedList(Initiative, InitiativeFilterForm, "initiatives:initiative_list"),
    "statements": FollowedList(Statement, StatementFilterForm, "statements:statement_list"),
    "events": FollowedList(Event, EventFilterForm, "events:observance_list"),
    "resources": FollowedList(Resource, ResourceFilterForm, "resources:resource_list"),
}


KEY = re.compile(r"[A-Za-z0-9_-]{1,100}")


class InvalidTarget(ValueError):
    """What was asked for cannot be followed; the message says why, to the reader."""


@dataclass(frozen=True)
class Source:
    """One part of what a subscription follows: a heading and its public items."""

    label: str
    items: object


@dataclass(frozen=True)
class Followed:
    target: str
    key: str
    filters: str
    subject: object = None

    @property
    def label(self):
        if self.target == Target.COUNTRY:
            return self.subject.name
        if self.target == Target.ORGANIZATION:
            return self.subject.name or self.subject.acronym or self.subject.key
        if self.target == Target.DAY:
            return _("The Day for South-South Cooperation %(year)s") % {"year": self.key}
        if self.filters:
            return _("%(list)s with the filters %(filters)s") % {
                "list": LISTS[self.key].label,
                "filters": self.filters,
            }
        return _("All %(list)s") % {"list": LISTS[self.key].label}

    def url(self):
        """The followed page, in the active language."""
        if self.target == Target.COUNTRY:
            return reverse("countries:country_detail", args=[self.key])
        if self.target == Target.ORGANIZATION:
            return reverse("organizations:organization_detail", args=[self.key])
        if self.target == Target.DAY:
            return reverse("events:observance_detail", args=[int(self.key)])
        path = reverse(LISTS[self.key].page)
        return f"{path}?{self.filters}" if self.filters else path

    def sources(self):
        """[Source] of what is followed, each with every public item it holds."""
        if self.target == Target.COUNTRY:
            code = self.key
            return [
                _listed("initiatives", country=code),
                _listed("events", country=code),
                # As the country's page shows them: made at an event it hosted.
                Source(
                    LISTS["statements"].label,
                    LISTS["statements"].public_items().filter(event__country=self.subject),
                ),
            ]
        if self.target == Target.ORGANIZATION:
            names = ("initiatives", "events", "statements", "resources")
            return [_listed(name, organization=self.key) for name in names]
        if self.target == Target.DAY:
            return [_listed(name, observance=self.key) for name in ("statements", "events")]
        followed = LISTS[self.key]
        return [Source(followed.label, followed.filtered(self.filters))]


def _listed(name, **filters):
    return Source(LISTS[name].label, LISTS[name].filtered(urlencode(filters)))


def cleaned_filters(name, query):
    """`query` (a query string) as list `name`'s form reads it: its valid,
    non-empty filters in the form's order. Raises InvalidTarget on a bad value."""
    form = LISTS[name].filter_form(QueryDict(query))
    kept = []
    for field in form.base_fields:
        if field in form.errors:
            raise InvalidTarget(
                _("The filter “%(filter)s” has a value the list does not accept.")
                % {"filter": form.fields[field].label}
            )
        value = form.data.get(field, "")
        if isinstance(value, str) and value.strip():
            kept.append((field, value.strip()))
    return urlencode(kept)


def followed(target, key, filters=""):
    """The Followed that `target` and `key` name, checked: it exists and readers see it.
    Raises InvalidTarget, with a message for the reader, otherwise."""
    key = (key or "").strip()
    if not KEY.fullmatch(key):
        # Codes, keys, years and list names are slugs: anything else (a NUL
        # byte, a page of text) is refused before it reaches the database.
        raise InvalidTarget(_("Say what to follow: a country, an organization, a Day or a list."))
    if target == Target.COUNTRY:
        country = Country.objects.filter(iso2=key.upper()).first()
        if country is None:
            raise InvalidTarget(_("There is no country with this code."))
        return Followed(target, country.iso2.lower(), "", country)
    if target == Target.ORGANIZATION:
        organization = Organization.objects.published().filter(key=key).first()
        if organization is None:
            raise InvalidTarget(_("There is no organization with this key."))
        return Followed(target, organization.key, "", organization)
    if target == Target.DAY:
        observance = (
            Observance.objects.published().filter(year=int(key)).first() if key.isdigit() else None
        )
        if observance is None:
            raise InvalidTarget(_("There is no Day for South-South Cooperation in this year."))
        return Followed(target, str(observance.year), "", observance)
    if target == Target.LIST:
        if key not in LISTS:
            raise InvalidTarget(_("This list cannot be followed by e-mail."))
        return Followed(target, key, cleaned_filters(key, filters or ""))
    raise InvalidTarget(_("Say what to follow: a country, an organization, a Day or a list."))


def followed_by(subscription):
    """What a stored subscription follows (its target checked again: it may be gone)."""
    return followed(subscription.target, subscription.target_key, subscription.filters)
