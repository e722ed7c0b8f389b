from django.core.management import call_command
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
        "glossary's missing entries, and the legal pages that do not exist yet "
        "(setup_site_pages). Safe to run any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-site-pages",
            action="store_true",
            help="Leave out the legal pages (the tests' database, where each test makes its own).",
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
        if not options["without_site_pages"]:
            # By name: the pages app sits beside this one, not below it.
            call_command("setup_site_pages", stdout=self.stdout)
