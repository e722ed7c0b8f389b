import simple_history
from modeltranslation.translator import TranslationOptions, register

from sscportal.search_fields import SEARCH_COLUMNS

from .models import Event, Observance


@register(Observance)
class ObservanceTranslation(TranslationOptions):
    fields = ("theme", "summary")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "venue")


# After the translation fields exist, so history keeps both languages.
simple_history.register(Observance)
simple_history.register(Event, m2m_fields=["organizers"], excluded_fields=SEARCH_COLUMNS)
