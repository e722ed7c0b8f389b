from django.contrib import admin

from sscportal.admin_helpers import ContentAdmin, HistoryAdmin

from .models import Event, Observance


@admin.register(Observance)
class ObservanceAdmin(HistoryAdmin):
    list_display = ["year", "date", "theme"]
    search_fields = ["theme_en", "theme_ar", "=year"]


@admin.register(Event)
class EventAdmin(ContentAdmin):
    list_display = ["title", "slug", "status", "starts_at", "timezone", "online", "observance"]
    list_filter = ["status", "online", "observance"]
    search_fields = ["slug", "title_en", "title_ar", "venue_en", "venue_ar"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["country", "organizers"]
    list_select_related = ["observance"]
    date_hierarchy = "starts_at"
