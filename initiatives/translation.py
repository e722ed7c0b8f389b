from modeltranslation.translator import TranslationOptions, register

from .models import (
    Country,
    CountryGroup,
    Initiative,
    Organization,
    Region,
    Sector,
    SustainableDevelopmentGoal,
)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "acronym", "description")


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(CountryGroup)
class CountryGroupTranslation(TranslationOptions):
    fields = ("name", "definition")


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)
