import simple_history
from modeltranslation.translator import TranslationOptions, register

from sscportal.search_fields import SEARCH_COLUMNS

from .models import (
    Country,
    Initiative,
    InitiativeCountry,
    InitiativePartner,
    Organization,
    Region,
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
    fields = ("name", "acronym")


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


# History is registered here, after the translation fields exist, so every
# historical record keeps the English and the Arabic columns.
simple_history.register(Organization)
simple_history.register(Initiative, m2m_fields=["sdgs"], excluded_fields=SEARCH_COLUMNS)
simple_history.register(InitiativeCountry)
simple_history.register(InitiativePartner)
