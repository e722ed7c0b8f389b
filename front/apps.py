from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontConfig(AppConfig):
    """Every page, feed and calendar readers see, and the site's URLs.

    One module (or package) per page family: home, search, initiatives,
    countries and regions, events (the Days, events, calendars), statements,
    resources, organizations, the site's own pages; then sitemaps, robots.txt
    and the health check. It builds on every content app; no content app
    imports it, and none has views, feeds or URLs of its own.
    """

    name = "front"
    verbose_name = _("Public pages")
