"""No lost update in the admin (issue 12, item 3): optimistic locking of every content
change form, short lock waits for admin requests, one import at a time."""

import psycopg
import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from exchange.document import ImportFailed
from exchange.importer import IMPORT_LOCK, import_content
from initiatives.models import Initiative
from statements.models import Statement

from .. import factories
from ..admin_forms import change_form_data
from ..exchange.test_exchange import demo_document

pytestmark = pytest.mark.django_db


def staff_client(name):
    client = Client()
    client.force_login(User.objects.create_superuser(name, password=f"a long password {name}"))
    return client


@pytest.fixture
def alice():
    return staff_client("alice")


@pytest.fixture
def bob():
    return staff_client("bob")


def initiative_url(initiative):
    return f"/en/admin/initiatives/initiative/{initiative.pk}/change/"


@pytest.fixture
def initiative():
    item = factories.InitiativeFactory(title_en="Original title")
    factories.InitiativeCountryFactory(initiative=item)
    item.sdgs.set([1, 2])
    return item


def test_the_change_form_carries_the_version_it_was_opened_at(alice, initiative):
    data = change_form_data(alice, initiative_url(initiative))
    assert len(data["_opened_version"]) == 32


def test_a_stale_save_is_refused_and_shows_what_changed(alice, bob, initiative):
    url = initiative_url(initiative)
    alices, bobs = change_form_data(alice, url), change_form_data(bob, url)

    alices["title_en"] = "Alice's title"
    alices["country_roles-0-role"] = "provider"
    assert alice.post(url, alices).status_code == 302

    bobs["title_en"] = "Bob's title"
    response = bob.post(url, bobs)
    assert response.status_code == 200
    html = response.text
    assert "Someone else saved this item after you opened it" in html
    assert "Alice&#x27;s title" in html and "Bob&#x27;s title" in html
    assert "Provider" in html  # the country role Alice changed, stored now
    initiative.refresh_from_db()
    assert initiative.title_en == "Alice's title"
    assert initiative.country_roles.get().role == "provider"


def test_the_refused_form_keeps_the_editors_values_and_saving_it_again_merges(
    alice, bob, initiative
):
    url = initiative_url(initiative)
    alices, bobs = change_form_data(alice, url), change_form_data(bob, url)
    alices["summary_en"] = "Alice's summary"
    alice.post(url, alices)
    bobs["title_en"] = "Bob's title"
    refused = bob.post(url, bobs)
    assert 'value="Bob&#x27;s title"' in refused.text
    # Bob keeps Alice's summary and his title: the form comes back to him, he merges.
    merged = change_form_data_from(bob, refused.text)
    merged["summary_en"] = "Alice's summary"
    assert bob.post(url, merged).status_code == 302
    initiative.refresh_from_db()
    assert (initiative.title_en, initiative.summary_en) == ("Bob's title", "Alice's summary")


def change_form_data_from(client, html):
    from ..admin_forms import _FormReader

    reader = _FormReader()
    reader.feed(html.split('id="content-main"', 1)[1])
    data = {k: v if len(v) != 1 else v[0] for k, v in reader.data.items()}
    data["_save"] = "Save"
    return data


def test_many_to_many_changes_are_protected_too(alice, bob, initiative):
    url = initiative_url(initiative)
    alices, bobs = change_form_data(alice, url), change_form_data(bob, url)
    alices["sdgs"] = ["5"]
    alice.post(url, alices)
    bobs["title_en"] = "Bob's title"
    response = bob.post(url, bobs)
    assert "Someone else saved this item" in response.text
    assert list(initiative.sdgs.values_list("number", flat=True)) == [5]


def test_a_stale_save_cannot_put_back_a_withdrawn_title(alice, bob):
    statement = factories.StatementFactory(title_en="Premature title")
    url = f"/en/admin/statements/statement/{statement.pk}/change/"
    alices, bobs = change_form_data(alice, url), change_form_data(bob, url)
    alices["title_en"] = "Agreed title"
    alices["status"] = "draft"
    alice.post(url, alices)
    bobs["speaker_en"] = "Another speaker"
    assert "Someone else saved" in bob.post(url, bobs).text
    statement.refresh_from_db()
    assert (statement.title_en, statement.status) == ("Agreed title", "draft")


def test_a_form_sent_back_for_a_mistake_still_remembers_when_it_was_opened(alice, bob, initiative):
    url = initiative_url(initiative)
    alices, bobs = change_form_data(alice, url), change_form_data(bob, url)
    alices["title_en"] = "Alice's title"
    alice.post(url, alices)
    bobs["start_date"] = "not a date"  # a mistake
    mistake = bob.post(url, bobs)
    assert mistake.status_code == 200 and "Someone else saved" not in mistake.text
    corrected = change_form_data_from(bob, mistake.text)
    corrected["title_en"] = "Bob's title"
    corrected["start_date"] = "2020-01-01"
    assert "Someone else saved" in bob.post(url, corrected).text
    initiative.refresh_from_db()
    assert initiative.title_en == "Alice's title"


def test_saving_without_a_concurrent_change_works(alice, initiative):
    url = initiative_url(initiative)
    data = change_form_data(alice, url)
    data["title_en"] = "New title"
    assert alice.post(url, data).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).title_en == "New title"


def other_connection():
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=False,
    )


def test_an_admin_save_waiting_on_a_lock_gives_up_with_a_message(alice, settings):
    settings.ADMIN_LOCK_TIMEOUT = "200ms"
    egypt = factories.country("EG")
    url = f"/en/admin/initiatives/country/{egypt.pk}/change/"
    data = change_form_data(alice, url)
    data["name_en"] = "Egypt (renamed)"
    # Another transaction (an import, say) holds Egypt's row, committed reference
    # data: the admin's UPDATE waits for it, a short while only.
    with other_connection() as other:
        other.execute("SELECT 1 FROM initiatives_country WHERE iso2 = 'EG' FOR UPDATE")
        response = alice.post(url, data)
        other.rollback()
    assert response.status_code == 200
    assert "being changed by another process" in response.text
    assert 'value="Egypt (renamed)"' in response.text
    egypt.refresh_from_db()
    assert egypt.name_en == "Egypt"


def test_an_admin_action_waiting_on_a_lock_gives_up_with_a_message(alice, settings):
    settings.ADMIN_LOCK_TIMEOUT = "200ms"
    egypt = factories.country("EG")
    with other_connection() as other:
        other.execute("SELECT 1 FROM initiatives_country WHERE iso2 = 'EG' FOR UPDATE")
        response = alice.post(
            f"/en/admin/initiatives/country/{egypt.pk}/delete/", {"post": "yes"}, follow=True
        )
        other.rollback()
    assert response.status_code == 200
    assert "nothing was changed. Try again in a minute." in response.text


def test_a_second_import_at_the_same_time_is_refused_with_a_message():
    with other_connection() as other:
        other.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])
        import json

        with pytest.raises(ImportFailed) as refused:
            import_content(json.dumps(demo_document()))
        other.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK])
    assert refused.value.report.errors == [
        "$: another import is running; try again when it has finished"
    ]
    assert not Statement.objects.exists()
