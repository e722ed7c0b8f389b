"""The editing experience in the admin: the rich-text editor's wiring, the
translation column, filter and dashboard, and the admin's Arabic."""

import json
import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.utils import translation

from events.models import Event
from initiatives.models import Initiative, Organization
from sscportal.admin_toolkit.model_admin import HistoryAdmin
from sscportal.admin_toolkit.translation_status import missing_languages, translated_text_fields
from sscportal.text import sanitize
from sscportal.text.rich_text import EDITOR_TAGS, TOOLBAR_LABELS
from statements.models import Statement

from .. import factories
from ..admin_forms import opened_version
from .test_admin import form_control

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("chief", password="a long chief password")
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
        "speaker_ar": statement.speaker_ar or "",
        "speaker_title_en": "",
        "speaker_title_ar": "",
        "organization": "",
        "kind": statement.kind,
        "delivered_on": "2023-09-12",
        "event": "",
        "original_language": "en",
        "source_url": "",
        "text_kind": "full-text",
    }
    return data | changes


# --- The rich-text editor ------------------------------------------------------


def test_editor_tags_are_within_the_sanitizer_allowlist():
    assert EDITOR_TAGS <= sanitize.ALLOWED_TAGS


def test_every_rich_text_field_of_every_admin_gets_the_editor_in_both_languages(client, superuser):
    """Automatic: any admin on the shared base, any field in `rich_text_fields`."""
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, HistoryAdmin) or not getattr(model, "rich_text_fields", ()):
            continue
        opts = model._meta
        html = client.get(f"/ar/admin/{opts.app_label}/{opts.model_name}/add/").text
        for field in model.rich_text_fields:
            arabic = form_control(html, f"{field}_ar")
            english = form_control(html, f"{field}_en")
            assert "data-rich-text=" in arabic and 'dir="rtl"' in arabic and 'lang="ar"' in arabic
            assert "data-rich-text=" in english and 'dir="ltr"' in english
            checked += 1
        # Other text fields (a title, a name, a theme) stay plain inputs.
        plain = [f for f in translated_text_fields(model) if f not in model.rich_text_fields]
        assert "data-rich-text" not in form_control(html, f"{plain[0]}_ar")
    assert checked >= 3  # initiatives, events, statements


def test_editor_assets_are_served_from_this_site_as_a_module(client, superuser):
    html = client.get("/en/admin/statements/statement/add/").text
    assert '<script src="/static/admin-editor/rich-text.js" type="module">' in html
    assert "/static/django_prose_editor/editor.css" in html
    # No import map, no inline script: the CSP stays as it is.
    assert "importmap" not in html
    # The module imports the bundle by a path relative to itself, which both exist.
    module = Path(finders.find("admin-editor/rich-text.js"))
    assert 'from "../django_prose_editor/editor.js"' in module.read_text()
    assert finders.find("django_prose_editor/editor.js")


def test_toolbar_labels_are_in_the_admins_language(client, superuser):
    html = client.get("/ar/admin/statements/statement/add/").text
    config = json.loads(unescape(re.search(r'data-rich-text="([^"]*)"', html).group(1)))
    assert config["labels"]["bold"] == "غامق"
    assert config["labels"]["ordered list"] == "قائمة مرقّمة"
    with translation.override("ar"):
        untranslated = [key for key, label in TOOLBAR_LABELS.items() if str(label) == key]
    assert untranslated == []


# --- Translation status ----------------------------------------------------------


def test_translated_fields_come_from_modeltranslation():
    assert translated_text_fields(Statement) == [
        "title",
        "body",
        "speaker",
        "speaker_title",
        "delivered_by",
        "outlet",
    ]
    assert "description" in translated_text_fields(Initiative)
    assert "slug" not in translated_text_fields(Initiative)


def test_missing_languages_of_an_item():
    assert missing_languages(Statement(title_en="A", title_ar="ب")) == []
    assert missing_languages(Statement(title_en="A", title_ar="ب", body_en="<p>x</p>")) == ["ar"]
    assert missing_languages(Statement(title_ar="ب")) == ["en"]
    assert missing_languages(Statement(title_en="A", speaker_ar="ج")) == ["en", "ar"]


@pytest.fixture
def statements_in_each_state():
    both = factories.StatementFactory(slug="both", speaker_ar="متحدث")
    english_only = factories.StatementFactory(slug="english-only", title_ar="", body_ar="")
    arabic_only = factories.StatementFactory(
        slug="arabic-only", title_en="", body_en="", speaker_en="", speaker_ar="متحدث"
    )
    return both, english_only, arabic_only


@pytest.mark.parametrize(
    "value, slugs",
    [
        ("needs_ar", {"english-only"}),
        ("needs_en", {"arabic-only"}),
        ("complete", {"both"}),
        (None, {"both", "english-only", "arabic-only"}),
    ],
)
def test_translation_filter(client, superuser, statements_in_each_state, value, slugs):
    query = f"?translation={value}" if value else ""
    response = client.get(f"/en/admin/statements/statement/{query}")
    assert response.status_code == 200
    shown = {item.slug for item in response.context["cl"].result_list}
    assert shown == slugs


