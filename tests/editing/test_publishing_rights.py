"""Observances, organizations, resources and pages: only Publishers make them public."""

import datetime

import pytest
from django.core.management import call_command

from events.models import Observance
from initiatives.models import Organization
from pages.models import Page
from resources.models import Resource

from .. import factories
from .test_workflow import change_url, member, opened

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    call_command("setup_roles", verbosity=0)


@pytest.fixture
def editor(client, roles):
    user = member("editor", "Editors")
    client.force_login(user)
    return user


@pytest.fixture
def publisher(client, roles):
    user = member("publisher", "Publishers")
    client.force_login(user)
    return user


def observance_form(**changes):
    data = {
        "year": "2031",
        "date": "2031-09-12",
        "status": "published",
        "theme_en": "",  # a Day may be recorded before its theme is known
        "theme_ar": "",
        "summary_en": "",
        "summary_ar": "",
    }
    return {**data, **changes}


def organization_form(**changes):
    data = {
        "key": "new-partner",
        "status": "published",
        "name_en": "A new partner",
        "name_ar": "",
        "acronym_en": "",
        "acronym_ar": "",
        "kind": "academia",
        "country": "",
        "website": "",
        "description_en": "<p>What it does.</p>",
        "description_ar": "",
    }
    return {**data, **changes}


def resource_form(**changes):
    data = {
        "title_en": "A report",
        "title_ar": "",
        "slug": "a-report",
        "status": "published",
        "kind": "report",
        "summary_en": "",
        "summary_ar": "",
        "published_on": "",
        "observance": "",
        "event": "",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def page_form(**changes):
    data = {
        "title_en": "Contact",
        "title_ar": "",
        "slug": "contact",
        "status": "published",
        "parent": "",
        "order": "0",
        "body_en": "<p>Write to us.</p>",
        "body_ar": "",
    }
    return {**data, **changes}


ADD = [
    ("/en/admin/events/observance/add/", observance_form, Observance, {"year": 2031}),
    ("/en/admin/initiatives/organization/add/", organization_form, Organization, {"key": "new-partner"}),
    ("/en/admin/resources/resource/add/", resource_form, Resource, {"slug": "a-report"}),
    ("/en/admin/pages/page/add/", page_form, Page, {"slug": "contact"}),
]  # fmt: skip


@pytest.mark.parametrize(("url", "form", "model", "lookup"), ADD)
def test_an_editor_adds_a_draft_whatever_the_post_says(client, editor, url, form, model, lookup):
    response = client.post(url, form())
    assert response.status_code == 302, response.content[:2000]
    assert model.objects.get(**lookup).status == "draft"


@pytest.mark.parametrize(("url", "form", "model", "lookup"), ADD)
def test_a_publisher_adds_a_published_item(client, publisher, url, form, model, lookup):
    response = client.post(url, form())
    assert response.status_code == 302, response.content[:2000]
    assert model.objects.get(**lookup).status == "published"


def test_an_editor_cannot_publish_an_observance_draft_by_changing_it(client, editor):
    observance = factories.ObservanceFactory(year=2031, status="draft")
    assert 'name="status"' not in client.get(change_url(observance)).text
    response = client.post(
        change_url(observance),
        observance_form(theme_en="Edited", _opened_version=opened(client, observance)),
    )
    assert response.status_code == 302
    observance.refresh_from_db()
    assert observance.theme_en == "Edited" and observance.status == "draft"
    assert client.get("/en/events/2031/").status_code == 200  # staff see drafts
    client.logout()
    assert client.get("/en/events/2031/").status_code == 404


def test_an_editor_cannot_publish_an_organization_draft_by_changing_it(client, editor):
    organization = factories.OrganizationFactory(key="new-partner", status="draft")
    response = client.post(
        change_url(organization),
        organization_form(name_en="Edited", _opened_version=opened(client, organization)),
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name_en == "Edited" and organization.status == "draft"


def test_an_editor_edit_of_a_published_organization_keeps_it_published(client, editor):
    organization = factories.OrganizationFactory(key="new-partner")
    client.post(
        change_url(organization),
        organization_form(
            status="draft", name_en="Edited", _opened_version=opened(client, organization)
        ),
    )
    organization.refresh_from_db()
    assert organization.name_en == "Edited" and organization.status == "published"


@pytest.mark.parametrize(
    ("make", "list_url"),
    [
        (lambda: factories.ObservanceFactory(status="draft"), "/en/admin/events/observance/"),
        (
            lambda: factories.OrganizationFactory(status="draft"),
            "/en/admin/initiatives/organization/",
        ),
    ],
)
def test_only_publishers_have_the_publish_action(client, roles, make, list_url):
    item = make()
    client.force_login(member("editor", "Editors"))
    client.post(list_url, {"action": "publish_selected", "_selected_action": [item.pk]})
    item.refresh_from_db()
    assert item.status == "draft"
    client.force_login(member("publisher", "Publishers"))
    client.post(list_url, {"action": "publish_selected", "_selected_action": [item.pk]})
    item.refresh_from_db()
    assert item.status == "published"


def test_a_draft_observance_and_organization_are_nowhere_public(client):
    factories.ObservanceFactory(year=2031, date=datetime.date(2031, 9, 12), status="draft")
    organization = factories.OrganizationFactory(key="undisclosed", status="draft")
    factories.ResourceFactory(slug="theirs").organizations.add(organization)
    assert "2031" not in client.get("/en/events/").text
    assert "undisclosed" not in client.get("/en/organizations/").text
    sitemap = (
        client.get("/sitemap-organizations.xml").text + client.get("/sitemap-observances.xml").text
    )
    assert "undisclosed" not in sitemap and "/2031/" not in sitemap
