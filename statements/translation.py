import simple_history
from modeltranslation.translator import TranslationOptions, register

from sscportal.search_fields import SEARCH_COLUMNS

from .models import Statement


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("title", "body", "speaker", "speaker_title")


# After the translation fields exist, so history keeps both languages.
simple_history.register(Statement, excluded_fields=SEARCH_COLUMNS)
