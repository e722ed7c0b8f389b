"""A reader's subscription to e-mail alerts: an address, a language, what it follows.

Addresses are personal data: a row exists only while its owner wants the
alerts (double opt-in, one-click unsubscribe), and `manage.py
delete_stale_subscriptions` removes those never confirmed or unsubscribed
(pages/legal.py says so in the privacy notice).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Target(models.TextChoices):
    COUNTRY = "country", _("Country")
    ORGANIZATION = "organization", _("Organization")
    DAY = "day", _("The Day")
    LIST = "list", _("Filtered list")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


def new_key():
    # What the signed links name: unguessable, unlike the row's id, and
    # renewed when a subscription starts again, so older links stop working.
    return secrets.token_urlsafe(24)


class SubscriptionQuerySet(models.QuerySet):
    def active(self):
        """Confirmed and not unsubscribed: those the digests go to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def stale(self, now=None):
        """Never confirmed within ALERTS_UNCONFIRMED_DAYS, or unsubscribed more than
        ALERTS_UNSUBSCRIBED_DAYS ago: the rows the cleanup deletes."""
        now = now or timezone.now()
        unconfirmed_before = now - timezone.timedelta(days=settings.ALERTS_UNCONFIRMED_DAYS)
        unsubscribed_before = now - timezone.timedelta(days=settings.ALERTS_UNSUBSCRIBED_DAYS)
        return self.filter(
            Q(confirmed_at__isnull=True, created_at__lte=unconfirmed_before)
            | Q(unsubscribed_at__lte=unsubscribed_before)
        )


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"))
    # The language of its mails and of the links in them: the page's language
    # when subscribing, one of LANGUAGES. Not a `choices` field, so that adding
    # a language to the site needs no migration of this table.
    language = models.CharField(_("language"), max_length=10)
    target = models.CharField(_("follows"), max_length=20, choices=Target)
    # A country's ISO code (lower case), an organization's key, a Day's year,
    # or a list's name (initiatives, statements, events, resources).
    target_key = models.CharField(_("key"), max_length=100)
    # For a list: its filters, cleaned and in the form's order (alerts/targets.py).
    filters = models.CharField(_("filters"), max_length=1000, blank=True, default="")
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency, default=Frequency.WEEKLY
    )
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "target", "target_key", "filters"],
                name="alerts_one_subscription_per_address_and_target",
            )
        ]
        indexes = [models.Index(fields=["frequency", "confirmed_at"])]

    def __str__(self):
        return f"{self.email} → {self.target}:{self.target_key}"

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def new_since(self):
        """The start of the next digest: the last one sent, or the confirmation."""
        return self.last_sent_at or self.confirmed_at
