from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SscportalConfig(AppConfig):
    """The ground: shared helpers and the SQL functions search relies on (its migrations).

    Content types register themselves (sscportal.content_types), so nothing
    here names a model of another app.
    """

    name = "sscportal"
    verbose_name = _("Site")
