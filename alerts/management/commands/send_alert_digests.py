"""Send the daily or weekly digests: deploy/systemd/sscportal-alerts-{daily,weekly}.timer."""

from django.core.management.base import BaseCommand, CommandError

from alerts.digests import send_digests
from alerts.models import Frequency


class Command(BaseCommand):
    help = (
        "Mail each confirmed subscriber of a frequency what was published since their last digest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=Frequency.values)

    def handle(self, *args, frequency, **options):
        sent, failed = send_digests(frequency)
        self.stdout.write(f"{frequency} digests: {sent} sent, {failed} failed")
        if failed:
            # The timer's unit then shows as failed; those subscribers get it next run.
            raise CommandError(f"{failed} digest(s) could not be sent (see the log)")
