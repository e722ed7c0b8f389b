from modeltranslation.translator import TranslationOptions, register

from .models import Document, Image


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(Image)
class ImageTranslation(TranslationOptions):
    fields = ("alt",)
