"""Loading the committed country and region fixture into the database."""

import json
from pathlib import Path

from django.db import transaction

from .models import Country, Region

FIXTURE_PATH = Path(__file__).parent / "fixtures" / "m49_countries.json"


@transaction.atomic
def load_countries(path=FIXTURE_PATH):
    """Upsert every region and country of the fixture; safe to run any number of times."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    regions = {}
    # Regions before sub-regions, so each parent exists when its child is saved.
    for item in sorted(document["regions"], key=lambda item: item["parent"] is not None):
        regions[item["m49"]], _created = Region.objects.update_or_create(
            m49=item["m49"],
            defaults={
                "name_en": item["name"]["en"],
                "name_ar": item["name"]["ar"],
                "parent": regions.get(item["parent"]),
            },
        )
    for item in document["countries"]:
        Country.objects.update_or_create(
            iso2=item["iso2"],
            defaults={
                "iso3": item["iso3"],
                "m49": item["m49"],
                "name_en": item["name"]["en"],
                "name_ar": item["name"]["ar"],
                "region": regions.get(item["region"]),
                "subregion": regions.get(item["subregion"]),
                "income_group": item["income_group"],
            },
        )
    return len(document["countries"])
