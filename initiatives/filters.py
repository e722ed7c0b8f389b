from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from sscportal.caching.values import cached_count
from sscportal.listing import FilterForm, KnownValue, SearchText
from sscportal.search import search_queryset

from .models import (
    Country,
    CountryGroup,
    InitiativePartner,
    Modality,
    Organization,
    Region,
    Stage,
)


class RegionCode(forms.IntegerField):
    """An M49 code, with or without its leading zeros (region=002 and region=2 are Africa)."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not Region.objects.filter(m49=value).exists():
            raise forms.ValidationError(_("unknown M49 region code"))
        return value


class InitiativeFilterForm(FilterForm):
    q = SearchText(label=_("Words"), required=False)
    country = KnownValue(
        queryset=Country.objects.all(),
        field="iso2",
        normalize=str.upper,
        unknown=_("unknown country code"),
        label=_("Country"),
        required=False,
        max_length=2,
    )
    region = RegionCode(label=_("Region"), required=False)
    group = KnownValue(
        queryset=CountryGroup.objects.all(),
        field="code",
        normalize=str.lower,
        unknown=_("unknown country group"),
        label=_("Country group"),
        required=False,
        max_length=10,
    )
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
    organization = KnownValue(
        queryset=Organization.objects.all(),
        field="key",
        normalize=str.lower,
        unknown=_("unknown organization"),
        label=_("Partner organization"),
        required=False,
        max_length=100,
    )

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
            queryset = queryset.in_group(data["group"])
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
