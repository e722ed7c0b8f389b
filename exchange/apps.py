from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Content in and out as one JSON document (docs/content-format.md), the demo
    content, and the generated corpus the benchmarks use."""

    name = "exchange"
    verbose_name = _("Import and export")
