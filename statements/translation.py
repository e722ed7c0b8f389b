from modeltranslation.translator import TranslationOptions, register

from .models import Statement


@register(Statement)
class StatementTranslation(TranslationOptions):
    fields = ("title", "body", "speaker", "speaker_title", "delivered_by", "outlet", "translation")
