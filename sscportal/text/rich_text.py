"""The admin's rich-text editor for the fields a model lists in `rich_text_fields`.

The editor (static/admin-editor/rich-text.js) is django-prose-editor's
ProseMirror/Tiptap bundle, served from the pinned PyPI package, configured to
produce only what `sanitize.py` keeps (EDITOR_TAGS, tested against the
allowlist). Nothing here replaces the sanitizer: every save still cleans the
HTML, whoever sent it.
"""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

# What the editor's schema can write (see rich-text.js); tests hold it to
# sanitize.ALLOWED_TAGS and to what the editor really outputs.
EDITOR_TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "a"}

# The bundle's toolbar and dialog words (English, lower case, inside its
# JavaScript), and what the admin shows instead, in its language.
TOOLBAR_LABELS = {
    "bold": _("Bold"),
    "italic": _("Italic"),
    "paragraph": _("Paragraph"),
    "Paragraph": _("Paragraph"),
    "heading 2": _("Heading"),
    "Heading 2": _("Heading"),
    "heading 3": _("Subheading"),
    "Heading 3": _("Subheading"),
    "heading 4": _("Minor heading"),
    "Heading 4": _("Minor heading"),
    "unordered list": _("Bulleted list"),
    "ordered list": _("Numbered list"),
    "blockquote": _("Quotation"),
    "insert link": _("Link"),
    "remove link": _("Remove link"),
    "undo": _("Undo"),
    "redo": _("Redo"),
    "URL": _("Web address"),
    "Edit Link": _("Link"),
    "Update": _("Apply"),
    "Cancel": _("Cancel"),
}


class RichTextWidget(forms.Textarea):
    """A textarea the editor replaces; without JavaScript it stays a textarea of HTML."""

    class Media:
        css = {
            "all": [
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "admin-editor/rich-text.css",
            ]
        }
        # dialog-words.js must run before the bundle loads (see its comment).
        js = [
            "admin-editor/dialog-words.js",
            forms.Script("admin-editor/rich-text.js", type="module"),
        ]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = {english: str(label) for english, label in TOOLBAR_LABELS.items()}
        context["widget"]["attrs"]["data-rich-text"] = json.dumps(
            {"labels": labels}, ensure_ascii=False, separators=(",", ":")
        )
        return context

    def use_required_attribute(self, initial):
        # The browser cannot focus a hidden textarea to say it is required;
        # the form's own validation says it instead.
        return False


def is_rich_text(model, db_field):
    """Is this column (e.g. body_ar) a language column of one of `model`'s rich-text fields?"""
    translated = getattr(db_field, "translated_field", None)
    name = translated.name if translated is not None else db_field.name
    return name in getattr(model, "rich_text_fields", ())
