from django.core.management.base import BaseCommand

from exchange.document import dumps
from exchange.exporter import export_content


class Command(BaseCommand):
    help = "Export all content as JSON in the sscportal exchange format."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="write to this file instead of standard output")

    def handle(self, *args, output=None, **options):
        text = dumps(export_content())
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
