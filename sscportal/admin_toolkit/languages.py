"""Language codes in the admin shown as language names ("Arabic", not "ar").

The columns keep their ISO 639-1 codes (the exchange format's, the API's);
only what an editor reads and picks is a name: a select in forms, a column
and a filter in lists.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import get_language_info

from sscportal.text.languages import LANGUAGE_CODES, site_language_name

# Offered besides the site's languages: the other official languages of the
# United Nations, the ones a statement is most often delivered in.
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def language_name(code):
    """The language's name in the admin's language; the code itself if Django
    does not know it (an import may bring any two or three letters)."""
    if code in LANGUAGE_CODES:
        return site_language_name(code)
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices(codes_in_use=()):
    """(code, name) for a select: the site's languages first, then the UN's
    other languages and every code already stored, by name."""
    others = (set(UN_LANGUAGES) | {code for code in codes_in_use if code}) - set(LANGUAGE_CODES)
    return [(code, language_name(code)) for code in LANGUAGE_CODES] + sorted(
        ((code, language_name(code)) for code in others), key=lambda choice: choice[1]
    )


class LanguageCodeFieldsMixin:
    """A select of language names for each column in `language_code_fields`."""

    language_code_fields = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.language_code_fields:
            in_use = self.model.objects.values_list(db_field.name, flat=True).distinct()
            kwargs["widget"] = forms.Select(choices=language_choices(in_use))
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def language_filter(field_name, title):
    """A list filter on a language-code column that names the languages."""

    class LanguageFilter(admin.SimpleListFilter):
        parameter_name = field_name

        def lookups(self, request, model_admin):
            codes = model_admin.model.objects.values_list(field_name, flat=True).distinct()
            return sorted(
                ((code, language_name(code)) for code in codes if code),
                key=lambda lookup: lookup[1],
            )

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{field_name: self.value()})
            return queryset

    LanguageFilter.title = title
    return LanguageFilter
