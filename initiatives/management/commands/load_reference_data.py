from django.core.management.base import BaseCommand

from initiatives.reference_data import (
    FIXTURE_PATH,
    load_countries,
    load_country_groups,
    load_goals,
    load_sectors,
)
from sscportal.search.glossary import load_glossary


class Command(BaseCommand):
    help = (
        "Load (or refresh) countries, M49 regions, country groups, sectors and the 17 SDGs, "
        "and add the search "
        "glossary's missing entries. Safe to run any time."
    )

    def handle(self, *args, **options):
        countries = load_countries()
        groups = load_country_groups()
        sectors = load_sectors()
        goals = load_goals()
        glossary = load_glossary()
        self.stdout.write(
            f"{countries} countries from {FIXTURE_PATH.name}, {groups} country groups, "
            f"{sectors} sectors, {goals} SDGs, "
            f"{glossary} new glossary entries"
        )
