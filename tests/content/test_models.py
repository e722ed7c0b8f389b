"""Every content model, in both languages, with fallback; absolute rules enforced by the database."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Observance
from initiatives.models import (
    Country,
    Initiative,
    InitiativeCountry,
    Region,
    SustainableDevelopmentGoal,
)

from ..factories import (
    EventFactory,
    InitiativeFactory,
    ObservanceFactory,
    OrganizationFactory,
    StatementFactory,
    country,
)

pytestmark = pytest.mark.django_db

# model factory, translated field
TRANSLATED = [
    (OrganizationFactory, "name"),
    (InitiativeFactory, "title"),
    (InitiativeFactory, "summary"),
    (ObservanceFactory, "theme"),
    (EventFactory, "title"),
    (EventFactory, "venue"),
    (StatementFactory, "title"),
    (StatementFactory, "speaker"),
]


@pytest.mark.parametrize(("factory", "field"), TRANSLATED)
def test_each_language_reads_its_own_text(factory, field):
    item = factory(**{f"{field}_en": "In English", f"{field}_ar": "بالعربية"})
    item = type(item).objects.get(pk=item.pk)
    with translation.override("en"):
        assert getattr(item, field) == "In English"
    with translation.override("ar"):
        assert getattr(item, field) == "بالعربية"


@pytest.mark.parametrize(("factory", "field"), TRANSLATED)
def test_arabic_falls_back_to_english(factory, field):
    item = factory(**{f"{field}_en": "Only English", f"{field}_ar": ""})
    with translation.override("ar"):
        assert getattr(type(item).objects.get(pk=item.pk), field) == "Only English"


@pytest.mark.parametrize(("factory", "field"), TRANSLATED)
def test_english_falls_back_to_arabic(factory, field):
    item = factory(**{f"{field}_en": "", f"{field}_ar": "بالعربية فقط"})
    with translation.override("en"):
        assert getattr(type(item).objects.get(pk=item.pk), field) == "بالعربية فقط"


@pytest.mark.parametrize(
    ("model", "field", "lookup"),
    [
        (Country, "name", {"iso2": "CN"}),
        (Region, "name", {"m49": 145}),
        (SustainableDevelopmentGoal, "name", {"number": 13}),
    ],
)
def test_reference_data_is_in_both_languages(model, field, lookup):
    item = model.objects.get(**lookup)
    with translation.override("en"):
        english = getattr(item, field)
    with translation.override("ar"):
        arabic = getattr(item, field)
    assert english and arabic and english != arabic


def test_published_hides_drafts():
    InitiativeFactory(slug="public", status="published")
    InitiativeFactory(slug="secret", status="draft")
    assert list(Initiative.objects.published().values_list("slug", flat=True)) == ["public"]


def test_rich_text_is_sanitized_on_save():
    statement = StatementFactory(
        body_ar='<p dir="rtl" onclick="x()">نص<script>alert(1)</script></p>'
    )
    statement.refresh_from_db()
    assert statement.body_ar == '<p dir="rtl">نص</p>'


def _violates(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_initiative_cannot_end_before_it_starts():
    _violates(
        lambda: InitiativeFactory(
            start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1)
        )
    )


def test_event_cannot_end_before_it_starts():
    start = datetime.datetime(2023, 9, 12, 19, tzinfo=datetime.UTC)
    _violates(lambda: EventFactory(starts_at=start, ends_at=start - datetime.timedelta(hours=1)))


def test_sdg_numbers_are_1_to_17():
    _violates(lambda: SustainableDevelopmentGoal.objects.create(number=18, name_en="Eighteen"))
    _violates(lambda: SustainableDevelopmentGoal.objects.create(number=0, name_en="Zero"))
    assert list(SustainableDevelopmentGoal.objects.values_list("number", flat=True)) == list(
        range(1, 18)
    )


def test_one_observance_per_year():
    ObservanceFactory(year=2023, date=datetime.date(2023, 9, 12))
    _violates(lambda: ObservanceFactory(year=2023, date=datetime.date(2023, 9, 13)))


def test_observance_date_falls_in_its_year():
    _violates(lambda: ObservanceFactory(year=2011, date=datetime.date(2012, 9, 12)))


@pytest.mark.parametrize("factory", [InitiativeFactory, EventFactory, StatementFactory])
def test_slugs_are_unique(factory):
    factory(slug="same")
    _violates(lambda: factory(slug="same"))


def test_organization_keys_are_unique():
    OrganizationFactory(key="unossc")
    _violates(lambda: OrganizationFactory(key="unossc"))


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (InitiativeFactory, "title"),
        (EventFactory, "title"),
        (StatementFactory, "title"),
        (OrganizationFactory, "name"),
    ],
)
def test_a_title_is_needed_in_at_least_one_language(factory, field):
    _violates(lambda: factory(**{f"{field}_en": "", f"{field}_ar": ""}))
    assert factory(**{f"{field}_en": "", f"{field}_ar": "عنوان"}).pk


def test_a_country_has_one_role_per_initiative():
    initiative = InitiativeFactory()
    InitiativeCountry.objects.create(initiative=initiative, country=country("KE"), role="recipient")
    _violates(
        lambda: InitiativeCountry.objects.create(
            initiative=initiative, country=country("KE"), role="provider"
        )
    )


def test_statement_original_language_is_a_code():
    _violates(lambda: StatementFactory(original_language="EN"))


def test_event_times_are_shown_at_the_venue():
    event = EventFactory(
        starts_at=datetime.datetime(2020, 9, 15, 13, tzinfo=datetime.UTC),
        timezone="Europe/Istanbul",
    )
    assert event.local_starts_at.hour == 16
    assert event.year == 2020


def test_urls_follow_the_contract():
    observance = ObservanceFactory(year=2023, date=datetime.date(2023, 9, 12))
    event = EventFactory(slug="panel", observance=observance)
    statement = StatementFactory(slug="message")
    initiative = InitiativeFactory(slug="farming")
    with translation.override("ar"):
        assert event.get_absolute_url() == "/ar/events/2023/panel/"
        assert statement.get_absolute_url() == "/ar/statements/message/"
        assert initiative.get_absolute_url() == "/ar/initiatives/farming/"
        assert country("KE").get_absolute_url() == "/ar/countries/ke/"
        assert observance.get_absolute_url() == "/ar/events/2023/"


def test_models_have_readable_names():
    assert str(OrganizationFactory(acronym_en="UNOSSC")) == "UNOSSC"
    assert str(Observance(year=2023)) == "2023"
    assert str(OrganizationFactory(acronym_en="", acronym_ar="", name_en="Centre")) == "Centre"


def test_the_title_check_takes_every_site_language_and_names_none():
    from django.db.models import Q

    from sscportal.models import has_text_in_some_language

    check = has_text_in_some_language("title", "has_title")
    assert check.condition == Q(title_en__gt="") | Q(title_ar__gt="")
    assert check.violation_error_message == "Give a text in at least one language."


def test_a_statement_is_in_the_site_language_unless_told(settings):
    from statements.models import Statement

    assert Statement().original_language == "en"
    settings.LANGUAGE_CODE = "ar"
    assert Statement().original_language == "ar"