def test_translation_column_says_what_is_missing(client, superuser, statements_in_each_state):
    html = client.get("/ar/admin/statements/statement/").text
    cells = re.findall(r'<td class="field-translation_status">([^<]*)</td>', html)
    assert sorted(cells) == sorted(["باللغتين", "تحتاج إلى العربية", "تحتاج إلى الإنجليزية"])
    assert "حسب الترجمة" in html


def dashboard(html):
    section = re.search(r'<section class="module translation-dashboard".*?</section>', html, re.S)
    assert section, "no translation dashboard"
    return section.group(0)


def test_dashboard_counts_link_to_the_filtered_lists(client, superuser, statements_in_each_state):
    factories.InitiativeFactory(slug="english-initiative", title_ar="", summary_ar="")
    html = dashboard(client.get("/en/admin/").text)
    row = re.search(
        r"<tr>\s*<th scope=\"row\"><a href=\"/en/admin/statements/statement/\">"
        r"Statements</a></th>(.*?)</tr>",
        html,
        re.S,
    )
    assert row, html
    cells = re.findall(r'<td class="count">(.*?)</td>', row.group(1), re.S)
    assert cells == [
        "3",
        '<a href="/en/admin/statements/statement/?translation=needs_en">1</a>',
        '<a href="/en/admin/statements/statement/?translation=needs_ar">1</a>',
    ]
    assert '/en/admin/initiatives/initiative/?translation=needs_ar">1</a>' in html
    # Every translated content list is there, reference data is not.
    for model in (Initiative, Event, Statement, Organization):
        assert f'/en/admin/{model._meta.app_label}/{model._meta.model_name}/"' in html
    assert "/country/" not in html


def test_dashboard_query_count_does_not_grow_with_content(
    client, superuser, django_assert_max_num_queries
):
    client.get("/en/admin/")  # session, user, content types warmed up
    # 12, and the publishing schedule's one query per publishable type (8).
    with django_assert_max_num_queries(20) as few:
        client.get("/en/admin/")
    factories.StatementFactory.create_batch(15, title_ar="")
    factories.InitiativeFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/admin/")


def test_dashboard_shows_only_lists_the_user_may_view(client):
    user = User.objects.create_user("viewer", password="a long viewer password", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(user)
    html = dashboard(client.get("/en/admin/").text)
    assert "/statements/statement/" in html
    assert "/initiatives/initiative/" not in html


def test_changelist_with_translation_column_stays_within_its_queries(
    client, superuser, django_assert_max_num_queries
):
    factories.StatementFactory.create_batch(20, title_ar="")
    with django_assert_max_num_queries(14):
        response = client.get("/en/admin/statements/statement/?translation=needs_ar")
    assert len(response.context["cl"].result_list) == 20


# --- The admin's Arabic -------------------------------------------------------------


def test_django_arabic_catalogue_says_added_on_a_change():
    """The defect: Django's own Arabic for "changed" reads "added"."""
    catalogue = polib.pofile(str(Path(admin.__file__).parent / "locale/ar/LC_MESSAGES/django.po"))
    arabic = {entry.msgid: entry.msgstr for entry in catalogue}
    changed = arabic["The {name} “{obj}” was changed successfully."]
    assert changed == arabic["The {name} “{obj}” was added successfully."]
    assert "إضافة" in changed  # "addition"


def test_arabic_admin_says_changed_not_added_after_a_change(client, superuser):
    statement = factories.StatementFactory(speaker_ar="متحدث")
    response = client.post(
        f"/ar/admin/statements/statement/{statement.pk}/change/",
        statement_form(
            statement,
            title_ar="عنوان جديد",
            _opened_version=opened_version(
                client, f"/ar/admin/statements/statement/{statement.pk}/change/"
            ),
        ),
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1
    assert messages[0].startswith("تم تعديل البيان")
    assert "إضافة" not in messages[0]


def test_admin_header_names_the_site_with_its_logo(client, superuser):
    for language, name in [
        ("en", "South-South Cooperation"),
        ("ar", "التعاون فيما بين بلدان الجنوب"),
    ]:
        html = client.get(f"/{language}/admin/").text
        assert "/static/img/admin-logo.svg" in html
        assert f'<span class="admin-brand__name">{name}</span>' in html
        assert "Django" not in html.split("<body", 1)[1].split("</header>", 1)[0]


def test_history_page_has_no_untranslated_none_and_no_inline_style(client, superuser):
    statement = factories.StatementFactory()
    html = client.get(f"/ar/admin/statements/statement/{statement.pk}/history/").text
    assert "التغييرات" in html
    assert not re.search(r"<td>\s*None\s*</td>", html)
    assert 'style="' not in html
