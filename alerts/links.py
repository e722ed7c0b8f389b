"""The signed links of the alerts' mails: confirm a subscription, unsubscribe from it.

Each link carries the subscription's random key signed with SECRET_KEY
(django.core.signing), a different salt per purpose, so a confirmation link
cannot unsubscribe and neither can be forged or guessed. A confirmation link
expires with the unconfirmed subscription (ALERTS_UNCONFIRMED_DAYS); an
unsubscribe link works for as long as the subscription lives.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from sscportal.configuration.site import absolute_url

from .models import Subscription

CONFIRM = "alerts.confirm"
UNSUBSCRIBE = "alerts.unsubscribe"


class ExpiredLink(Exception):
    """A link signed by the site whose time is over."""


class InvalidLink(Exception):
    """A link the site did not sign, or changed since."""


def token(subscription, purpose):
    return signing.dumps(subscription.key, salt=purpose)


def key_from(value, purpose):
    """The subscription key `value` carries for `purpose`; raises ExpiredLink or InvalidLink."""
    max_age = timedelta(days=settings.ALERTS_UNCONFIRMED_DAYS) if purpose == CONFIRM else None
    try:
        return signing.loads(value, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None


def subscription_from(value, purpose):
    """The subscription the link names, or None when it is gone (deleted since)."""
    return Subscription.objects.filter(key=key_from(value, purpose)).first()


def link(subscription, purpose):
    """The absolute link for `purpose`, in the subscriber's language."""
    name = "alerts:confirm" if purpose == CONFIRM else "alerts:unsubscribe"
    with translation.override(subscription.language):
        return absolute_url(reverse(name, args=[token(subscription, purpose)]))
