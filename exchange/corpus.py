"""A realistic bilingual corpus at any size, for benchmarks (never for the live site).

Titles, summaries and bodies are put together from phrase banks in English and
Arabic, so text has the length, vocabulary and morphology (articles, clitics,
plurals) of real content; links between items follow the real shape: each
initiative has 2-4 countries and 1-2 partners, events belong to one of 20
observances, about half the statements to an event. Some initiatives also name
a region or a country group, most have a sector or two (from their topic),
some have an IATI identifier of their own or planned dates beside the actual
ones, a few no dates at all.
"""

import datetime
import random
import time
from decimal import Decimal

from django.db import connection, transaction

from events.models import Event, Observance
from initiatives.membership import refresh_all as refresh_memberships
from initiatives.models import (
    Country,
    CountryGroup,
    Initiative,
    InitiativeCountry,
    InitiativeGroup,
    InitiativePartner,
    InitiativeRegion,
    InitiativeSector,
    Organization,
    Region,
    Sector,
)
from sscportal import content_types
from sscportal.operations.bulk_work import lift_statement_timeout
from sscportal.search.links import refresh_linked_names
from statements.models import Statement

TOPICS = [
    ("solar energy", "الطاقة الشمسية"),
    ("drip irrigation", "الري بالتنقيط"),
    ("maternal health", "صحة الأمهات"),
    ("fish farming", "الاستزراع السمكي"),
    ("mobile banking", "الخدمات المصرفية عبر الهاتف"),
    ("rice seeds", "بذور الأرز"),
    ("water desalination", "تحلية المياه"),
    ("teacher training", "تدريب المعلمين"),
    ("vaccine supply", "إمدادات اللقاحات"),
    ("locust control", "مكافحة الجراد"),
    ("women entrepreneurs", "رائدات الأعمال"),
    ("road safety", "السلامة على الطرق"),
    ("population statistics", "الإحصاءات السكانية"),
    ("coral reefs", "الشعاب المرجانية"),
    ("youth employment", "تشغيل الشباب"),
    ("flood warning", "الإنذار بالفيضانات"),
    ("cotton trade", "تجارة القطن"),
    ("digital libraries", "المكتبات الرقمية"),
    ("malaria prevention", "الوقاية من الملاريا"),
    ("climate adaptation", "التكيف مع تغير المناخ"),
    ("public transport", "النقل العام"),
    ("digital trade", "التجارة الرقمية"),
    ("food security", "الأمن الغذائي"),
    ("urban housing", "الإسكان الحضري"),
]
ACTIONS = [
    ("Strengthening", "تعزيز"),
    ("Scaling up", "توسيع نطاق"),
    ("Sharing knowledge on", "تبادل المعارف بشأن"),
    ("Piloting", "تجريب"),
    ("Financing", "تمويل"),
    ("Building capacity in", "بناء القدرات في مجال"),
]
SENTENCES = [
    (
        "Partners from {a} and {b} exchange experience on {topic} with local institutions.",
        "يتبادل شركاء من {a} و{b} الخبرات في مجال {topic} مع المؤسسات المحلية.",
    ),
    (
        "The programme trains national experts and shares tools that proved useful elsewhere in the South.",
        "يدرّب البرنامج خبراء وطنيين ويتقاسم أدوات أثبتت جدواها في بلدان أخرى من الجنوب.",
    ),
    (
        "Results are measured every year and reported to the ministries concerned.",
        "تُقاس النتائج كل عام وتُرفع إلى الوزارات المعنية.",
    ),
    (
        "Communities take part in planning, so that the work answers their own priorities.",
        "تشارك المجتمعات المحلية في التخطيط حتى يستجيب العمل لأولوياتها.",
    ),
    (
        "The initiative contributes to the 2030 Agenda and to regional cooperation frameworks.",
        "تسهم المبادرة في خطة عام 2030 وفي أطر التعاون الإقليمي.",
    ),
    (
        "South-South and triangular cooperation lets countries learn from peers facing similar challenges.",
        "يتيح التعاون فيما بين بلدان الجنوب والتعاون الثلاثي للبلدان التعلم من نظراء يواجهون تحديات مماثلة.",
    ),
]
# The OECD DAC sector category (initiatives/fixtures/sectors.json) of each topic.
SECTORS = {
    "solar energy": "232",
    "drip irrigation": "311",
    "maternal health": "130",
    "fish farming": "313",
    "mobile banking": "240",
    "rice seeds": "311",
    "water desalination": "140",
    "teacher training": "111",
    "vaccine supply": "122",
    "locust control": "311",
    "women entrepreneurs": "250",
    "road safety": "210",
    "population statistics": "160",
    "coral reefs": "410",
    "youth employment": "160",
    "flood warning": "740",
    "cotton trade": "331",
    "digital libraries": "220",
    "malaria prevention": "122",
    "climate adaptation": "410",
    "public transport": "210",
    "digital trade": "331",
    "food security": "520",
    "urban housing": "160",
}
# A second sector beside the topic's: governance, multisector, or capacity
# building that the topic's sector does not say.
SECOND_SECTORS = ["151", "430", "998"]
# Shares of two sectors when the source gives them (they add up to 100).
SHARES = [(50, 50), (60, 40), (70, 30), (80, 20)]
# The groups initiatives name, most often the OIC and the least developed countries.
GROUPS = ["oic", "oic", "ldc", "ldc", "g77", "au", "sids", "lldc", "las", "asean", "global-south"]
# Registration agencies of the IATI organisation identifiers given to some organizations.
AGENCIES = {"government": "GOV", "un-entity": "DAC", "academia": "EDU", "civil-society": "CRN"}
MODALITIES = ["bilateral", "triangular", "regional"]
STAGES = ["planned", "ongoing", "completed"]
ROLES = ["provider", "recipient", "both"]
CURRENCIES = ["USD", "USD", "USD", "EUR", "CNY", "BRL"]
KINDS = ["message", "speech", "remarks", "statement", "press-release"]


