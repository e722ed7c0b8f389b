import datetime

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from sscportal.caching.values import cached_count
from sscportal.reader_toolkit.listing import FilterForm, KnownValue, SearchText
from sscportal.search import search_queryset

from .models import (
    Country,
    CountryGroup,
    CountryGroupMembership,
    InitiativePartner,
    InitiativeSector,
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
        if "country" in data:
            queryset = queryset.filter(country_roles__country__iso2=data["country"])
        if "region" in data:
            # Its countries, and the initiatives that name the region itself.
            queryset = queryset.in_region(data["region"])
        if "group" in data:
            queryset = queryset.in_group(data["group"], members=data.get("members") == "1")
        if "sector" in data:
            # EXISTS, not a join: one row per initiative whatever its shares.
            shares = InitiativeSector.objects.filter(
                sector__code=data["sector"], initiative=OuterRef("pk")
            )
            queryset = queryset.filter(Exists(shares))
        if "sdg" in data:
            queryset = queryset.filter(sdgs__number=data["sdg"])
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
        # A join through country roles may repeat an initiative.
        if "country" in data:
            queryset = queryset.filter(pk__in=queryset.values("pk"))
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
