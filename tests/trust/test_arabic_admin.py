"""The admin in Arabic: every label translated, language names, dates, the import's edits."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from exchange.importer import import_content
from initiatives.models import Organization
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client):
    user = User.objects.create_superuser("chief", password="a chief's long password")
    client.force_login(user)
    return user


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_sign_in_records_section_is_named_in_the_admins_language(client, chief):
    assert "سجلات تسجيل الدخول" in html_of(client, "/ar/admin/")
    assert ">Axes<" not in html_of(client, "/ar/admin/")
    assert "محظور الدخول" in html_of(client, "/ar/admin/axes/accessattempt/")


def test_original_language_is_picked_by_name_and_kept_as_a_code(client, chief):
    statement = factories.StatementFactory(original_language="pt")
    html = html_of(client, f"/ar/admin/statements/statement/{statement.pk}/change/")
    select = re.search(r'<select name="original_language".*?</select>', html, re.S).group(0)
    assert '<option value="ar">العربية</option>' in select
    assert '<option value="en">الإنجليزية</option>' in select
    assert re.search(r'<option value="fr">[^<]*فرنس', select), "the UN's languages are offered"
    # A code stored by an import stays, named, and selected.
    assert re.search(r'<option value="pt" selected>[^<]*برتغال', select)


def test_the_statement_list_names_languages_and_has_no_slug_column(client, chief):
    factories.StatementFactory(slug="in-arabic", original_language="ar", title_ar="بيان عربي")
    factories.StatementFactory(slug="in-english", original_language="en")
    html = html_of(client, "/ar/admin/statements/statement/")
    assert "column-slug" not in html and "in-arabic" not in html.split('id="result_list"')[1]
    assert '<td class="field-original_language_name">العربية</td>' in html
    assert 'href="?original_language=ar"' in html
    filtered = html_of(client, "/ar/admin/statements/statement/?original_language=ar")
    assert "بيان عربي" in filtered and "Statement" not in filtered.split('id="result_list"')[1]


@pytest.mark.parametrize(
    "path", ["initiatives/initiative", "events/event", "resources/resource", "pages/page"]
)
def test_no_content_list_shows_the_slug_column(client, chief, path):
    assert "column-slug" not in html_of(client, f"/en/admin/{path}/")


def test_addresses_are_typed_left_to_right_in_the_arabic_admin(client, chief):
    statement = factories.StatementFactory()
    html = html_of(client, f"/ar/admin/statements/statement/{statement.pk}/change/")
    for name in ("source_url", "video_url", "slug"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'dir="ltr"' in tag, name


def test_history_dates_are_in_the_sites_format(client, chief):
    statement = factories.StatementFactory()
    when = datetime.datetime(2026, 12, 2, 2, 9, tzinfo=datetime.UTC)
    statement.history.update(history_date=when)
    path = f"statements/statement/{statement.pk}/history/"
    assert "2 December 2026, 02:09" in html_of(client, f"/en/admin/{path}")
    assert "2 ديسمبر 2026، 02:09" in html_of(client, f"/ar/admin/{path}")
    assert "a.m." not in html_of(client, f"/en/admin/{path}")


def test_a_change_made_by_the_import_is_attributed_to_it(client, chief):
    document = {
        "format": "sscportal-content",
        "version": 2,
        "organizations": [{"key": "un", "name": {"en": "United Nations"}, "kind": "un-entity"}],
    }
    import_content(json.dumps(document))
    organization = Organization.objects.get(key="un")
    assert organization.history.get().history_change_reason == "import"
    html = html_of(client, f"/ar/admin/initiatives/organization/{organization.pk}/history/")
    assert "الاستيراد" in html and "مستورد من ملف محتوى" in html
    assert "لا شيء" not in html


def test_a_change_saved_in_the_admin_still_names_its_editor(client, chief):
    statement = factories.StatementFactory()
    statement.history.update(history_user=chief, history_date=timezone.now())
    html = html_of(client, f"/en/admin/statements/statement/{statement.pk}/history/")
    assert ">chief</a>" in html and "The import" not in html
    assert Statement.objects.count() == 1