def _paragraphs(rng, count, a, b, topic_en, topic_ar):
    english, arabic = [], []
    for _ in range(count):
        picks = rng.sample(SENTENCES, 4)
        english.append(
            "<p>"
            + " ".join(s[0].format(a=a.name_en, b=b.name_en, topic=topic_en) for s in picks)
            + "</p>"
        )
        arabic.append(
            "<p>"
            + " ".join(s[1].format(a=a.name_ar, b=b.name_ar, topic=topic_ar) for s in picks)
            + "</p>"
        )
    return "".join(english), "".join(arabic)


def _budget(extra):
    """A budget for about a third of the initiatives, in one of a few currencies."""
    if extra.random() >= 0.3:
        return {}
    amount = Decimal(extra.randrange(10_000, 50_000_000)) * 100
    return {"budget_amount": amount, "budget_currency": extra.choice(CURRENCIES)}


def _dates(iati, start_date, end_date, stage):
    """Actual and planned dates: most initiatives have actual ones; about a third
    also say what was planned (a few months earlier); a planned initiative often
    has only its plan, and one in twenty-five has no date at all."""
    actual = {"start_date": start_date, "end_date": end_date}
    roll = iati.random()
    if roll < 0.04:
        return {"start_date": None, "end_date": None}
    if roll >= 0.4:
        return actual
    planned_start = start_date - datetime.timedelta(days=30 * iati.randrange(0, 7))
    planned = {
        "planned_start_date": planned_start,
        "planned_end_date": planned_start + (end_date - start_date),
    }
    if stage == "planned" and iati.random() < 0.5:
        return planned
    return {**actual, **planned}


def _identifier(iati, n):
    """One initiative in ten is published to IATI by a partner too: its identifier there."""
    if iati.random() >= 0.1:
        return {}
    return {"identifier": f"XM-DAC-{iati.choice(['41114', '41119', '41122'])}-GEN-{n}"}


def _sectors(iati, initiative, topic, sectors):
    """Four initiatives in five have the topic's sector; one in four of those a
    second one too, with both shares given half the time."""
    if iati.random() >= 0.8:
        return []
    codes = [SECTORS[topic]]
    if iati.random() < 0.25:
        codes.append(iati.choice([code for code in SECOND_SECTORS if code != codes[0]]))
    shares = iati.choice(SHARES) if len(codes) == 2 and iati.random() < 0.5 else (None, None)
    return [
        InitiativeSector(initiative=initiative, sector=sectors[code], percentage=share)
        for code, share in zip(codes, shares, strict=False)
    ]


def observance_date(year):
    # 19 December from 2004 (resolution 58/220), 12 September from 2012 (66/550).
    return datetime.date(year, 12, 19) if year < 2012 else datetime.date(year, 9, 12)


