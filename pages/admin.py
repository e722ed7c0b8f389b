from django.contrib import admin

from sscportal.admin_helpers import ContentAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ["title", "slug", "status", "parent", "order", "updated_at"]
    list_filter = ["status", "parent"]
    search_fields = ["slug", "title_en", "title_ar", "body_en", "body_ar"]
    prepopulated_fields = {"slug": ["title_en"]}
    list_select_related = ["parent"]
    fields = ["title", "slug", "status", "parent", "order", "body"]
