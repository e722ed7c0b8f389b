from django.core.management.base import BaseCommand

from exchange.document import write_document
from exchange.exporter import export_sections
from sscportal import content_types

# How many items pass between two redraws of the progress line.
PROGRESS_EVERY = 200


class Command(BaseCommand):
    help = "Export all content as JSON in the sscportal exchange format."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="write to this file instead of standard output")

    def handle(self, *args, output=None, **options):
        sections = export_sections()
        # A progress line only for a person watching: logs and pipes get none.
        if self.stderr.isatty():
            sections = self.with_progress(sections)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                write_document(handle.write, sections)
        else:
            write_document(lambda text: self.stdout.write(text, ending=""), sections)

    def with_progress(self, sections):
        totals = {s.name: s.model.objects.count() for s in content_types.sections()}
        for name, items in sections:
            yield name, self.counted(name, items, totals[name])
            self.stderr.write("")  # leave the finished section's line on screen

    def counted(self, name, items, total):
        done = 0
        for done, item in enumerate(items, start=1):
            if done % PROGRESS_EVERY == 1:
                self.stderr.write(f"\r{name}: {done}/{total}", ending="")
            yield item
        self.stderr.write(f"\r{name}: {done}/{total}", ending="")