@transaction.atomic
def generate(
    initiatives,
    events,
    statements,
    organizations=500,
    seed=1,
    batch=2000,
    log=print,
    linked_names=True,
):
    """Fill the database. `linked_names=False` leaves the search columns' linked
    names empty (for tests that do not search: filling them is half the time)."""
    started = time.monotonic()
    # Tests call this outside manage.py, where the site's limit would apply.
    lift_statement_timeout()

    def progress(message):
        log(f"{message} ({time.monotonic() - started:.0f} s)")

    rng = random.Random(seed)
    # Regions and budgets draw from their own generator, and groups, sectors,
    # identifiers and planned dates from a third, so that the rest of the
    # corpus is the same as before they existed.
    extra = random.Random(seed + 1)
    iati = random.Random(seed + 2)
    countries = list(Country.objects.exclude(region=None).order_by("iso2"))
    regions = list(Region.objects.order_by("m49"))
    groups = {group.code: group for group in CountryGroup.objects.all()}
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    orgs = Organization.objects.bulk_create(
        Organization(
            key=f"gen-org-{n}",
            name_en=f"{rng.choice(TOPICS)[0].title()} Agency {n}",
            name_ar=f"وكالة {rng.choice(TOPICS)[1]} {n}",
            kind=rng.choice(["government", "un-entity", "academia", "civil-society"]),
            country=rng.choice(countries),
        )
        for n in range(organizations)
    )
    for organization in orgs:
        # Nine in ten are public (a draft partner is named nowhere); one in
        # three of those has an IATI organisation identifier.
        if iati.random() < 0.9:
            organization.status = "published"
            if iati.random() < 0.33:
                agency = AGENCIES[organization.kind]
                organization.identifier = f"{organization.country.iso2}-{agency}-{organization.key}"
    Organization.objects.bulk_update(orgs, ["status", "identifier"], batch_size=batch)
    progress(f"{len(orgs)} organizations")

    for start in range(0, initiatives, batch):
        rows, links, topics = [], [], []
        for n in range(start, min(start + batch, initiatives)):
            topic_en, topic_ar = rng.choice(TOPICS)
            action_en, action_ar = rng.choice(ACTIONS)
            a, b = rng.sample(countries, 2)
            description_en, description_ar = _paragraphs(rng, 2, a, b, topic_en, topic_ar)
            begin = datetime.date(2000 + rng.randrange(26), rng.randrange(1, 13), 1)
            # Drawn in the order they always were, so the corpus stays the same.
            modality, stage = rng.choice(MODALITIES), rng.choice(STAGES)
            end = begin + datetime.timedelta(days=365 * rng.randrange(1, 6))
            rows.append(
                Initiative(
                    slug=f"gen-initiative-{n}",
                    status="published" if rng.random() < 0.95 else "draft",
                    title_en=f"{action_en} {topic_en} between {a.name_en} and {b.name_en}",
                    title_ar=f"{action_ar} {topic_ar} بين {a.name_ar} و{b.name_ar}",
                    summary_en=f"{action_en} {topic_en}: a cooperation between {a.name_en} and {b.name_en}.",
                    summary_ar=f"{action_ar} {topic_ar}: تعاون بين {a.name_ar} و{b.name_ar}.",
                    description_en=description_en,
                    description_ar=description_ar,
                    modality=modality,
                    stage=stage,
                    **_budget(extra),
                    **_dates(iati, begin, end, stage),
                    **_identifier(iati, n),
                )
            )
            links.append([a, b] + rng.sample(countries, rng.randrange(0, 3)))
            topics.append(topic_en)
        created = Initiative.objects.bulk_create(rows)
        roles, partners, goals, named, whole_groups, shares = [], [], [], [], [], []
        Goals = Initiative.sdgs.through
        for initiative, chosen, topic in zip(created, links, topics, strict=True):
            # One in twelve speaks of a whole group ("across the OIC").
            if iati.random() < 1 / 12:
                whole_groups.append(
                    InitiativeGroup(
                        initiative=initiative,
                        group=groups[iati.choice(GROUPS)],
                        role=iati.choice(["recipient", "recipient", "both"]),
                    )
                )
            shares += _sectors(iati, initiative, topic, sectors)
            # One in ten also names a whole region ("... in Africa").
            if extra.random() < 0.1:
                named.append(
                    InitiativeRegion(
                        initiative=initiative,
                        region=extra.choice(regions),
                        role=extra.choice(ROLES),
                    )
                )
            for country in {c.pk: c for c in chosen}.values():
                roles.append(
                    InitiativeCountry(
                        initiative=initiative, country=country, role=rng.choice(ROLES)
                    )
                )
            for organization in rng.sample(orgs, rng.randrange(1, 3)):
                partners.append(
                    InitiativePartner(
                        initiative=initiative,
                        organization=organization,
                        role=rng.choice(["funder", "implementer", "facilitator"]),
                    )
                )
            for number in rng.sample(range(1, 18), rng.randrange(1, 4)):
                goals.append(Goals(initiative=initiative, sustainabledevelopmentgoal_id=number))
        InitiativeCountry.objects.bulk_create(roles)
        InitiativeRegion.objects.bulk_create(named)
        InitiativePartner.objects.bulk_create(partners)
        Goals.objects.bulk_create(goals)
        InitiativeGroup.objects.bulk_create(whole_groups)
        InitiativeSector.objects.bulk_create(shares)
        progress(f"{start + len(created)} initiatives")

    years = range(2006, 2026)
    observances = {
        year: Observance.objects.update_or_create(
            year=year,
            defaults={
                "date": observance_date(year),
                "theme_en": f"South-South cooperation in {year}",
                "theme_ar": f"التعاون فيما بين بلدان الجنوب في عام {year}",
            },
        )[0]
        for year in years
    }
    event_rows = []
    for n in range(events):
        year = rng.choice(years)
        topic_en, topic_ar = rng.choice(TOPICS)
        a, b = rng.sample(countries, 2)
        description_en, description_ar = _paragraphs(rng, 1, a, b, topic_en, topic_ar)
        day = observance_date(year)
        start = datetime.datetime(
            day.year, day.month, day.day, 9 + rng.randrange(8), tzinfo=datetime.UTC
        )
        event_rows.append(
            Event(
                slug=f"gen-event-{n}",
                status="published",
                observance=observances[year],
                title_en=f"Panel on {topic_en} ({year})",
                title_ar=f"حلقة نقاش حول {topic_ar} ({year})",
                description_en=description_en,
                description_ar=description_ar,
                venue_en=f"Conference centre, {a.name_en}",
                venue_ar=f"مركز المؤتمرات، {a.name_ar}",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=2),
                timezone="UTC",
                online=rng.random() < 0.3,
                country=a,
            )
        )
    created_events = Event.objects.bulk_create(event_rows, batch_size=batch)
    Organizers = Event.organizers.through
    Organizers.objects.bulk_create(
        Organizers(event=event, organization=organization)
        for event in created_events
        for organization in rng.sample(orgs, 2)
    )
    progress(f"{len(created_events)} events")

    for start in range(0, statements, batch):
        rows = []
        for n in range(start, min(start + batch, statements)):
            topic_en, topic_ar = rng.choice(TOPICS)
            a, b = rng.sample(countries, 2)
            # Six to ten paragraphs: the length of a real speech or message.
            body_en, body_ar = _paragraphs(rng, rng.randrange(6, 11), a, b, topic_en, topic_ar)
            event = rng.choice(created_events) if rng.random() < 0.5 else None
            delivered_on = datetime.date(2005 + rng.randrange(21), rng.randrange(1, 13), 12)
            if event is not None:
                # Made at the event: the exchange format refuses a statement of
                # a Day's event dated more than 31 days from the Day. (The date
                # above is drawn anyway, so the rest of the corpus stays as it was.)
                delivered_on = event.starts_at.date()
            rows.append(
                Statement(
                    slug=f"gen-statement-{n}",
                    status="published",
                    title_en=f"Statement on {topic_en} by {a.name_en}",
                    title_ar=f"بيان {a.name_ar} بشأن {topic_ar}",
                    body_en=body_en,
                    body_ar=body_ar,
                    speaker_en=f"Minister of {topic_en.title()}",
                    speaker_ar=f"وزير {topic_ar}",
                    organization=rng.choice(orgs),
                    kind=rng.choice(KINDS),
                    delivered_on=delivered_on,
                    event=event,
                    original_language=rng.choice(["en", "ar", "fr", "es"]),
                )
            )
        Statement.objects.bulk_create(rows)
        progress(f"{start + len(rows)} statements")
    # bulk_create sends no signals: what each initiative belongs to (the list's
    # filters and counts) is written at once for all of them.
    refresh_memberships(lambda done, total: progress(f"memberships: {done} initiatives"))
    # Statistics: the tables filled in this transaction have none, and
    # PostgreSQL plans what reads them next (the linked names below, an
    # export in the same test) as if they were empty. Without them it read a
    # whole index for each row's names (20,000 statements: over 20 minutes)
    # and the IATI export's partners for a minute per 500 initiatives.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    progress("statistics")
    if linked_names:
        _fill_linked_names(batch, progress)


def _fill_linked_names(batch, progress):
    """bulk_create sends no signals: the linked names (countries, partners, the
    Day...) are filled at the end, so the search columns have their real size."""
    for content_type in content_types.searchable().values():
        links = content_type.search.links
        if not links:
            continue
        model = content_type.model
        pks = list(model._base_manager.order_by("pk").values_list("pk", flat=True))
        # A batch at a time, to say how far it is: each row's search document
        # is computed again (most of the time this takes).
        for start in range(0, len(pks), batch):
            chunk = pks[start : start + batch]
            refresh_linked_names(model, links, chunk)
            progress(f"linked names: {start + len(chunk)} {model._meta.verbose_name_plural}")
