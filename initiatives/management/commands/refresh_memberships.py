"""Rewrite every initiative's membership rows (initiatives/membership.py).

Saves keep them right; run this after writes that send no signals (bulk
inserts, SQL by hand, a restore) or to put right rows that drifted.
"""

import sys

from django.core.management.base import BaseCommand
from django.db import transaction

from initiatives.membership import refresh_all
from sscportal.operations.bulk_work import lift_statement_timeout


class Command(BaseCommand):
    help = "Rewrite what each initiative belongs to (the list's filters and counts)."

    def handle(self, *args, **options):
        def progress(done, total):
            if sys.stderr.isatty():
                self.stderr.write(f"\r{done}/{total} initiatives", ending="")

        with transaction.atomic():
            lift_statement_timeout()
            total = refresh_all(progress)
        self.stdout.write(f"Memberships of {total} initiatives rewritten.")
