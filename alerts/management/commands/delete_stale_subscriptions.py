"""Delete alert subscriptions never confirmed or unsubscribed: run by
deploy/systemd/sscportal-cleanup.service with the site's other cleanups."""

from django.core.management.base import BaseCommand

from alerts.models import Subscription


class Command(BaseCommand):
    help = (
        "Delete e-mail alert subscriptions unconfirmed for ALERTS_UNCONFIRMED_DAYS "
        "or unsubscribed for ALERTS_UNSUBSCRIBED_DAYS."
    )

    def handle(self, *args, **options):
        deleted, _by_model = Subscription.objects.stale().delete()
        self.stdout.write(f"{deleted} stale alert subscription(s) deleted")
