from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Content in and out as one JSON document (docs/content-format.md), the demo
    content, the generated corpus the benchmarks use, and the full dumps."""

    name = "exchange"
    verbose_name = _("Import and export")

    def ready(self):
        from sscportal.open_data import dumps

        from . import dumps as writers

        # Served by front/ (/data/<name>), which knows them by these names only.
        dumps.declare(writers.CONTENT_DUMP, writers.write_content_dump, "application/gzip")
        dumps.declare(writers.DATA_PACKAGE, writers.write_data_package, "application/zip")
