"""Which items still lack their Arabic or English text: admin column, filter and dashboard.

The translated fields come from modeltranslation's registry (the app's
`translation.py`), so a new content type or a newly translated field is
counted without naming it here. An item "needs Arabic" when some translated
text field has English text and no Arabic text (and the other way round).
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from sscportal.text.languages import LANGUAGE_CODES, list_separator, site_language_name

PARAMETER = "translation"


def translated_text_fields(model):
    """The names of `model`'s translated text fields (title, body, ...), in declaration order."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = set(options.get_field_names())
    return [
        field.name
        for field in model._meta.get_fields()
        if field.name in names
        and isinstance(field, models.CharField | models.TextField)
        # A per-language choice (how a translation was made) is not text to translate.
        and not field.choices
    ]


def _empty(column):
    return Q(**{column: ""}) | Q(**{f"{column}__isnull": True})


def needs(model, code):
    """A filter for items with text in the other language that `code` lacks."""
    condition = Q(pk__in=[])
    for field in translated_text_fields(model):
        for other in LANGUAGE_CODES:
            if other != code:
                condition |= Q(**{f"{field}_{other}__gt": ""}) & _empty(f"{field}_{code}")
    return condition


def missing_languages(item):
    """The languages `item` still needs, read from the row already loaded (no query)."""
    missing = []
    fields = translated_text_fields(type(item))
    for code in LANGUAGE_CODES:
        for field in fields:
            if not getattr(item, f"{field}_{code}", "") and any(
                getattr(item, f"{field}_{other}", "") for other in LANGUAGE_CODES if other != code
            ):
                missing.append(code)
                break
    return missing


def needs_label(code):
    """ "Needs Arabic": an item that has text in another language and not in this one."""
    return gettext("Needs %(language)s") % {"language": site_language_name(code)}


# With two languages an item in all of them is "in both languages".
if len(LANGUAGE_CODES) == 2:
    COMPLETE_FILTER, COMPLETE_CELL = _("In both languages"), _("Both languages")
else:
    COMPLETE_FILTER = pgettext_lazy("translation filter", "In every language")
    COMPLETE_CELL = pgettext_lazy("translation column", "Every language")


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = PARAMETER

    def lookups(self, request, model_admin):
        return [(f"needs_{code}", needs_label(code)) for code in LANGUAGE_CODES] + [
            ("complete", COMPLETE_FILTER)
        ]

    def queryset(self, request, queryset):
        value = self.value()
        for code in LANGUAGE_CODES:
            if value == f"needs_{code}":
                return queryset.filter(needs(queryset.model, code))
        if value == "complete":
            for code in LANGUAGE_CODES:
                queryset = queryset.exclude(needs(queryset.model, code))
        return queryset


class TranslationStatusMixin:
    """A "Translation" column and filter on every list of translated content."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStatusFilter]

    @admin.display(description=_("translation"))
    def translation_status(self, item):
        missing = missing_languages(item)
        if not missing:
            return COMPLETE_CELL
        return list_separator().join(needs_label(code) for code in missing)


def dashboard_rows(admin_site, request):
    """One row per translated content list the user may view: totals and what needs translating.

    One query per content type, whatever the number of items.
    """
    rows = []
    for model, model_admin in admin_site._registry.items():
        if not isinstance(model_admin, TranslationStatusMixin):
            continue
        if not model_admin.has_view_or_change_permission(request):
            continue
        counts = model.objects.aggregate(
            total=Count("pk"),
            **{f"needs_{code}": Count("pk", filter=needs(model, code)) for code in LANGUAGE_CODES},
        )
        opts = model._meta
        try:
            url = reverse(f"{admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        rows.append(
            {
                "name": opts.verbose_name_plural,
                "url": url,
                "total": counts["total"],
                "needs": [
                    {
                        "label": needs_label(code),
                        "count": counts[f"needs_{code}"],
                        "url": f"{url}?{PARAMETER}=needs_{code}",
                    }
                    for code in LANGUAGE_CODES
                ],
            }
        )
    return sorted(rows, key=lambda row: str(row["name"]))
