from django.core.management.base import BaseCommand

from initiatives.reference_data import FIXTURE_PATH, load_countries, load_goals


class Command(BaseCommand):
    help = "Load (or refresh) countries, M49 regions and the 17 SDGs. Safe to run any time."

    def handle(self, *args, **options):
        countries = load_countries()
        goals = load_goals()
        self.stdout.write(f"{countries} countries from {FIXTURE_PATH.name}, {goals} SDGs")
