import datetime

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from sscportal.caching.values import cached_count
from sscportal.reader_toolkit.listing import FilterForm, KnownValue, SearchText
from sscportal.search import search_queryset

from .membership import COUNTRY, GOAL, GROUP, MEMBERS, REGION, SECTOR, members_on, today
from .models import (
    Country,
    CountryGroup,
    CountryGroupMembership,
    InitiativeMembership,
    InitiativePartner,
    Modality,
    Organization,
    OrganizationKind,
    Region,
    Sector,
    Stage,
    member_on,
)


# The filters several lists share (initiatives, events, statements, resources,
# organizations, countries): a code or key a reader may type, checked against
# what exists, so an unknown one is a clear message and not an empty list.
def country_field(label):
    return KnownValue(
        queryset=Country.objects.all(),
        field="iso2",
        normalize=str.upper,
        unknown=_("unknown country code"),
        label=label,
        required=False,
        max_length=2,
    )


def group_field(label):
    return KnownValue(
        queryset=CountryGroup.objects.all(),
        field="code",
        normalize=str.lower,
        unknown=_("unknown country group"),
        label=label,
        required=False,
        max_length=20,
    )


def sector_field(label):
    return KnownValue(
        queryset=Sector.objects.all(),
        field="code",
        normalize=str.strip,
        unknown=_("unknown sector code"),
        label=label,
        required=False,
        max_length=3,
    )


def organization_field(label):
    return KnownValue(
        queryset=Organization.objects.all(),
        field="key",
        normalize=str.lower,
        unknown=_("unknown organization"),
        label=label,
        required=False,
        max_length=100,
    )


def belongs_to(facet, value):
    """The condition "the initiative belongs to `value` of `facet`" (a membership row)."""
    rows = InitiativeMembership.objects.filter(facet=facet, value=str(value))
    if facet == MEMBERS:
        rows = rows.filter(members_on(today()))
    return Q(pk__in=rows.values("initiative"))


class RegionCode(forms.IntegerField):
    """An M49 code, with or without its leading zeros (region=002 and region=2 are Africa)."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not Region.objects.filter(m49=value).exists():
            raise forms.ValidationError(_("unknown M49 region code"))
        return value


# `dates=unknown`: the initiatives a `year` filter leaves out, for want of dates.
UNDATED = "unknown"


class InitiativeFilterForm(FilterForm):
    q = SearchText(label=_("Words"), required=False)
    country = country_field(_("Country"))
    region = RegionCode(label=_("Region"), required=False)
    group = group_field(_("Country group"))
    # With a group: also the initiatives whose countries all belong to it, as they
    # did on each initiative's start (InitiativeQuerySet.in_group).
    members = forms.ChoiceField(
        label=_("Group members"),
        required=False,
        choices=[
            ("", _("Naming the group")),
            # Or whose countries are all members: short, to fit the control.
            ("1", _("Or with members only")),
        ],
    )
    sector = sector_field(_("Sector"))
    sdg = forms.IntegerField(
        label=_("Sustainable Development Goal"), required=False, min_value=1, max_value=17
    )
    modality = forms.ChoiceField(
        label=_("Modality"), required=False, choices=[("", _("Any"))] + Modality.choices
    )
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("Any"))] + Stage.choices
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    dates = forms.ChoiceField(
        label=_("Dates"),
        required=False,
        choices=[("", _("Any")), (UNDATED, _("Start date not known"))],
    )
    organization = organization_field(_("Partner organization"))

    def filter(self, queryset, leave_out=None):
        """`queryset` narrowed by every valid filter but `leave_out` (the option counts
        of a filter are those of the others)."""
        data = {name: value for name, value in self.active.items() if name != leave_out}
        # What an initiative belongs to is read from its precomputed memberships
        # (initiatives/membership.py): an index range each, not joins through
        # countries, regions and dated group memberships.
        if "country" in data:
            queryset = queryset.filter(belongs_to(COUNTRY, data["country"]))
        if "region" in data:
            # Its countries, and the initiatives that name the region itself.
            queryset = queryset.filter(belongs_to(REGION, data["region"]))
        if "group" in data:
            # With `members`, as InitiativeQuerySet.in_group(members=True) says.
            if data.get("members") == "1":
                queryset = queryset.filter(belongs_to(MEMBERS, data["group"]))
            else:
                queryset = queryset.filter(belongs_to(GROUP, data["group"]))
        if "sector" in data:
            queryset = queryset.filter(belongs_to(SECTOR, data["sector"]))
        if "sdg" in data:
            queryset = queryset.filter(belongs_to(GOAL, data["sdg"]))
        if "modality" in data:
            queryset = queryset.filter(modality=data["modality"])
        if "stage" in data:
            queryset = queryset.filter(stage=data["stage"])
        if "year" in data:
            # Active at some time during that year.
            year = data["year"]
            queryset = queryset.filter(start_date__year__lte=year).filter(
                Q(end_date__isnull=True) | Q(end_date__year__gte=year)
            )
        if data.get("dates") == UNDATED:
            queryset = queryset.filter(start_date__isnull=True)
        if "organization" in data:
            # EXISTS, not a join: a partner with two roles is still one result.
            as_partner = InitiativePartner.objects.filter(
                organization__key=data["organization"], initiative=OuterRef("pk")
            )
            queryset = queryset.filter(Exists(as_partner))
        if "q" in data:
            # Ordered by relevance, as the site search is.
            queryset = search_queryset(queryset, data["q"], count=cached_count)
        return queryset


class OrganizationFilterForm(FilterForm):
    """The organizations index groups them by kind; each names its country."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + OrganizationKind.choices
    )
    country = country_field(_("Country"))

    def filter(self, queryset):
        data = self.active
        if "kind" in data:
            queryset = queryset.filter(kind=data["kind"])
        if "country" in data:
            queryset = queryset.filter(country__iso2=data["country"])
        return queryset


class CountryFilterForm(FilterForm):
    """The countries of a region (or sub-region) or of a group, as their pages list them."""

    region = RegionCode(label=_("Region"), required=False)
    group = group_field(_("Country group"))

    def filter(self, queryset):
        data = self.active
        if "region" in data:
            queryset = queryset.filter(
                Q(region__m49=data["region"]) | Q(subregion__m49=data["region"])
            )
        if "group" in data:
            # Its members today: a country that has left the group is not listed.
            members = CountryGroupMembership.objects.filter(
                member_on(datetime.date.today()), group__code=data["group"]
            )
            queryset = queryset.filter(pk__in=members.values("country"))
        return queryset
