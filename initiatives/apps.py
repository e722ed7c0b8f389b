from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives and countries")

    def ready(self):
        from sscportal.content_types import register

        from .content import CONTENT_TYPES

        register(*CONTENT_TYPES)

        from . import membership

        membership.watch()
