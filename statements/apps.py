from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Statements")

    def ready(self):
        from sscportal.content_types import register

        from .content import CONTENT_TYPES

        register(*CONTENT_TYPES)
