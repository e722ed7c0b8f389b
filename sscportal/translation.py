from modeltranslation.translator import TranslationOptions, register

from .models import GlossaryEntry


@register(GlossaryEntry)
class GlossaryEntryTranslation(TranslationOptions):
    fields = ("term", "variants")
