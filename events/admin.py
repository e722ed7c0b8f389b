from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from media.admin import AttachmentInline
from sscportal.admin_toolkit.model_admin import (
    BidiWidgetsMixin,
    ContentAdmin,
    HistoryAdmin,
    PublishingAdminMixin,
)
from sscportal.text.languages import default_language, every_language

from .models import Event, EventFile, EventSpeaker, Observance


@admin.register(Observance)
class ObservanceAdmin(PublishingAdminMixin, HistoryAdmin):
    list_display = ["year", "date", "status", "theme"]
    list_filter = ["status"]
    search_fields = [*every_language("theme"), "=year"]
    autocomplete_fields = ["banner"]


class EventFileInline(AttachmentInline):
    model = EventFile


class EventSpeakerInline(BidiWidgetsMixin, TranslationTabularInline):
    model = EventSpeaker
    autocomplete_fields = ["person", "organization"]
    fields = ["order", "person", "name", "title", "organization"]
    extra = 1


@admin.register(Event)
class EventAdmin(ContentAdmin):
    list_display = ["title", "status", "starts_at", "timezone", "online", "observance"]
    list_filter = ["status", "online", "observance"]
    search_fields = ["slug", *every_language("title", "venue")]
    prepopulated_fields = {"slug": [default_language("title")]}
    autocomplete_fields = ["country", "organizers"]
    list_select_related = ["observance"]
    date_hierarchy = "starts_at"
    inlines = [EventSpeakerInline, EventFileInline]
