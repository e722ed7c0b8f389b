"""The reviewed corrections to the upstream country names
(fixtures/country_name_overrides.json), applied when the fixture is built.

The upstream taxonomy has names that are wrong in Arabic (a doubled word,
words out of order, an underscore, no Arabic at all) or not the UN's in
English ("Naoero"). Each correction is committed with its reason, so the next
rebuild keeps it and a reviewer sees why it is there.
"""

import json
from pathlib import Path

OVERRIDES_PATH = Path(__file__).parent / "fixtures" / "country_name_overrides.json"


def name_overrides(path=OVERRIDES_PATH):
    """[{iso2, field ("en" or "ar"), value, reason}] from the committed file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))["overrides"]


def apply_name_overrides(countries, overrides):
    """Set each override's name on its country (a fixture "countries" item), in place.

    An override naming a country the list lacks is an error, not skipped: it
    would mean the upstream codes changed and the correction no longer applies.
    """
    by_code = {country["iso2"]: country for country in countries}
    for override in overrides:
        country = by_code.get(override["iso2"])
        if country is None:
            raise ValueError(f"Name override for unknown country {override['iso2']}")
        if override["field"] not in ("en", "ar"):
            raise ValueError(f"Name override field must be en or ar: {override}")
        country["name"][override["field"]] = override["value"]
    return countries
