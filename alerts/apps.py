from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """E-mail alerts: readers who follow a country, an organization, a Day or a
    filtered list, and the digests of what was published since.

    It reads the content apps (what a subscription follows) and sits under the
    roof: front/ draws its pages (front/alerts.py), this app keeps the
    subscriptions, their signed links, the mails and the commands that send and
    delete them.
    """

    name = "alerts"
    verbose_name = _("E-mail alerts")
