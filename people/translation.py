from modeltranslation.translator import TranslationOptions, register

from .models import Person, PersonTitle


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "family_name")


@register(PersonTitle)
class PersonTitleTranslation(TranslationOptions):
    fields = ("title",)
