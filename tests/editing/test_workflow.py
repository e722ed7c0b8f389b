"""Editors write, publishers publish; every save is kept and can be restored."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from initiatives.models import Initiative
from statements.models import Statement

from .. import factories
from ..admin_forms import opened_version

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual password"


@pytest.fixture
def roles():
    call_command("setup_roles", verbosity=0)


def member(name, group):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


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


def statement_form(statement, **changes):
    data = {
        "title_en": statement.title_en,
        "title_ar": statement.title_ar,
        "slug": statement.slug,
        "status": statement.status,
        "body_en": statement.body_en,
        "body_ar": statement.body_ar,
        "speaker_en": statement.speaker_en,
        "speaker_ar": statement.speaker_ar,
        "speaker_title_en": "",
        "speaker_title_ar": "",
        "organization": "",
        "kind": statement.kind,
        "delivered_on": statement.delivered_on.isoformat(),
        "event": "",
        "text_kind": "full-text",
        "original_language": statement.original_language,
        "source_url": "",
    }
    data.update(changes)
    return {key: "" if value is None else value for key, value in data.items()}


def change_url(obj):
    return f"/en/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def opened(client, obj):
    """The version a hand-made change form POST must carry (sscportal/admin_toolkit/locking.py)."""
    return opened_version(client, change_url(obj))


def test_setup_roles_is_idempotent(roles):
    call_command("setup_roles", verbosity=0)
    editors = Group.objects.get(name="Editors")
    publishers = Group.objects.get(name="Publishers")
    assert not editors.permissions.filter(codename__startswith="publish_").exists()
    assert set(
        publishers.permissions.filter(codename__startswith="publish_").values_list(
            "codename", flat=True
        )
    ) == {
        "publish_initiative",
        "publish_event",
        "publish_statement",
        "publish_observance",
        "publish_organization",
        "publish_resource",
        "publish_page",
        "publish_person",
    }


def test_editor_sees_status_but_cannot_change_it(client, editor):
    statement = factories.StatementFactory(status="draft")
    html = client.get(change_url(statement)).text
    assert 'name="status"' not in html


def test_editor_post_cannot_publish_an_existing_draft(client, editor):
    statement = factories.StatementFactory(status="draft")
    response = client.post(
        change_url(statement),
        statement_form(
            statement,
            status="published",
            title_en="Edited",
            _opened_version=opened(client, statement),
        ),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "Edited"
    assert statement.status == "draft"


def test_editor_post_cannot_add_a_published_item(client, editor):
    template = factories.StatementFactory.build(slug="new-one")
    response = client.post(
        "/en/admin/statements/statement/add/", statement_form(template, status="published")
    )
    assert response.status_code == 302
    assert Statement.objects.get(slug="new-one").status == "draft"


def test_editor_cannot_use_the_publish_action(client, editor):
    statement = factories.StatementFactory(status="draft")
    response = client.post(
        "/en/admin/statements/statement/",
        {"action": "publish_selected", "_selected_action": [statement.pk]},
    )
    assert response.status_code in (200, 302)
    statement.refresh_from_db()
    assert statement.status == "draft"


def test_editor_cannot_publish_by_restoring_a_published_version(client, editor):
    statement = factories.StatementFactory(status="published")
    statement.status = "draft"
    statement.save()
    published_version = statement.history.order_by("history_date").first()
    response = client.post(
        f"{change_url(statement).removesuffix('change/')}history/{published_version.history_id}/",
        statement_form(statement, status="published"),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == "draft"


def test_publisher_can_publish_with_the_form(client, publisher):
    statement = factories.StatementFactory(status="draft")
    response = client.post(
        change_url(statement),
        statement_form(statement, status="published", _opened_version=opened(client, statement)),
    )
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.status == "published"


def test_publisher_can_publish_and_unpublish_with_actions(client, publisher):
    drafts = [factories.InitiativeFactory(status="draft") for _ in range(2)]
    client.post(
        "/en/admin/initiatives/initiative/",
        {"action": "publish_selected", "_selected_action": [d.pk for d in drafts]},
    )
    assert Initiative.objects.published().count() == 2
    client.post(
        "/en/admin/initiatives/initiative/",
        {"action": "unpublish_selected", "_selected_action": [drafts[0].pk]},
    )
    assert Initiative.objects.published().count() == 1


@pytest.mark.parametrize(
    "factory",
    [
        factories.StatementFactory,
        factories.InitiativeFactory,
        factories.EventFactory,
        factories.ObservanceFactory,
        factories.OrganizationFactory,
    ],
)
def test_every_save_creates_a_history_entry(factory):
    item = factory()
    assert item.history.count() == 1
    item.save()
    item.save()
    assert item.history.count() == 3


def test_admin_save_records_who_and_when(client, editor):
    statement = factories.StatementFactory(status="draft")
    client.post(
        change_url(statement),
        statement_form(statement, title_en="Second", _opened_version=opened(client, statement)),
    )
    latest = statement.history.latest()
    assert latest.history_user == editor
    assert latest.history_date is not None
    html = client.get(change_url(statement).replace("change/", "history/")).text
    assert "editor" in html


def test_restoring_brings_back_the_exact_earlier_text_in_both_languages(client, publisher):
    statement = factories.StatementFactory(
        title_en="First title", title_ar="العنوان الأول", body_ar='<p dir="rtl">النص الأول</p>'
    )
    first = statement.history.latest()
    client.post(
        change_url(statement),
        statement_form(
            statement,
            title_en="Second",
            title_ar="الثاني",
            body_ar="<p>نص آخر</p>",
            _opened_version=opened(client, statement),
        ),
    )
    statement.refresh_from_db()
    assert statement.title_ar == "الثاني"

    history_url = change_url(statement).replace("change/", f"history/{first.history_id}/")
    form = client.get(history_url)
    assert form.status_code == 200 and "العنوان الأول" in form.text
    client.post(history_url, statement_form(first.instance))
    statement.refresh_from_db()
    assert (statement.title_en, statement.title_ar) == ("First title", "العنوان الأول")
    assert statement.body_ar == '<p dir="rtl">النص الأول</p>'
    assert statement.history.count() == 3


def test_deleting_asks_for_confirmation_first(client, editor):
    statement = factories.StatementFactory()
    url = change_url(statement).replace("change/", "delete/")
    response = client.get(url)
    assert response.status_code == 200
    assert "Are you sure" in response.text
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_a_deleted_statement_can_be_brought_back(client, editor):
    statement = factories.StatementFactory(
        slug="to-delete", title_en="A statement to delete", title_ar="بيان سيحذف", status="draft"
    )
    client.post(change_url(statement).replace("change/", "delete/"), {"post": "yes"})
    assert not Statement.objects.filter(slug="to-delete").exists()

    listing = client.get("/en/admin/statements/statement/deleted/")
    assert "A statement to delete" in listing.text
    record = Statement.history.filter(slug="to-delete", history_type="-").get()
    response = client.post(f"/en/admin/statements/statement/deleted/{record.history_id}/restore/")
    assert response.status_code == 302
    restored = Statement.objects.get(slug="to-delete")
    assert restored.title_ar == "بيان سيحذف"
    assert list(client.get("/en/admin/statements/statement/deleted/").context["records"]) == []


def test_an_editor_restoring_a_published_item_gets_a_draft(client, editor):
    statement = factories.StatementFactory(slug="was-public", status="published")
    statement.delete()
    record = Statement.history.filter(slug="was-public", history_type="-").get()
    client.post(f"/en/admin/statements/statement/deleted/{record.history_id}/restore/")
    assert Statement.objects.get(slug="was-public").status == "draft"


def test_a_deleted_initiative_comes_back_with_its_countries_and_goals(client, publisher):
    initiative = factories.InitiativeFactory(slug="with-roles")
    factories.InitiativeCountryFactory(initiative=initiative)
    initiative.sdgs.set([3, 5])
    initiative.save()  # record the goals in the history
    client.post(change_url(initiative).replace("change/", "delete/"), {"post": "yes"})
    assert not Initiative.objects.filter(slug="with-roles").exists()
    record = Initiative.history.filter(slug="with-roles", history_type="-").get()
    client.post(f"/en/admin/initiatives/initiative/deleted/{record.history_id}/restore/")
    restored = Initiative.objects.get(slug="with-roles")
    assert [r.country.iso2 for r in restored.country_roles.all()] == ["KE"]
    assert sorted(g.number for g in restored.sdgs.all()) == [3, 5]


def test_import_creates_history_too(demo_content):
    statement = Statement.objects.get(slug="unesco-dg-message-2005")
    assert statement.history.count() == 1
    call_command("import_content", "demo/content.json", verbosity=0)
    assert statement.history.count() == 2
