from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from sscportal.admin_toolkit.model_admin import (
    ContentAdmin,
    HistoryAdmin,
    PublishingAdminMixin,
    TranslatedAdmin,
)
from sscportal.text.languages import default_language, every_language

from .models import (
    Country,
    CountryGroup,
    CountryGroupMembership,
    Initiative,
    InitiativeCountry,
    InitiativeGroup,
    InitiativePartner,
    InitiativeRegion,
    InitiativeSector,
    Organization,
    Region,
    Sector,
    SustainableDevelopmentGoal,
    percentages_problem,
)


@admin.register(Region)
class RegionAdmin(TranslatedAdmin):
    list_display = ["m49", "name", "parent"]
    search_fields = [*every_language("name"), "=m49"]


@admin.register(Country)
class CountryAdmin(TranslatedAdmin):
    list_display = ["iso2", "iso3", "m49", "name", "region", "subregion", "income_group"]
    list_filter = ["region", "income_group", "memberships__group"]
    search_fields = [*every_language("name"), "=iso2", "=iso3"]
    list_select_related = ["region", "subregion"]
    ordering = [default_language("name")]


class MembershipInline(admin.TabularInline):
    model = CountryGroupMembership
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(CountryGroup)
class CountryGroupAdmin(TranslatedAdmin):
    list_display = ["code", "acronym", "name", "source"]
    search_fields = ["code", "acronym", *every_language("name")]
    inlines = [MembershipInline]


@admin.register(Sector)
class SectorAdmin(TranslatedAdmin):
    list_display = ["code", "name"]
    search_fields = ["=code", *every_language("name")]


@admin.register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(TranslatedAdmin):
    list_display = ["number", "name"]
    search_fields = every_language("name")


@admin.register(Organization)
class OrganizationAdmin(PublishingAdminMixin, HistoryAdmin):
    list_display = ["key", "name", "acronym", "kind", "status", "country"]
    list_filter = ["status", "kind"]
    search_fields = ["key", *every_language("name", "acronym")]
    autocomplete_fields = ["country"]
    list_select_related = ["country"]


class InitiativeCountryInline(admin.TabularInline):
    model = InitiativeCountry
    autocomplete_fields = ["country"]
    extra = 1


class InitiativeRegionInline(admin.TabularInline):
    model = InitiativeRegion
    autocomplete_fields = ["region"]
    extra = 0


class InitiativeGroupInline(admin.TabularInline):
    model = InitiativeGroup
    autocomplete_fields = ["group"]
    extra = 0


class SectorSharesFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data.get("sector") and not form.cleaned_data.get("DELETE")
        ]
        problem = percentages_problem([data.get("percentage") for data in kept])
        if problem:
            raise ValidationError(problem)


class InitiativeSectorInline(admin.TabularInline):
    model = InitiativeSector
    formset = SectorSharesFormSet
    autocomplete_fields = ["sector"]
    extra = 0


class InitiativePartnerInline(admin.TabularInline):
    model = InitiativePartner
    autocomplete_fields = ["organization"]
    extra = 1


@admin.register(Initiative)
class InitiativeAdmin(ContentAdmin):
    list_display = ["title", "status", "modality", "stage", "start_date", "updated_at"]
    list_filter = [
        "status",
        "modality",
        "stage",
        "sdgs",
        ("country_roles__country", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["slug", *every_language("title", "summary")]
    prepopulated_fields = {"slug": [default_language("title")]}
    filter_horizontal = ["sdgs"]
    inlines = [
        InitiativeCountryInline,
        InitiativeRegionInline,
        InitiativeGroupInline,
        InitiativeSectorInline,
        InitiativePartnerInline,
    ]
    date_hierarchy = "start_date"
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary", "description"]}),
        (_("Classification"), {"fields": ["modality", "stage", "sdgs"]}),
        (
            _("Dates"),
            {"fields": ["start_date", "end_date", "planned_start_date", "planned_end_date"]},
        ),
        (_("Identifier"), {"fields": ["identifier"]}),
        (_("Budget"), {"fields": ["budget_amount", "budget_currency"]}),
        (_("Source"), {"fields": ["source_url"]}),
    ]
