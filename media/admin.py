"""The media library in the admin: upload, describe, find by type and size."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from sscportal.admin_toolkit.languages import (
    LanguageCodeFieldsMixin,
    language_filter,
    language_name,
)
from sscportal.admin_toolkit.model_admin import TranslatedAdmin
from sscportal.text.languages import every_language

from .models import Document, Image
from .rich_text import alt_text, image_url


class LibraryAdmin(TranslatedAdmin):
    readonly_fields = ["file_type_label", "size_shown", "sha256", "uploaded_at", "updated_at"]
    date_hierarchy = "uploaded_at"
    list_per_page = 50

    @admin.display(description=_("type"), ordering="content_type")
    def file_type_label(self, item):
        file_type = item.file_type
        return file_type.label if file_type else item.content_type

    @admin.display(description=_("size"), ordering="size")
    def size_shown(self, item):
        return filesizeformat(item.size)

    @admin.display(description=_("file"))
    def stored_file(self, item):
        # Through the site's checked address: storage's own URL is never served.
        return format_html('<a href="{}">{}</a>', self.address(item), item.file.name)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        # A stored file is never replaced: a new file is a new library item, so
        # what already links to the old one keeps saying what it said.
        return [("stored_file" if f == "file" else f) for f in fields] if obj else fields

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return ["stored_file", *fields] if obj else fields


LANGUAGE = Document._meta.get_field("language").verbose_name


@admin.register(Document)
class DocumentAdmin(LanguageCodeFieldsMixin, LibraryAdmin):
    # The file's language picked and shown by name ("Arabic"), as a statement's
    # original language is (issue 30): the column keeps its ISO 639-1 code.
    list_display = [
        "title",
        "language_shown",
        "kind",
        "file_type_label",
        "size_shown",
        "uploaded_at",
    ]
    list_filter = ["kind", language_filter("language", LANGUAGE), "content_type"]
    language_code_fields = ["language"]
    search_fields = ["file", "sha256", *every_language("title")]
    fields = ["file", "title", "language", "kind", *LibraryAdmin.readonly_fields]

    @admin.display(description=LANGUAGE, ordering="language")
    def language_shown(self, document):
        return language_name(document.language)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "language":
            field.help_text = ""  # the model's asks for a code; here a name is picked
        return field

    def address(self, document):
        return document.get_absolute_url()


@admin.register(Image)
class ImageAdmin(LibraryAdmin):
    list_display = ["thumbnail", "alt", "credit", "dimensions", "file_type_label", "size_shown"]
    list_display_links = ["thumbnail", "alt"]
    list_filter = ["content_type"]
    search_fields = ["file", "credit", "sha256", *every_language("alt")]
    readonly_fields = ["preview", "dimensions", "copies", *LibraryAdmin.readonly_fields]
    fields = [
        "file",
        "preview",
        "alt",
        "credit",
        "dimensions",
        "copies",
        *LibraryAdmin.readonly_fields,
    ]

    def address(self, image):
        return image_url(image)

    @admin.display(description=_("image"))
    def thumbnail(self, image):
        widths = image.rendition_widths()
        return format_html(
            '<img class="media-thumbnail" src="{}" alt="{}" width="{}" height="{}">',
            image_url(image, widths[0]) if widths else image_url(image),
            alt_text(image, None),
            96,
            round(96 * image.height / image.width) if image.width else 96,
        )

    @admin.display(description=_("preview"))
    def preview(self, image):
        return self.thumbnail(image) if image.pk else "—"

    @admin.display(description=_("dimensions"))
    def dimensions(self, image):
        return format_html('<span dir="ltr">{} × {}</span>', image.width, image.height)

    @admin.display(description=_("smaller copies"))
    def copies(self, image):
        widths = ", ".join(f"{width} px" for width in image.rendition_widths())
        # Numbers with units, read left to right on an Arabic page too.
        return format_html('<span dir="ltr">{}</span>', widths) if widths else "—"


class UnchangedWhenAbsent(BaseInlineFormSet):
    """An item's form posted without this inline's rows (a tab opened before the
    inline existed, a client that fills only the item's fields) leaves the rows
    as they are, rather than failing on the missing management form."""

    def __init__(self, data=None, *args, prefix=None, **kwargs):
        prefix = prefix or self.get_default_prefix()
        if data is not None and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = "0"
        super().__init__(data, *args, prefix=prefix, **kwargs)


class AttachmentInline(admin.TabularInline):
    """The documents of an item (a resource's files), chosen from the library."""

    formset = UnchangedWhenAbsent
    autocomplete_fields = ["document"]
    fields = ["order", "document"]
    extra = 1
