from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontConfig(AppConfig):
    """The reader's pages that bring several content types together.

    Home, search, country pages, each Day's page and an event's page (with its
    statements), sitemaps, robots.txt and the health check. It builds on every
    content app; no content app imports it.
    """

    name = "front"
    verbose_name = _("Public pages")
