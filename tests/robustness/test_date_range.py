"""Dates stay between 1945-01-01 and 2100-12-31 (issue 12, item 5)."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError

from events.models import Event, Observance
from exchange.exporter import export_content
from initiatives.models import Initiative
from statements.models import Statement

from .. import factories
from ..admin_forms import change_form_data
from ..exchange.test_exchange import demo_document, errors_of

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
FAR = [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(1944, 12, 31)]


@pytest.mark.parametrize("day", FAR)
def test_model_validation_refuses_dates_far_in_the_past_or_future(day):
    moment = datetime.datetime.combine(day, datetime.time(12), UTC)
    cases = [
        (factories.StatementFactory.build(delivered_on=day), "delivered_on"),
        (factories.InitiativeFactory.build(start_date=day), "start_date"),
        (factories.InitiativeFactory.build(start_date=None, end_date=day), "end_date"),
        (factories.EventFactory.build(starts_at=moment), "starts_at"),
        (factories.EventFactory.build(ends_at=moment), "ends_at"),
    ]
    for item, field in cases:
        with pytest.raises(ValidationError) as refused:
            item.full_clean()
        assert "Give a date between 1945-01-01 and 2100-12-31." in refused.value.message_dict[field]


def test_an_observance_date_far_away_is_refused():
    with pytest.raises(ValidationError) as refused:
        Observance(year=9999, date=datetime.date(9999, 9, 12), theme_en="x").full_clean()
    assert "date" in refused.value.message_dict


def test_the_bounds_themselves_are_accepted():
    factories.StatementFactory.build(delivered_on=datetime.date(1945, 1, 1)).full_clean(
        exclude=["slug"]
    )
    factories.StatementFactory.build(delivered_on=datetime.date(2100, 12, 31)).full_clean(
        exclude=["slug"]
    )


@pytest.mark.parametrize(
    "section, index, key, value",
    [
        ("statements", 0, "delivered_on", "0001-01-01"),
        ("statements", 0, "delivered_on", "9999-12-31"),
        ("initiatives", 0, "start_date", "0001-01-01"),
        ("events", 0, "starts_at", "9999-12-31T23:00:00-05:00"),
        ("events", 0, "starts_at", "0001-01-01T00:00:00+01:00"),
    ],
)
def test_the_import_refuses_far_dates_with_their_path(section, index, key, value):
    document = demo_document()
    document[section][index][key] = value
    if key == "starts_at":
        document[section][index]["ends_at"] = None
    assert errors_of(document) == [
        f"{section}[{index}].{key}: {json.dumps(value)} is not between 1945-01-01 and 2100-12-31"
    ]


def test_the_admin_refuses_a_far_date_with_a_message(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("root", password="a long root password"))
    statement = factories.StatementFactory()
    url = f"/en/admin/statements/statement/{statement.pk}/change/"
    data = change_form_data(client, url)
    data["delivered_on"] = "9999-12-31"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give a date between 1945-01-01 and 2100-12-31." in response.text
    statement.refresh_from_db()
    assert statement.delivered_on == datetime.date(2023, 9, 12)


@pytest.fixture
def extreme_rows(demo_content):
    """Rows stored before the bounds existed (update() skips validation)."""
    statement = factories.StatementFactory(title_en="Far statement")
    Statement.objects.filter(pk=statement.pk).update(delivered_on=datetime.date(9999, 12, 31))
    old = factories.StatementFactory(title_en="Ancient statement")
    Statement.objects.filter(pk=old.pk).update(delivered_on=datetime.date(1, 1, 1))
    event = factories.EventFactory(title_en="Far event", timezone="Pacific/Kiritimati")
    Event.objects.filter(pk=event.pk).update(
        starts_at=datetime.datetime(9999, 12, 31, 12, tzinfo=UTC)
    )
    early = factories.EventFactory(title_en="Early event", timezone="America/Los_Angeles")
    Event.objects.filter(pk=early.pk).update(starts_at=datetime.datetime(1, 1, 1, 3, tzinfo=UTC))
    initiative = factories.InitiativeFactory(title_en="Far initiative")
    Initiative.objects.filter(pk=initiative.pk).update(
        start_date=datetime.date(1, 1, 1), end_date=datetime.date(9999, 12, 31)
    )


def test_export_survives_rows_stored_with_extreme_dates(extreme_rows):
    document = export_content()
    assert any(item["delivered_on"] == "9999-12-31" for item in document["statements"])


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/ar/",
        "/en/events/",
        "/en/events/calendar.ics",
        "/en/statements/",
        "/en/statements/feed/",
        "/en/initiatives/",
        "/en/search/?q=far",
        "/en/search/?q=statement",
        "/en/search/?q=event",
        "/sitemap.xml",
        "/sitemap-statements.xml",
        "/sitemap-events.xml",
        "/sitemap-initiatives.xml",
        "/en/statements/?year=2023",
        "/en/initiatives/?year=2020",
    ],
)
def test_pages_survive_rows_stored_with_extreme_dates(client, extreme_rows, url):
    client.raise_request_exception = True
    assert client.get(url).status_code == 200


def test_event_pages_survive_extreme_dates(client, extreme_rows):
    client.raise_request_exception = True
    for event in Event.objects.filter(title_en__in=["Far event", "Early event"]):
        url = event.get_absolute_url()
        assert client.get(url).status_code == 200
        assert client.get(url.rstrip("/") + ".ics").status_code == 200
