from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from media.admin import AttachmentInline
from sscportal.admin_toolkit.languages import (
    LanguageCodeFieldsMixin,
    language_filter,
    language_name,
)
from sscportal.admin_toolkit.model_admin import ContentAdmin
from sscportal.text.languages import default_language, every_language

from .models import Statement, StatementFile

ORIGINAL_LANGUAGE = Statement._meta.get_field("original_language").verbose_name


class StatementFileInline(AttachmentInline):
    model = StatementFile


@admin.register(Statement)
class StatementAdmin(LanguageCodeFieldsMixin, ContentAdmin):
    list_display = [
        "title",
        "status",
        "kind",
        "text_kind",
        "delivered_on",
        "original_language_name",
    ]
    list_filter = [
        "status",
        "kind",
        "text_kind",
        language_filter("original_language", ORIGINAL_LANGUAGE),
        "organization",
    ]
    language_code_fields = ["original_language"]
    search_fields = ["slug", *every_language("title", "speaker", "body"), "document_symbol"]
    prepopulated_fields = {"slug": [default_language("title")]}
    autocomplete_fields = [
        "person",
        "delivered_by_person",
        "organization",
        "event",
        "mentioned_countries",
        "mentioned_initiatives",
        "mentioned_organizations",
    ]
    list_select_related = ["organization", "event"]
    date_hierarchy = "delivered_on"
    inlines = [StatementFileInline]
    fieldsets = [
        (None, {"fields": ["slug", "status", "title", "kind", "body", "source_url", "video_url"]}),
        (
            _("Who and when"),
            {
                "fields": [
                    "person",
                    "speaker",
                    "speaker_title",
                    "organization",
                    "delivered_by_person",
                    "delivered_by",
                    "delivered_on",
                    "issued_on",
                    "document_symbol",
                    "observance",
                    "event",
                ]
            },
        ),
        (
            _("What the text is"),
            {
                "fields": ["text_kind", "outlet", "byline", "original_language", "translation"],
                "description": _(
                    "For each language other than the original: an official translation "
                    "(issued by the organization), one made by this site's staff, or a "
                    "machine translation."
                ),
            },
        ),
        (
            _("Mentions"),
            {
                "fields": [
                    "mentioned_countries",
                    "mentioned_initiatives",
                    "mentioned_organizations",
                ]
            },
        ),
    ]

    @admin.display(description=ORIGINAL_LANGUAGE, ordering="original_language")
    def original_language_name(self, statement):
        return language_name(statement.original_language)
