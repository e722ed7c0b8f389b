"""The digests: for each confirmed subscription, what was published since its last one.

"Published since" is when the site first published an item, read from its
edit history (as the feeds date their entries): an item edited again, or
unpublished and published again, is not new. The window ends when the run
starts; `last_sent_at` moves to that moment only once the mail is sent, so a
mail that fails is tried again, with the same items, by the next run.
"""

import logging

from django.core.mail import get_connection
from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation

from sscportal.configuration.site import absolute_url
from sscportal.text.languages import shown
from sscportal.visibility import Status

from . import mail
from .models import Subscription
from .targets import InvalidTarget, followed_by

logger = logging.getLogger(__name__)

# A mail, not a list page: past this many new items under one heading the
# digest links to the followed page for the rest.
ITEMS_PER_SECTION = 20


def first_published(model):
    """When each item was first saved as published, from its history (an annotation)."""
    history = model.history.model.objects.filter(id=OuterRef("pk"), status=Status.PUBLISHED)
    return Subquery(history.order_by("history_date").values("history_date")[:1])


def new_items(source, since, until):
    """[(title, language, url)] of the source's items first published in (since, until]."""
    model = source.items.model
    items = (
        source.items.annotate(first_published_at=first_published(model))
        .filter(first_published_at__gt=since, first_published_at__lte=until)
        .order_by("-first_published_at", "pk")[: ITEMS_PER_SECTION + 1]
    )
    listed = []
    for item in items:
        title = shown(item, "title")
        listed.append((title.text, title.lang, absolute_url(item.get_absolute_url())))
    return listed


def sections_for(subscription, until):
    """(Followed, [section]) of what is new for `subscription`; sections empty if nothing."""
    followed = followed_by(subscription)
    since = subscription.new_since()
    sections = []
    with translation.override(subscription.language):
        for source in followed.sources():
            items = new_items(source, since, until)
            if items:
                sections.append(
                    {
                        "label": str(source.label),
                        "items": items[:ITEMS_PER_SECTION],
                        "more": len(items) > ITEMS_PER_SECTION,
                    }
                )
    return followed, sections


def send_digests(frequency, now=None):
    """Send each active subscription of `frequency` its digest; return (sent, failed)."""
    until = now or timezone.now()
    sent = failed = 0
    connection = get_connection()
    subscriptions = Subscription.objects.active().filter(frequency=frequency).order_by("pk")
    with connection:
        for subscription in subscriptions.iterator(chunk_size=500):
            try:
                followed, sections = sections_for(subscription, until)
            except InvalidTarget:
                # What it follows is gone (an organization unpublished, say): nothing to send.
                continue
            if not sections:
                continue
            message = mail.digest(subscription, followed, sections)
            message.connection = connection
            try:
                message.send()
            except OSError:
                # smtplib's errors are OSErrors; this subscriber is tried again next run.
                logger.exception("The digest of subscription %s could not be sent", subscription.pk)
                failed += 1
                continue
            subscription.last_sent_at = until
            subscription.save(update_fields=["last_sent_at"])
            sent += 1
    return sent, failed
