"""A draft never appears in the API: not in a list, not as an item, not in the changes
log, not as a reference in a public item, and not to signed-in staff either."""

import json

import pytest

from front.api.endpoints import content_endpoints
from sscportal import content_types

from .. import factories

pytestmark = pytest.mark.django_db

SECRET = "secret-draft"


@pytest.fixture
def drafts(demo_content):
    """A draft of every content type, each named by a public item of another type."""
    organization = factories.OrganizationFactory(key=SECRET, status="draft")
    initiative = factories.InitiativeFactory(slug=SECRET, status="draft")
    observance = factories.ObservanceFactory(year=2099, status="draft")
    event = factories.EventFactory(slug=SECRET, status="draft", observance=observance)
    statement = factories.StatementFactory(slug=SECRET, status="draft")
    resource = factories.ResourceFactory(slug=SECRET, status="draft")
    page = factories.PageFactory(slug=SECRET, status="draft")
    # Public items that point to the drafts.
    public = factories.InitiativeFactory(slug="public-initiative")
    public.partner_roles.create(organization=organization, role="funder")
    factories.EventFactory(slug="public-event", observance=observance).organizers.add(organization)
    mentioning = factories.StatementFactory(
        slug="public-statement", event=event, organization=organization, observance=observance
    )
    mentioning.mentioned_initiatives.add(initiative)
    mentioning.mentioned_organizations.add(organization)
    launched = factories.ResourceFactory(slug="public-resource", event=event, observance=observance)
    launched.initiatives.add(initiative)
    launched.organizations.add(organization)
    factories.PageFactory(slug="public-page", parent=page)
    return [organization, initiative, observance, event, statement, resource, page]


def without_pages(item):
    # An event's page is under its Day's year, draft or not, on the site as here.
    return {key: value for key, value in item.items() if key != "html_url"}


def every_answer(client):
    """The text of every list page, every item and the whole changes log."""
    texts = []
    for endpoint in content_endpoints():
        path = f"/api/v1/{endpoint.name}/"
        page = json.loads(client.get(path, {"page_size": 100}).content)
        for item in page["results"]:
            texts.append(json.dumps(without_pages(item), ensure_ascii=False))
            alone = json.loads(client.get(f"{path}{item[endpoint.section.key]}/").content)
            texts.append(json.dumps(without_pages(alone), ensure_ascii=False))
    texts.append(client.get("/api/v1/changes/", {"page_size": 100}).content.decode())
    return texts


def test_no_answer_names_a_draft(client, drafts):
    for text in every_answer(client):
        assert SECRET not in text
        assert "2099" not in text


def test_staff_see_no_more_than_anyone(client, admin_user, drafts):
    anonymous = every_answer(client)
    client.force_login(admin_user)
    assert every_answer(client) == anonymous
    for draft in drafts:
        section = content_types.of(type(draft)).exchange
        key = getattr(draft, section.key)
        assert client.get(f"/api/v1/{section.name}/{key}/").status_code == 404


def test_an_answer_to_staff_is_not_kept_by_anyone(client, admin_user, drafts):
    client.force_login(admin_user)
    response = client.get("/api/v1/initiatives/")
    assert "no-store" in response["Cache-Control"]


def test_a_reference_to_a_draft_is_left_out_and_the_rest_kept(api, drafts):
    initiative = api.json("/api/v1/initiatives/public-initiative/")
    assert initiative["partners"] == []
    statement = api.json("/api/v1/statements/public-statement/")
    assert statement["event"] is None
    assert statement["organization"] is None
    assert statement["observance"] is None
    assert statement["mentions"] == {"countries": [], "initiatives": [], "organizations": []}
    resource = api.json("/api/v1/resources/public-resource/")
    assert (resource["event"], resource["initiatives"], resource["organizations"]) == (None, [], [])
    assert api.json("/api/v1/pages/public-page/")["parent"] is None
    event = api.json("/api/v1/events/public-event/")
    assert (event["observance"], event["organizers"]) == (None, [])


def test_published_references_stay(api, demo_content):
    partner = factories.OrganizationFactory()
    initiative = factories.InitiativeFactory()
    initiative.partner_roles.create(organization=partner, role="implementer")
    item = api.json(f"/api/v1/initiatives/{initiative.slug}/")
    assert item["partners"] == [{"organization": partner.key, "role": "implementer"}]
