"""Starting, confirming and ending a subscription; and the limits against abuse."""

import hashlib
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sscportal.caching import shared
from sscportal.configuration.env import parse_rate

from .models import Subscription, new_key


def within_rate(name, rate):
    """Count one use of `name` against `rate` ("10/hour"); False once over it.

    Counted in the shared cache, per period: a cache that does not answer
    lets everything through rather than refusing every reader.
    """
    limit = parse_rate(rate)
    if limit is None:
        return True
    count, period = limit
    key = f"alerts-rate:{name}:{int(time.time() // period)}"
    shared.call("add", key, 0, period)
    used = shared.call("incr", key)
    return used is None or used <= count


def address_digest(email):
    # The cache is told no address, only a digest of it.
    return hashlib.sha256(email.encode()).hexdigest()


def subscribe(email, followed, frequency, language):
    """The subscription to confirm for `email` and `followed`, or None when it is
    confirmed already (nothing to send; the reader is told the same either way,
    so the form does not reveal who is subscribed)."""
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=email,
            target=followed.target,
            target_key=followed.key,
            filters=followed.filters,
            defaults={"frequency": frequency, "language": language},
        )
        if created:
            return subscription
        if subscription.is_active:
            return None
        # Never confirmed, or unsubscribed and not deleted yet: it starts again,
        # with a new key, so links mailed before no longer work.
        subscription.key = new_key()
        subscription.frequency, subscription.language = frequency, language
        subscription.created_at = timezone.now()
        subscription.confirmed_at = subscription.unsubscribed_at = None
        subscription.last_sent_at = None
        subscription.save()
        return subscription


def confirm(subscription):
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])


def unsubscribe(subscription):
    """Ends it: deleted at once, or marked and deleted by the cleanup after
    ALERTS_UNSUBSCRIBED_DAYS."""
    if settings.ALERTS_UNSUBSCRIBED_DAYS == 0:
        subscription.delete()
    elif subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
