from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sscportal.admin_helpers import ContentAdmin

from .models import Resource, ResourceLink


class ResourceLinkInline(admin.TabularInline):
    model = ResourceLink
    extra = 1


@admin.register(Resource)
class ResourceAdmin(ContentAdmin):
    list_display = ["title", "slug", "status", "kind", "published_on", "observance"]
    list_filter = ["status", "kind", "observance", "organizations"]
    search_fields = ["slug", "title_en", "title_ar", "summary_en", "summary_ar"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["event", "organizations", "initiatives", "countries"]
    list_select_related = ["observance"]
    inlines = [ResourceLinkInline]
    date_hierarchy = "published_on"
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "kind", "summary", "published_on"]}),
        (
            _("What it concerns"),
            {"fields": ["observance", "event", "organizations", "initiatives", "countries"]},
        ),
    ]
