from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SscportalConfig(AppConfig):
    name = "sscportal"
    verbose_name = _("Site")
