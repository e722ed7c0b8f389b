from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Observances and events")

    def ready(self):
        from sscportal.content_types import register

        from .content import CONTENT_TYPES

        register(*CONTENT_TYPES)
