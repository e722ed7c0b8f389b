"""Reference data: M49 countries and regions, country groups with their members'
dates, OECD DAC sector categories (committed fixtures) and the 17 SDGs.

Loaded by `manage.py load_reference_data`, which `make run`, deployments and
the tests run; every load is an idempotent upsert.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction

from .models import (
    Country,
    CountryGroup,
    CountryGroupMembership,
    Region,
    Sector,
    SustainableDevelopmentGoal,
)

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PATH = FIXTURES / "m49_countries.json"
GROUPS_PATH = FIXTURES / "country_groups.json"
SECTORS_PATH = FIXTURES / "sectors.json"

# The official short names of the goals of the 2030 Agenda.
SDG_NAMES = [
    (1, "No Poverty", "القضاء على الفقر"),
    (2, "Zero Hunger", "القضاء التام على الجوع"),
    (3, "Good Health and Well-being", "الصحة الجيدة والرفاه"),
    (4, "Quality Education", "التعليم الجيد"),
    (5, "Gender Equality", "المساواة بين الجنسين"),
    (6, "Clean Water and Sanitation", "المياه النظيفة والنظافة الصحية"),
    (7, "Affordable and Clean Energy", "طاقة نظيفة وبأسعار معقولة"),
    (8, "Decent Work and Economic Growth", "العمل اللائق ونمو الاقتصاد"),
    (9, "Industry, Innovation and Infrastructure", "الصناعة والابتكار والهياكل الأساسية"),
    (10, "Reduced Inequalities", "الحد من أوجه عدم المساواة"),
    (11, "Sustainable Cities and Communities", "مدن ومجتمعات محلية مستدامة"),
    (12, "Responsible Consumption and Production", "الاستهلاك والإنتاج المسؤولان"),
    (13, "Climate Action", "العمل المناخي"),
    (14, "Life Below Water", "الحياة تحت الماء"),
    (15, "Life on Land", "الحياة في البر"),
    (16, "Peace, Justice and Strong Institutions", "السلام والعدل والمؤسسات القوية"),
    (17, "Partnerships for the Goals", "عقد الشراكات لتحقيق الأهداف"),
]


# Names readers use besides the UN's: former names, common short forms, other
# spellings and the Arabic names in common use. Searched with the country
# (Country.other_names), never shown as its name.
OTHER_NAMES = {
    "BN": ["Brunei", "بروناي"],
    "BO": ["Bolivia", "بوليفيا"],
    "BS": ["Bahamas"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire", "الكونغو الديمقراطية"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "الكونغو برازافيل"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "ساحل العاج"],
    "CN": ["People's Republic of China", "PRC", "جمهورية الصين الشعبية"],
    "CV": ["Cape Verde", "الرأس الأخضر"],
    "CZ": ["Czech Republic", "التشيك", "الجمهورية التشيكية"],
    "FM": ["Micronesia", "ميكرونيزيا"],
    "GB": ["United Kingdom", "UK", "Great Britain", "Britain", "المملكة المتحدة", "بريطانيا"],
    "GM": ["Gambia", "غامبيا"],
    "IR": ["Iran", "إيران"],
    "KP": ["North Korea", "DPRK", "كوريا الشمالية"],
    "KR": ["South Korea", "Korea", "كوريا الجنوبية"],
    "LA": ["Laos", "Lao PDR", "لاوس"],
    "MD": ["Moldova", "مولدوفا"],
    "MK": ["Macedonia", "مقدونيا"],
    "MM": ["Burma", "بورما"],
    "NL": ["Netherlands", "Holland", "هولندا"],
    "PS": ["Palestine", "فلسطين"],
    "RU": ["Russia", "روسيا"],
    "SY": ["Syria", "سوريا", "سورية"],
    "SZ": ["Swaziland", "سوازيلاند"],
    "TL": ["East Timor", "تيمور الشرقية"],
    "TR": ["Turkey", "Turkiye", "تركيا"],
    "TZ": ["Tanzania", "تنزانيا"],
    "US": ["United States", "USA", "America", "الولايات المتحدة", "أمريكا"],
    "VA": ["Vatican", "Vatican City", "الفاتيكان"],
    "VE": ["Venezuela", "فنزويلا"],
    "VN": ["Vietnam", "فيتنام"],
    "AE": ["UAE", "Emirates", "الإمارات"],
    "SA": ["KSA", "السعودية"],
    "LY": ["Libyan Arab Jamahiriya", "ليبيا"],
    "EG": ["Arab Republic of Egypt", "جمهورية مصر العربية"],
}


@transaction.atomic
def load_goals():
    for number, name_en, name_ar in SDG_NAMES:
        SustainableDevelopmentGoal.objects.update_or_create(
            number=number, defaults={"name_en": name_en, "name_ar": name_ar}
        )
    return len(SDG_NAMES)


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
        country, _created = Country.objects.update_or_create(
            iso2=item["iso2"],
            defaults={
                "iso3": item["iso3"],
                "m49": item["m49"],
                "name_en": item["name"]["en"],
                "name_ar": item["name"]["ar"],
                "region": regions.get(item["region"]),
                "subregion": regions.get(item["subregion"]),
                "income_group": item["income_group"],
                "other_names": "\n".join(OTHER_NAMES.get(item["iso2"], [])),
            },
        )
    # The fixture's own "groups" (the 2021 lists, undated) are left aside:
    # country_groups.json is the one source of the groups (load_country_groups).
    return len(document["countries"])


def _day(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_country_groups(path=GROUPS_PATH):
    """Upsert every group of the file and make its members exactly those listed, with
    their dates. A group may take the members of another (`members_of`: the Global
    South is the Group of 77's members, and China, listed in its own `members`)."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    countries = dict(Country.objects.values_list("iso2", "pk"))
    listed = {item["code"]: item for item in document["groups"]}
    for item in document["groups"]:
        group, _created = CountryGroup.objects.update_or_create(
            code=item["code"],
            defaults={
                "acronym": item["acronym"],
                "name_en": item["name"]["en"],
                "name_ar": item["name"]["ar"],
                "definition_en": item["definition"]["en"],
                "definition_ar": item["definition"]["ar"],
                "source": item["source"],
                "source_url": item["source_url"],
            },
        )
        members = list(item["members"])
        if item.get("members_of"):
            members = listed[item["members_of"]]["members"] + members
        rows = [
            CountryGroupMembership(
                group=group,
                country_id=countries[member["country"]],
                joined=_day(member["joined"]),
                left=_day(member["left"]),
            )
            for member in members
        ]
        group.memberships.exclude(country__in=[row.country_id for row in rows]).delete()
        CountryGroupMembership.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["group", "country"],
            update_fields=["joined", "left"],
        )
    return len(document["groups"])


@transaction.atomic
def load_sectors(path=SECTORS_PATH):
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    for item in document["sectors"]:
        Sector.objects.update_or_create(
            code=item["code"],
            defaults={"name_en": item["name"]["en"], "name_ar": item["name"]["ar"]},
        )
    return len(document["sectors"])
