from django.contrib import admin

from sscportal.admin_toolkit.model_admin import ContentAdmin
from sscportal.text.languages import default_language, every_language

from .models import Page


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ["title", "status", "parent", "order", "updated_at"]
    list_filter = ["status", "parent"]
    search_fields = ["slug", *every_language("title", "body")]
    prepopulated_fields = {"slug": [default_language("title")]}
    list_select_related = ["parent"]
    fields = ["title", "slug", "status", "parent", "order", "body"]
