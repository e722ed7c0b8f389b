"""Publish the drafts whose time has come, and take down the items whose end has
(sscportal/scheduling.py). Run every minute by deploy/systemd/sscportal-publish.timer."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from sscportal.scheduling import run_due


class Command(BaseCommand):
    help = "Make scheduled publications and withdrawals whose time has come (idempotent)."

    def handle(self, *args, **options):
        changes = run_due()
        for change in changes:
            item = change.item
            self.stdout.write(
                f"{change.action} {item._meta.model_name} {item.pk} “{item}”"
                f" (due {timezone.localtime(change.due).isoformat(timespec='minutes')})"
            )
        if options["verbosity"] > 1 or changes:
            self.stdout.write(f"{len(changes)} scheduled change(s) made.")
