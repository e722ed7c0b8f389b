from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventSpeaker, Observance


@register(Observance)
class ObservanceTranslation(TranslationOptions):
    fields = ("theme", "summary")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "venue")


@register(EventSpeaker)
class EventSpeakerTranslation(TranslationOptions):
    fields = ("name", "title")
