"""The one rule of what readers may see (sscportal/visibility.py), item by item.

The sweep across every public answer is tests/robustness/test_unpublished_everywhere.py.
"""

import pytest

from events.models import EventSpeaker
from initiatives.models import InitiativePartner, Organization
from sscportal import content_types
from sscportal.visibility import has_status, is_public, public, public_related

from .. import factories

pytestmark = pytest.mark.django_db


def test_a_published_item_is_public_and_a_draft_is_not():
    assert is_public(factories.OrganizationFactory())
    assert not is_public(factories.OrganizationFactory(status="draft"))


def test_a_missing_item_is_not_public():
    assert not is_public(None)


def test_reference_data_is_always_public():
    assert is_public(factories.country("KE"))


def test_every_content_type_but_reference_data_can_be_unpublished():
    for content_type in content_types.registered():
        assert has_status(content_type.model) != content_type.reference, content_type.name


def test_a_partner_role_is_public_only_with_its_organization_and_initiative():
    initiative = factories.InitiativeFactory()
    shown = factories.OrganizationFactory()
    hidden = factories.OrganizationFactory(status="draft")
    for organization in (shown, hidden):
        InitiativePartner.objects.create(
            initiative=initiative, organization=organization, role="funder"
        )
    roles = initiative.partner_roles.all()
    assert [role.organization for role in roles if is_public(role)] == [shown]
    assert [role.organization for role in public(roles)] == [shown]
    initiative.status = "draft"
    initiative.save()
    assert not public(InitiativePartner.objects).exists()


def test_a_speaker_stays_public_without_their_draft_organization():
    event = factories.EventFactory()
    hidden = factories.OrganizationFactory(status="draft")
    speaker = EventSpeaker.objects.create(event=event, name_en="A speaker", organization=hidden)
    assert is_public(speaker)
    assert public_related(speaker, "organization") is None


def test_a_foreign_key_to_a_draft_is_read_as_empty():
    hidden = factories.OrganizationFactory(status="draft")
    statement = factories.StatementFactory(organization=hidden)
    assert public_related(statement, "organization") is None
    statement.organization = factories.OrganizationFactory()
    assert public_related(statement, "organization") == statement.organization


def test_a_many_relation_is_read_without_its_drafts():
    shown = factories.OrganizationFactory()
    hidden = factories.OrganizationFactory(status="draft")
    event = factories.EventFactory()
    event.organizers.set([shown, hidden])
    assert public_related(event, "organizers") == [shown]
    assert list(public(event.organizers)) == [shown]


def test_the_published_queryset_is_the_rule():
    shown = factories.OrganizationFactory()
    factories.OrganizationFactory(status="draft")
    assert list(Organization.objects.published()) == list(public(Organization.objects)) == [shown]
