from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from initiatives.filters import organization_field
from sscportal.caching.values import cached_count
from sscportal.reader_toolkit.listing import FilterForm, SearchText
from sscportal.search import search_queryset
from sscportal.text.languages import every_language

from .models import StatementKind, TextKind


class StatementFilterForm(FilterForm):
    q = SearchText(label=_("Words"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1945, max_value=2100)
    organization = organization_field(_("Organization"))
    observance = forms.IntegerField(
        label=_("The Day of"), required=False, min_value=1978, max_value=2200
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + StatementKind.choices
    )
    text_kind = forms.ChoiceField(
        label=_("Text"), required=False, choices=[("", _("Any"))] + TextKind.choices
    )

    def filter(self, queryset):
        data = self.active
        if "year" in data:
            queryset = queryset.filter(delivered_on__year=data["year"])
        if "organization" in data:
            queryset = queryset.filter(organization__key=data["organization"])
        if "observance" in data:
            # The Day's messages: made for it, or at one of its events.
            queryset = queryset.filter(
                Q(observance__year=data["observance"])
                | Q(event__observance__year=data["observance"])
            )
        if "kind" in data:
            queryset = queryset.filter(kind=data["kind"])
        if "text_kind" in data:
            # A statement without a body in any language is not "Full text" (or
            # any other kind of text): the site does not hold its words.
            has_body = reduce(or_, (Q(**{f"{c}__gt": ""}) for c in every_language("body")))
            queryset = queryset.filter(has_body, text_kind=data["text_kind"])
        if "q" in data:
            # Ordered by relevance, as the site search is.
            queryset = search_queryset(queryset, data["q"], count=cached_count)
        return queryset
