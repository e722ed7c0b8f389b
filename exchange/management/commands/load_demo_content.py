from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from pages.legal import LEGAL_SLUGS
from pages.models import Page
from sscportal import content_types

DEMO_FILE = Path(settings.BASE_DIR) / "demo" / "content.json"


class Command(BaseCommand):
    help = "Import the demo content, unless the database already holds content (see --force)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="import even if content exists (upsert by slug)"
        )

    def handle(self, *args, force=False, **options):
        # An existing database may hold an editor's changes to demo items; an
        # upsert would overwrite them, so only a fresh database gets the demo.
        if _holds_content() and not force:
            self.stdout.write("Content already present; demo content not imported.")
            return
        call_command("import_content", str(DEMO_FILE), stdout=self.stdout, stderr=self.stderr)


def _holds_content():
    """Whether the database holds content, not counting the legal pages
    load_reference_data creates in every database (pages/legal.py)."""
    for ct in content_types.registered():
        if ct.reference:
            continue
        items = ct.model.objects.all()
        if ct.model is Page:
            items = items.exclude(slug__in=LEGAL_SLUGS)
        if items.exists():
            return True
    return False
