from django.contrib import admin

from sscportal.admin_helpers import ContentAdmin

from .models import Statement


@admin.register(Statement)
class StatementAdmin(ContentAdmin):
    list_display = ["title", "slug", "status", "kind", "delivered_on", "original_language"]
    list_filter = ["status", "kind", "original_language", "organization"]
    search_fields = [
        "slug",
        "title_en",
        "title_ar",
        "speaker_en",
        "speaker_ar",
        "body_en",
        "body_ar",
    ]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["organization", "event"]
    list_select_related = ["organization"]
    date_hierarchy = "delivered_on"
