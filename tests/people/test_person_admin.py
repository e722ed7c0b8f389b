"""People in the admin: titles edited inline, found by autocomplete from statements and events."""

import json

import pytest
from django.contrib.auth.models import User

from people.models import Person

from .. import factories
from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = User.objects.create_superuser("boss", password="a long admin password")
    client.force_login(user)
    return client


def test_a_person_is_added_with_a_title_inline(admin):
    unossc = factories.OrganizationFactory(key="unossc")
    data = change_form_data(admin, "/en/admin/people/person/add/")
    data |= {
        "key": "jorge-chediek",
        "status": "published",
        "name_en": "Jorge Chediek",
        "name_ar": "خورخي شيديك",
        "family_name_en": "Chediek",
        "titles-0-title_en": "Director",
        "titles-0-title_ar": "مدير",
        "titles-0-organization": str(unossc.pk),
        "titles-0-starts_on": "2016-01-01",
        "titles-0-ends_on": "2021-12-31",
    }
    response = admin.post("/en/admin/people/person/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Person.objects.get(key="jorge-chediek")
    (title,) = person.titles.all()
    assert (title.title_ar, title.organization, title.starts_on.year) == ("مدير", unossc, 2016)


@pytest.mark.parametrize("key", ["Jorge_Chediek", "jorge--chediek", "-jorge"])
def test_a_key_must_be_lower_case_letters_digits_and_hyphens(admin, key):
    data = change_form_data(admin, "/en/admin/people/person/add/")
    data |= {"key": key, "status": "draft", "name_en": "Jorge Chediek"}
    response = admin.post("/en/admin/people/person/add/", data)
    assert response.status_code == 200
    assert "key" in response.context["adminform"].form.errors
    assert not Person.objects.exists()


def test_a_title_cannot_end_before_it_starts(admin):
    data = change_form_data(admin, "/en/admin/people/person/add/")
    data |= {
        "key": "someone",
        "status": "draft",
        "name_en": "Someone",
        "titles-0-title_en": "Director",
        "titles-0-starts_on": "2020-01-01",
        "titles-0-ends_on": "2019-01-01",
    }
    response = admin.post("/en/admin/people/person/add/", data)
    assert response.status_code == 200
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("app", "model", "field"),
    [
        ("statements", "statement", "person"),
        ("statements", "statement", "delivered_by_person"),
        ("events", "eventspeaker", "person"),
    ],
)
def test_person_fields_find_people_by_name_in_either_language(admin, app, model, field):
    factories.PersonFactory(key="jorge-chediek", name_en="Jorge Chediek", name_ar="خورخي شيديك")
    factories.PersonFactory(key="nebil-dabur", name_en="Nebil Dabur", name_ar="نبيل دبور")
    for term in ("ched", "شيديك"):
        response = admin.get(
            "/en/admin/autocomplete/",
            {"app_label": app, "model_name": model, "field_name": field, "term": term},
        )
        assert response.status_code == 200
        assert [r["text"] for r in json.loads(response.content)["results"]] == ["Jorge Chediek"]


def test_statement_and_event_forms_offer_the_person_autocomplete(admin):
    statement = factories.StatementFactory()
    html = admin.get(f"/en/admin/statements/statement/{statement.pk}/change/").text
    assert 'name="person"' in html and 'name="delivered_by_person"' in html
    assert html.count("admin-autocomplete") >= 2
    event = factories.EventFactory()
    html = admin.get(f"/en/admin/events/event/{event.pk}/change/").text
    assert 'name="speakers-0-person"' in html
