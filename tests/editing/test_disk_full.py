"""An admin save the database cannot store (its disk is full) says so and keeps the
editor's work (issue 28, part 7; the whole drill is bench/disk_full.py).

PostgreSQL refuses to extend a table on a full disk with SQLSTATE 53100
(disk_full). Such an error used to reach the site's handler as any
OperationalError does: a 503 page saying the database is unavailable, and the
editor's form lost. Here a trigger raises that error, as a full disk would.
"""

import contextlib

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from statements.models import Statement

from .. import factories
from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db

MESSAGE = "The database cannot store anything at the moment (its disk is full)"
URL = "/en/admin/statements/statement/"


@pytest.fixture
def publisher():
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("pub", password="a long password pub"))
    return client


def test_a_change_is_refused_with_a_message_and_the_form_kept(publisher):
    statement = factories.StatementFactory(title_en="Stored title")
    url = f"{URL}{statement.pk}/change/"
    data = change_form_data(publisher, url)
    data["title_en"] = "The editor's title"
    with _disk_full():
        response = publisher.post(url, data)
    assert response.status_code == 200
    assert MESSAGE in response.text
    assert 'value="The editor&#x27;s title"' in response.text
    statement.refresh_from_db()
    assert statement.title_en == "Stored title"
    assert statement.history.count() == 1


def test_an_addition_is_refused_with_a_message(publisher):
    data = change_form_data(publisher, f"{URL}add/")
    data.update(
        {
            "title_en": "Written on a full disk",
            "slug": "full-disk",
            "kind": "statement",
            "delivered_on": "2026-11-23",
            "original_language": "en",
            "text_kind": "full-text",
        }
    )
    with _disk_full():
        response = publisher.post(f"{URL}add/", data)
    assert response.status_code == 200
    assert MESSAGE in response.text
    assert not Statement.objects.filter(slug="full-disk").exists()


def test_a_deletion_and_an_action_are_refused_with_a_message(publisher):
    statement = factories.StatementFactory(status="draft")
    with _disk_full():
        deleted = publisher.post(f"{URL}{statement.pk}/delete/", {"post": "yes"}, follow=True)
        published = publisher.post(
            URL, {"action": "publish_selected", "_selected_action": [statement.pk]}, follow=True
        )
    for response in (deleted, published):
        assert response.status_code == 200
        assert MESSAGE in response.text
    statement.refresh_from_db()
    assert statement.status == "draft"


@contextlib.contextmanager
def _disk_full():
    """Every write to the statements table fails as on a full disk."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE FUNCTION test_disk_is_full() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'could not extend file: No space left on device'
                    USING ERRCODE = 'disk_full';
            END $$;
            CREATE TRIGGER test_disk_is_full BEFORE INSERT OR UPDATE OR DELETE
                ON statements_statement FOR EACH ROW EXECUTE FUNCTION test_disk_is_full();
            """
        )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TRIGGER test_disk_is_full ON statements_statement;"
                "DROP FUNCTION test_disk_is_full();"
            )
