"""Editors work in the admin, in both languages, under /en/admin/ and /ar/admin/."""

import re

import pytest
from django.contrib.auth.models import Permission, User

from initiatives.models import Initiative
from statements.models import Statement

from .. import factories
from ..admin_forms import opened_version

pytestmark = pytest.mark.django_db


def form_control(html, name):
    """The opening tag of the input or textarea called `name`."""
    match = re.search(rf'<(?:input|textarea)[^>]*\bname="{name}"[^>]*>', html)
    assert match, f"no control named {name}"
    return match.group(0)


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="a long editor password", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                "view_statement",
                "change_statement",
                "add_initiative",
                "change_initiative",
                "view_initiative",
                "view_country",
                "view_organization",
                "add_initiativecountry",
                "change_initiativecountry",
                "view_initiativecountry",
            ]
        )
    )
    client.force_login(user)
    return user


def test_admin_login_page_is_right_to_left_under_ar(client):
    response = client.get("/ar/admin/login/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text


def test_editor_can_log_in_with_a_password_at_ar_admin(client):
    User.objects.create_user("editor", password="a long editor password", is_staff=True)
    response = client.post(
        "/ar/admin/login/?next=/ar/admin/",
        {"username": "editor", "password": "a long editor password", "next": "/ar/admin/"},
    )
    assert response.status_code == 302 and response["Location"] == "/ar/admin/"
    assert client.get("/ar/admin/").status_code == 200


def test_change_form_has_tabbed_fields_typed_in_their_direction(client, editor):
    statement = factories.StatementFactory()
    response = client.get(f"/ar/admin/statements/statement/{statement.pk}/change/")
    assert response.status_code == 200
    html = response.text
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html and "cdn" not in html.lower()
    assert 'dir="rtl"' in form_control(html, "title_ar")
    assert 'dir="ltr"' in form_control(html, "title_en")
    body_ar = form_control(html, "body_ar")
    assert 'lang="ar"' in body_ar and 'dir="rtl"' in body_ar
    assert 'dir="ltr"' in form_control(html, "body_en")
    # Fields that are not translated keep the page's own direction, but for
    # addresses and slugs, which read left to right in every language.
    assert "dir=" not in form_control(html, "document_symbol")
    assert 'dir="ltr"' in form_control(html, "slug")


def test_editor_edits_a_statement_in_both_languages(client, editor):
    statement = factories.StatementFactory(slug="message-2023")
    url = f"/ar/admin/statements/statement/{statement.pk}/change/"
    data = {
        "title_en": "Message for the Day",
        "title_ar": "رسالة بمناسبة اليوم",
        "slug": "message-2023",
        "status": "draft",
        "body_en": "<p>Solidarity.</p>",
        "body_ar": '<p dir="rtl">التضامن.</p><script>alert(1)</script>',
        "speaker_en": "Speaker",
        "speaker_ar": "المتحدث",
        "speaker_title_en": "",
        "speaker_title_ar": "",
        "organization": "",
        "kind": "message",
        "delivered_on": "2023-09-12",
        "event": "",
        "text_kind": "full-text",
        "original_language": "ar",
        "source_url": "",
        "_opened_version": opened_version(client, url),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement.refresh_from_db()
    assert statement.title_en == "Message for the Day"
    assert statement.title_ar == "رسالة بمناسبة اليوم"
    assert statement.body_ar == '<p dir="rtl">التضامن.</p>'
    assert statement.original_language == "ar"


def test_editor_adds_an_initiative_with_countries_inline(client, editor):
    kenya = factories.country("KE")
    data = {
        "title_en": "",
        "title_ar": "مبادرة الري",
        "slug": "irrigation",
        "status": "draft",
        "summary_en": "",
        "summary_ar": "",
        "description_en": "",
        "description_ar": "",
        "modality": "bilateral",
        "stage": "planned",
        "start_date": "",
        "end_date": "",
        "sdgs": ["2", "6"],
        "source_url": "",
        "country_roles-TOTAL_FORMS": "1",
        "country_roles-INITIAL_FORMS": "0",
        "country_roles-0-country": str(kenya.pk),
        "country_roles-0-role": "recipient",
        "partner_roles-TOTAL_FORMS": "0",
        "partner_roles-INITIAL_FORMS": "0",
    }
    response = client.post("/en/admin/initiatives/initiative/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative = Initiative.objects.get(slug="irrigation")
    assert initiative.title_ar == "مبادرة الري"
    assert [r.country.iso2 for r in initiative.country_roles.all()] == ["KE"]
    assert sorted(g.number for g in initiative.sdgs.all()) == [2, 6]


def test_country_autocomplete_finds_arabic_and_english_names(client, editor):
    url = "/ar/admin/autocomplete/"
    params = {
        "app_label": "initiatives",
        "model_name": "initiativecountry",
        "field_name": "country",
    }
    arabic = client.get(url, {**params, "term": "كينيا"}).json()
    english = client.get(url, {**params, "term": "Kenya"}).json()
    kenya = str(factories.country("KE").pk)
    assert kenya in [r["id"] for r in arabic["results"]]
    assert kenya in [r["id"] for r in english["results"]]


def test_changelist_search_covers_both_languages(client, editor):
    factories.StatementFactory(title_en="Solidarity message", title_ar="رسالة التضامن")
    factories.StatementFactory(title_en="Other", title_ar="أخرى")
    for term in ["Solidarity", "التضامن"]:
        response = client.get("/ar/admin/statements/statement/", {"q": term})
        assert response.status_code == 200
        assert response.context["cl"].result_count == 1
    assert Statement.objects.count() == 2
