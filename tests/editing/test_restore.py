"""Restore and history bring an item back whole (issue 12, item 10)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.db.models import F
from django.test import Client

from initiatives.models import Initiative, InitiativeCountry, InitiativePartner

from .. import factories
from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/initiatives/initiative/"


@pytest.fixture
def publisher():
    client = Client()
    client.force_login(User.objects.create_superuser("pub", password="a long password pub"))
    return client


def roles(initiative):
    return sorted((r.country.iso2, r.role) for r in initiative.country_roles.all())


def removed_an_hour_ago(row):
    """Delete a part row and date its deletion an hour back: removed on purpose, earlier."""
    pk = row.pk
    row.delete()
    row.history.model.objects.filter(id=pk).update(
        history_date=F("history_date") - datetime.timedelta(hours=1)
    )


def delete_and_find_record(client, initiative):
    client.post(f"{ADMIN}{initiative.pk}/delete/", {"post": "yes"})
    assert not Initiative.objects.filter(pk=initiative.pk).exists()
    return Initiative.history.get(id=initiative.pk, history_type="-")


def restore(client, record):
    return client.post(f"{ADMIN}deleted/{record.history_id}/restore/", follow=True)


def test_restore_brings_back_the_rows_as_they_stood_not_rows_removed_earlier(publisher):
    initiative = factories.InitiativeFactory(slug="whole")
    factories.InitiativeCountryFactory(initiative=initiative)  # Kenya
    egypt = factories.InitiativeCountryFactory(
        initiative=initiative, country=factories.country("EG"), role="provider"
    )
    removed_an_hour_ago(egypt)
    record = delete_and_find_record(publisher, initiative)
    restore(publisher, record)
    assert roles(Initiative.objects.get(slug="whole")) == [("KE", "recipient")]


def test_restore_works_when_a_row_was_removed_and_added_again(publisher):
    initiative = factories.InitiativeFactory(slug="readded")
    first = factories.InitiativeCountryFactory(initiative=initiative)
    removed_an_hour_ago(first)
    factories.InitiativeCountryFactory(initiative=initiative, role="both")  # Kenya again
    record = delete_and_find_record(publisher, initiative)
    response = restore(publisher, record)
    assert response.status_code == 200
    assert roles(Initiative.objects.get(slug="readded")) == [("KE", "both")]


def test_restore_refuses_clearly_when_the_slug_was_taken_since(publisher):
    initiative = factories.InitiativeFactory(slug="taken")
    factories.InitiativeCountryFactory(initiative=initiative)
    record = delete_and_find_record(publisher, initiative)
    newcomer = factories.InitiativeFactory(slug="taken", title_en="The newcomer")
    response = restore(publisher, record)
    assert response.status_code == 200
    assert "could not be restored" in response.text
    assert "Initiative with this Slug already exists." in response.text
    assert list(Initiative.objects.filter(slug="taken")) == [newcomer]
    assert not InitiativeCountry.objects.filter(initiative_id=initiative.pk).exists()


def test_reverting_through_history_restores_goals_countries_and_partners(publisher):
    partner = factories.OrganizationFactory()
    initiative = factories.InitiativeFactory(slug="reverted", title_en="First")
    url = f"{ADMIN}{initiative.pk}/change/"
    # Version one, through the admin: goals 1 and 2, Kenya, one partner.
    data = change_form_data(publisher, url)
    data.update(
        {
            "sdgs": ["1", "2"],
            "country_roles-0-country": str(factories.country("KE").pk),
            "country_roles-0-role": "recipient",
            "partner_roles-0-organization": str(partner.pk),
            "partner_roles-0-role": "funder",
        }
    )
    assert publisher.post(url, data).status_code == 302
    version_one = initiative.history.order_by("-history_date").first()
    # Version two: other goals, Egypt instead of Kenya, no partner.
    data = change_form_data(publisher, url)
    data.update(
        {
            "title_en": "Second",
            "sdgs": ["5"],
            "country_roles-0-country": str(factories.country("EG").pk),
            "country_roles-0-role": "provider",
            "partner_roles-0-DELETE": "on",
        }
    )
    assert publisher.post(url, data).status_code == 302
    assert roles(initiative) == [("EG", "provider")]

    history_url = f"{ADMIN}{initiative.pk}/history/{version_one.history_id}/"
    form = change_form_data(publisher, history_url)
    assert publisher.post(history_url, form).status_code == 302

    initiative.refresh_from_db()
    assert initiative.title_en == "First"
    assert sorted(initiative.sdgs.values_list("number", flat=True)) == [1, 2]
    assert roles(initiative) == [("KE", "recipient")]
    assert list(
        InitiativePartner.objects.filter(initiative=initiative).values_list("role", flat=True)
    ) == ["funder"]


def test_an_admin_save_records_the_goals_it_saved_in_that_version(publisher):
    initiative = factories.InitiativeFactory()
    url = f"{ADMIN}{initiative.pk}/change/"
    data = change_form_data(publisher, url)
    data["sdgs"] = ["7"]
    publisher.post(url, data)
    latest = initiative.history.order_by("-history_date").first()
    assert [row.sustainabledevelopmentgoal_id for row in latest.sdgs.all()] == [7]
