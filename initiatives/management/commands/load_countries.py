from django.core.management.base import BaseCommand

from initiatives.reference_data import FIXTURE_PATH, load_countries


class Command(BaseCommand):
    help = "Load (or refresh) countries and M49 regions from the committed fixture."

    def handle(self, *args, **options):
        count = load_countries()
        self.stdout.write(f"{count} countries loaded from {FIXTURE_PATH.name}")
