from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from media.admin import AttachmentInline
from sscportal.admin_toolkit.model_admin import ContentAdmin
from sscportal.text.languages import default_language, every_language

from .models import Resource, ResourceFile, ResourceLink


class ResourceLinkInline(admin.TabularInline):
    model = ResourceLink
    extra = 1


class ResourceFileInline(AttachmentInline):
    model = ResourceFile


@admin.register(Resource)
class ResourceAdmin(ContentAdmin):
    list_display = ["title", "status", "kind", "published_on", "observance"]
    list_filter = ["status", "kind", "observance", "organizations"]
    search_fields = ["slug", *every_language("title", "summary")]
    prepopulated_fields = {"slug": [default_language("title")]}
    autocomplete_fields = ["event", "organizations", "initiatives", "countries"]
    list_select_related = ["observance"]
    inlines = [ResourceFileInline, ResourceLinkInline]
    date_hierarchy = "published_on"
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "kind", "summary", "published_on"]}),
        (_("Identifiers"), {"fields": ["document_symbol", "isbn"]}),
        (
            _("What it concerns"),
            {"fields": ["observance", "event", "organizations", "initiatives", "countries"]},
        ),
    ]
