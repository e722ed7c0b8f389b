import sys

from django.core.management.base import BaseCommand, CommandError

from exchange.document import ImportFailed
from exchange.importer import import_content


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
