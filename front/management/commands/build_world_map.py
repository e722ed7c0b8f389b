"""Regenerate front/countries/maps/world.json from the vendored Natural Earth outlines.

Run after updating front/countries/maps/countries-110m.json (npm pack world-atlas) or
the country fixture (positions of the small countries drawn as dots).
"""

import json

from django.core.management.base import BaseCommand

from front.countries import world_map
from initiatives.reference_data import FIXTURE_PATH


class Command(BaseCommand):
    help = (
        "Draw the countries index's world map (front/countries/maps/world.json) from Natural Earth."
    )

    def handle(self, *args, **options):
        topology = json.loads(world_map.SOURCE.read_text(encoding="utf-8"))
        fixture = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
        positions = {country["m49"]: country.get("position") for country in fixture["countries"]}
        drawn = world_map.build(topology, positions)
        world_map.WORLD.write_text(json.dumps(drawn, separators=(",", ":")) + "\n")
        self.stdout.write(
            f"Wrote {len(drawn['shapes'])} outlines and {len(drawn['dots'])} dots "
            f"to {world_map.WORLD}"
        )
