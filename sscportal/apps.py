from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SscportalConfig(AppConfig):
    name = "sscportal"
    verbose_name = _("Site")

    def ready(self):
        from django.apps import apps

        from .page_cache import connect_signals

        # Any change to content or reference data invalidates cached pages.
        connect_signals(
            apps.get_model(app, name)
            for app, name in [
                ("initiatives", "Country"),
                ("initiatives", "Region"),
                ("initiatives", "Organization"),
                ("initiatives", "Initiative"),
                ("initiatives", "InitiativeCountry"),
                ("initiatives", "InitiativePartner"),
                ("events", "Observance"),
                ("events", "Event"),
                ("statements", "Statement"),
            ]
        )
