from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.filters import organization_field
from sscportal.caching.values import cached_count
from sscportal.reader_toolkit.listing import FilterForm, SearchText
from sscportal.search import search_queryset

from .models import ResourceKind


class ResourceFilterForm(FilterForm):
    q = SearchText(label=_("Words"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + ResourceKind.choices
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    organization = organization_field(_("Organization"))

    def filter(self, queryset):
        data = self.active
        if "kind" in data:
            queryset = queryset.filter(kind=data["kind"])
        if "year" in data:
            queryset = queryset.filter(published_on__year=data["year"])
        if "organization" in data:
            # A subquery, not a join: a resource stays one result.
            queryset = queryset.filter(
                pk__in=queryset.model.organizations.through.objects.filter(
                    organization__key=data["organization"]
                ).values("resource_id")
            )
        if "q" in data:
            # Ordered by relevance, as the site search is.
            queryset = search_queryset(queryset, data["q"], count=cached_count)
        return queryset
