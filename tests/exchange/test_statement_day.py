"""A statement's Day and its dates agree (statements.models.dates_agree_with_day):
an import that files a statement under the wrong Day is refused with the path
of the key, and nothing is changed."""

import copy
import datetime
import json

import pytest

from events.models import Event, Observance
from exchange.document import ImportFailed
from exchange.importer import import_content
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db

BASE = {
    "format": "sscportal-content",
    "version": 2,
    "observances": [
        {"year": 2005, "date": "2005-12-19"},
        {"year": 2020, "date": "2020-09-12"},
    ],
    "events": [
        {
            "slug": "launch-2020",
            "observance": 2020,
            "title": {"en": "A launch on the margins of the Day"},
            "starts_at": "2020-09-15T13:00:00+00:00",
            "timezone": "Europe/Istanbul",
            "description": {},
            "venue": {},
            "ends_at": None,
            "online": True,
            "url": None,
            "country": None,
            "organizers": [],
        }
    ],
    "statements": [
        {
            "slug": "message",
            "title": {"en": "A message for the Day"},
            "body": {"en": "<p>Words.</p>"},
            "kind": "message",
            "delivered_on": "2005-12-19",
            "original_language": "en",
            "observance": 2005,
        },
        {
            "slug": "remarks",
            "title": {"en": "Remarks at the launch"},
            "body": {"en": "<p>Words.</p>"},
            "kind": "remarks",
            "delivered_on": "2020-09-15",
            "original_language": "en",
            "event": "launch-2020",
        },
    ],
}


def document(**changes):
    """The base file with the changes given for its statements, by slug."""
    doc = copy.deepcopy(BASE)
    for statement in doc["statements"]:
        statement.update(changes.get(statement["slug"], {}))
    return doc


def errors_of(doc):
    with pytest.raises(ImportFailed) as failure:
        import_content(json.dumps(doc))
    # Nothing was written: not the statements, nor the Days and events beside them.
    assert not Statement.objects.exists()
    assert not Observance.objects.exists() and not Event.objects.exists()
    return failure.value.report.errors


def test_statements_that_agree_with_their_day_are_imported():
    import_content(json.dumps(document()))
    assert Statement.objects.count() == 2


def test_a_2024_statement_under_the_2005_day_is_refused():
    errors = errors_of(document(message={"delivered_on": "2024-09-12"}))
    assert errors == [
        "statements[0].observance: the Day of 2005: neither delivered_on nor issued_on is in 2005"
    ]


def test_issued_in_the_days_year_is_enough():
    # Delivered on the 19 December Day, published in the January after it.
    import_content(json.dumps(document(message={"issued_on": "2006-01-10"})))
    doc = document(message={"delivered_on": "2006-01-10", "issued_on": "2005-12-18"})
    Statement.objects.all().delete()
    import_content(json.dumps(doc))


def test_a_statement_at_an_event_of_the_day_is_within_31_days_of_it():
    import_content(json.dumps(document(remarks={"delivered_on": "2020-10-13"})))
    Statement.objects.all().delete()
    Event.objects.all().delete()
    Observance.objects.all().delete()
    errors = errors_of(document(remarks={"delivered_on": "2020-10-14"}))
    assert errors == [
        "statements[1].event: an event of the Day of 2020 (2020-09-12): neither "
        "delivered_on nor issued_on is within 31 days of it"
    ]


def test_the_day_is_found_among_stored_content_too():
    day = factories.ObservanceFactory(year=2005, date=datetime.date(2005, 12, 19))
    doc = {
        "format": "sscportal-content",
        "version": 2,
        "statements": [document(message={"delivered_on": "2024-09-12"})["statements"][0]],
    }
    with pytest.raises(ImportFailed) as failure:
        import_content(json.dumps(doc))
    assert failure.value.report.errors == [
        "statements[0].observance: the Day of 2005: neither delivered_on nor issued_on is in 2005"
    ]
    assert not Statement.objects.exists()
    assert Observance.objects.get() == day


def test_the_demo_content_agrees_with_its_days():
    with open("demo/content.json", encoding="utf-8") as handle:
        import_content(handle.read())
    statements = Statement.objects.select_related("observance", "event__observance")
    assert any(statement.day for statement in statements)
    for statement in statements:
        statement.clean()  # the admin's rule: raises if a Day disagrees
