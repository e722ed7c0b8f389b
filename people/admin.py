from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from sscportal.admin_toolkit.model_admin import (
    BidiWidgetsMixin,
    HistoryAdmin,
    PublishingAdminMixin,
)
from sscportal.text.languages import every_language

from .models import Person, PersonTitle


class PersonTitleInline(BidiWidgetsMixin, TranslationTabularInline):
    model = PersonTitle
    autocomplete_fields = ["organization"]
    fields = ["title", "organization", "starts_on", "ends_on"]
    extra = 1


@admin.register(Person)
class PersonAdmin(PublishingAdminMixin, HistoryAdmin):
    list_display = ["key", "name", "family_name", "status"]
    list_filter = ["status"]
    # Statement and event forms find people by these (autocomplete).
    search_fields = ["key", *every_language("name", "family_name")]
    inlines = [PersonTitleInline]
