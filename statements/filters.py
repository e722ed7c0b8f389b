from django import forms
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organization
from sscportal.listing import FilterForm, SearchText
from sscportal.search import search_queryset

from .models import StatementKind


class OrganizationKey(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).strip().lower()

    def clean(self, value):
        value = super().clean(value)
        if value and not Organization.objects.filter(key=value).exists():
            raise forms.ValidationError(_("unknown organization"))
        return value


class StatementFilterForm(FilterForm):
    q = SearchText(label=_("Words"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    organization = OrganizationKey(label=_("Organization"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + StatementKind.choices
    )

    def filter(self, queryset):
        data = self.active
        if "year" in data:
            queryset = queryset.filter(delivered_on__year=data["year"])
        if "organization" in data:
            queryset = queryset.filter(organization__key=data["organization"])
        if "kind" in data:
            queryset = queryset.filter(kind=data["kind"])
        if "q" in data:
            # Ordered by relevance, as the site search is.
            queryset = search_queryset(queryset, data["q"])
        return queryset
