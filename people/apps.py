from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from sscportal.content_types import register

        from .content import CONTENT_TYPES

        register(*CONTENT_TYPES)
