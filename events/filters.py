"""Filters of lists of events: those of a Day, of a host country, of an organizer, as
the Day's, the country's and the organization's pages list them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.filters import country_field, organization_field
from sscportal.caching.values import cached_count
from sscportal.reader_toolkit.listing import FilterForm, SearchText
from sscportal.search import search_queryset


class EventFilterForm(FilterForm):
    q = SearchText(label=_("Words"), required=False)
    observance = forms.IntegerField(
        label=_("The Day of"), required=False, min_value=1978, max_value=2200
    )
    country = country_field(_("Host country"))
    organization = organization_field(_("Organizers"))

    def filter(self, queryset):
        data = self.active
        if "observance" in data:
            queryset = queryset.filter(observance__year=data["observance"])
        if "country" in data:
            queryset = queryset.filter(country__iso2=data["country"])
        if "organization" in data:
            # A subquery, not a join: an event stays one result.
            queryset = queryset.filter(
                pk__in=queryset.model.organizers.through.objects.filter(
                    organization__key=data["organization"]
                ).values("event_id")
            )
        if "q" in data:
            queryset = search_queryset(queryset, data["q"], count=cached_count)
        return queryset
