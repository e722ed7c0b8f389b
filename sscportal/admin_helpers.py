"""What every content admin shares: tabbed EN/AR fields typed in their own direction."""

from django.conf import settings
from django.utils.translation import get_language_bidi
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

_LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language_of_column(name):
    prefix, _sep, code = name.rpartition("_")
    return code if prefix and code in _LANGUAGE_CODES else None


class BidiWidgetsMixin:
    """Give each translated input its language's `lang` and `dir`.

    modeltranslation only adds a CSS class to right-to-left inputs; with `dir`
    set, the browser itself lays out and types Arabic from the right, whatever
    the admin's own language.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = _language_of_column(db_field.name)
        if field is not None and code and getattr(db_field, "translated_field", None):
            from django.utils import translation

            with translation.override(code):
                direction = "rtl" if get_language_bidi() else "ltr"
            field.widget.attrs.update(lang=code, dir=direction)
        return field


class TranslatedAdmin(BidiWidgetsMixin, TabbedTranslationAdmin):
    pass


class TranslatedTabularInline(BidiWidgetsMixin, TranslationTabularInline):
    pass
