import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from exchange.document import ImportFailed
from exchange.importer import import_content
from sscportal.caching import versions

# How long the import waits, at the end, for a shared cache that did not
# answer: its version bump must land, or pages cached before the import could
# be served again once the cache is back. This process cannot retry after it exits.
CACHE_SETTLE_SECONDS = 10


class Command(BaseCommand):
    help = (
        "Import content from a JSON file in the sscportal exchange format (FILE '-' reads stdin)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the JSON file, or - for standard input")

    def handle(self, *args, file, **options):
        try:
            if file == "-":
                text = sys.stdin.buffer.read().decode("utf-8")
            else:
                with open(file, encoding="utf-8") as handle:
                    text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {file}: {error}") from None
        try:
            report = import_content(text)
        except ImportFailed as failure:
            for line in failure.report.errors:
                self.stderr.write(line)
            raise CommandError(
                f"{len(failure.report.errors)} error(s); nothing was imported."
            ) from None
        for line in report.warnings:
            self.stderr.write(f"warning: {line}")
        summary = ", ".join(f"{count} {name}" for name, count in report.counts.items())
        self.stdout.write(f"Imported {summary}.")
        if not versions.settle(CACHE_SETTLE_SECONDS):
            self.stderr.write(
                "warning: the shared cache did not answer; the import is saved. Site workers "
                "that saw the cache fail refresh it when it returns; otherwise pages cached "
                f"before the import may be shown for up to {settings.PAGE_CACHE_SECONDS} s."
            )
