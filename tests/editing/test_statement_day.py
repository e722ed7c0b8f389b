"""In the admin, a statement's Day and its dates agree
(statements.models.dates_agree_with_day): a change that files it under the
wrong Day is refused with an error on the field, and nothing is saved."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User

from statements.models import Statement

from .. import factories
from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="a long editor password", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "view_statement",
                "change_statement",
                "view_observance",
                "view_event",
                "view_organization",
                "view_country",
                "view_initiative",
            ]
        )
    )
    client.force_login(user)
    return user


@pytest.fixture
def day_2005():
    return factories.ObservanceFactory(year=2005, date=datetime.date(2005, 12, 19))


def _post(client, statement, language="en", **changes):
    url = f"/{language}/admin/statements/statement/{statement.pk}/change/"
    data = change_form_data(client, url)
    data.update(changes)
    return client.post(url, data)


def _field_errors(response, name):
    return response.context["adminform"].form.errors.get(name, [])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_2024_statement_cannot_be_filed_under_the_2005_day(client, editor, day_2005, language):
    statement = factories.StatementFactory(delivered_on=datetime.date(2005, 12, 19))
    response = _post(
        client, statement, language, observance=str(day_2005.pk), delivered_on="2024-09-12"
    )
    assert response.status_code == 200
    (error,) = _field_errors(response, "observance")
    assert "2024-09-12" in error and "2005" in error
    statement.refresh_from_db()
    assert statement.observance is None and statement.delivered_on == datetime.date(2005, 12, 19)


def test_delivered_or_issued_in_the_days_year_is_saved(client, editor, day_2005):
    statement = factories.StatementFactory(delivered_on=datetime.date(2005, 12, 19))
    response = _post(client, statement, observance=str(day_2005.pk), issued_on="2006-01-10")
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.observance == day_2005


def test_a_statement_at_an_event_of_the_day_is_within_31_days_of_it(client, editor):
    day = factories.ObservanceFactory(year=2020, date=datetime.date(2020, 9, 12))
    event = factories.EventFactory(observance=day)
    statement = factories.StatementFactory(delivered_on=datetime.date(2020, 9, 15))
    response = _post(client, statement, event=str(event.pk), delivered_on="2020-10-13")
    assert response.status_code == 302, response.context["adminform"].form.errors
    response = _post(client, statement, delivered_on="2020-10-14")
    assert response.status_code == 200
    (error,) = _field_errors(response, "event")
    assert "2020-09-12" in error and "2020-10-14" in error and "31" in error
    assert Statement.objects.get(pk=statement.pk).delivered_on == datetime.date(2020, 10, 13)
