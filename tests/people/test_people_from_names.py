"""The migration that made people of the free-text names (statements 0012)."""

import importlib
import json

import pytest
from django.apps import apps

from events.models import EventSpeaker
from exchange.importer import import_content
from people.models import Person
from people.names import fold, key_for, name_part
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db

create_people = importlib.import_module(
    "statements.migrations.0012_people_from_names"
).create_people


def run_the_migration():
    create_people(apps, None)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("António Guterres", "antonio  GUTERRES"),
        ("H.E. Mr. António Guterres", "António Guterres"),
        ("Dr. Nebil Dabur", "Nebil Dabur"),
        ("Ambassador Dima Al-Khatib", "Dima Al Khatib"),
        ("معالي السيد أنطونيو غوتيريش", "انطونيو غوتيريش"),
        ("الدكتور نبيل دبّور", "نبيل دبور"),
        ("ديما الخطيبة", "ديما الخطيبه"),
    ],
)
def test_writings_of_one_name_fold_alike(one, other):
    assert fold(one) == fold(other)


def test_different_names_stay_apart():
    assert fold("Nebil Dabur") != fold("Nabil Dabour")
    assert fold("أمينة محمد") != fold("أمين محمد")


def test_keys_are_lower_case_latin_and_unique():
    taken = set()
    assert key_for({"en": "António Guterres", "ar": "أنطونيو غوتيريش"}, taken) == "antonio-guterres"
    assert key_for({"en": "Antonio Guterres"}, taken) == "antonio-guterres-2"
    assert key_for({"en": "", "ar": "أمينة محمد"}, taken) == "person-1"


def test_delivered_by_is_read_up_to_its_comma():
    assert name_part("Amina J. Mohammed, Deputy Secretary-General") == "Amina J. Mohammed"
    assert name_part("أمينة محمد، نائبة الأمين العام") == "أمينة محمد"


def test_an_empty_database_gets_no_one():
    run_the_migration()
    assert Person.objects.count() == 0


def test_one_person_per_distinct_name_linked_from_every_row():
    un = factories.OrganizationFactory(key="un")
    first = factories.StatementFactory(
        speaker_en="H.E. Mr. António Guterres",
        speaker_ar="",
        speaker_title_en="Secretary-General",
        organization=un,
    )
    second = factories.StatementFactory(
        speaker_en="", speaker_ar="أنطونيو غوتيريش", speaker_title_ar="الأمين العام"
    )
    # The English and Arabic spellings met on one row: the same person, and the
    # rows that gave only one of them join that person.
    both = factories.StatementFactory(
        speaker_en="Antonio Guterres",
        speaker_ar="انطونيو غوتيريش",
        delivered_by_en="Amina J. Mohammed, Deputy Secretary-General",
    )
    draft = factories.StatementFactory(speaker_en="Someone Unpublished", status="draft")
    event = factories.EventFactory()
    speaker = EventSpeaker.objects.create(event=event, name_en="Dr. Amina J. Mohammed")
    nobody = factories.StatementFactory(speaker_en="", speaker_ar="")

    run_the_migration()

    assert Person.objects.count() == 3
    guterres = Person.objects.get(key="antonio-guterres")
    # The most given writing, without the honorific.
    assert guterres.name_ar == "أنطونيو غوتيريش"
    assert guterres.name_en in ("António Guterres", "Antonio Guterres")
    assert guterres.is_published
    assert {s.pk for s in Statement.objects.filter(person=guterres)} == {
        first.pk,
        second.pk,
        both.pk,
    }
    # Titles from the speakers' titles, with the organization, once each.
    assert sorted(t.title_en or t.title_ar for t in guterres.titles.all()) == [
        "Secretary-General",
        "الأمين العام",
    ]
    amina = Person.objects.get(key="amina-j-mohammed")
    assert Statement.objects.get(pk=both.pk).delivered_by_person == amina
    speaker.refresh_from_db()
    assert speaker.person == amina
    someone = Person.objects.get(key="someone-unpublished")
    assert not someone.is_published  # named only by a draft
    assert Statement.objects.get(pk=draft.pk).person == someone
    assert Statement.objects.get(pk=nobody.pk).person is None
    # Nothing written is lost.
    assert Statement.objects.get(pk=first.pk).speaker_en == "H.E. Mr. António Guterres"


def test_the_demo_content_as_it_was_gets_its_five_people():
    with open("tests/exchange/fixtures/content-v2.json", encoding="utf-8") as handle:
        import_content(handle.read())
    run_the_migration()
    assert sorted(Person.objects.values_list("key", flat=True)) == [
        "antonio-guterres",
        "dima-al-khatib",
        "jorge-chediek",
        "koichiro-matsuura",
        "nebil-dabur",
    ]
    dabur = Person.objects.get(key="nebil-dabur")
    assert dabur.name_ar == "نبيل دبور"
    assert Statement.objects.filter(person=dabur).count() == 1
    assert EventSpeaker.objects.get(person=dabur).name_en == "Nebil Dabur"
    # "Director General, SESRIC" and "Director General of SESRIC" are one title in Arabic.
    assert dabur.titles.count() == 1
    assert json.dumps(list(Person.objects.values_list("status", flat=True))).count("draft") == 0
