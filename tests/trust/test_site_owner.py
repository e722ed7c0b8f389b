"""Who publishes the site, its legal pages, and when each page was last updated."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import translation

from pages.legal import LEGAL_SLUGS, create_legal_pages
from pages.models import Page
from sscportal.configuration.env import env_email, env_static_file

from .. import factories

pytestmark = pytest.mark.django_db


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def footer_of(html):
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


@pytest.mark.parametrize(
    ("language", "publisher"),
    [("en", "Publisher:"), ("ar", "الناشر:")],
)
def test_every_page_names_its_publisher_in_the_header_and_the_footer(client, language, publisher):
    html = html_of(client, f"/{language}/")
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    name = {"en": "sscportal editorial team", "ar": "فريق تحرير بوابة التعاون"}[language]
    assert publisher in header and name in header
    footer = footer_of(html)
    assert name in footer
    assert 'href="mailto:editors@sscportal.example"' in footer
    assert 'src="/static/img/logo-ink.svg"' in footer


def test_the_owner_comes_from_the_settings_and_an_address_is_shown_once_set(client, settings):
    settings.SITE_OWNER_NAME = {"en": "Example Office", "ar": ""}
    settings.SITE_OWNER_ADDRESS = {"en": "1 Example Plaza\nNew York", "ar": ""}
    settings.SITE_OWNER_EMAIL = "info@example.org"
    html = " ".join(html_of(client, "/ar/").split())
    # No Arabic name configured: the English one, marked as English.
    assert '<strong lang="en" dir="ltr">Example Office</strong>' in html
    assert "1 Example Plaza<br>New York" in footer_of(html)
    assert "mailto:info@example.org" in html


def test_a_mistyped_owner_setting_stops_the_site_from_starting(monkeypatch):
    monkeypatch.setenv("SITE_OWNER_EMAIL", "editors at example")
    with pytest.raises(ImproperlyConfigured, match="SITE_OWNER_EMAIL"):
        env_email("SITE_OWNER_EMAIL", "x@example.org")
    monkeypatch.setenv("SITE_OWNER_EMBLEM", "img/missing.svg")
    static = Path(__file__).resolve().parents[2] / "static"
    with pytest.raises(ImproperlyConfigured, match="SITE_OWNER_EMBLEM"):
        env_static_file("SITE_OWNER_EMBLEM", "img/logo-ink.svg", static)


def test_load_reference_data_creates_the_legal_pages_published_in_both_languages():
    call_command("load_reference_data", verbosity=0)
    pages = Page.objects.filter(slug__in=LEGAL_SLUGS).order_by("order")
    assert [page.slug for page in pages] == list(LEGAL_SLUGS)
    for page in pages:
        assert page.status == "published"
        assert page.title_en and page.title_ar and page.body_en and page.body_ar


def test_running_it_again_leaves_an_edited_or_unpublished_legal_page_as_it_is():
    create_legal_pages()
    Page.objects.filter(slug="privacy").update(body_ar="<p>نص حرّره المحرر.</p>")
    Page.objects.filter(slug="terms-of-use").update(status="draft")
    assert create_legal_pages() == 0
    assert Page.objects.get(slug="privacy").body_ar == "<p>نص حرّره المحرر.</p>"
    assert Page.objects.get(slug="terms-of-use").status == "draft"
    Page.objects.filter(slug="content-licence").delete()
    assert create_legal_pages() == 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_footer_links_the_legal_pages_apart_from_the_about_pages(client, language):
    create_legal_pages()
    factories.PageFactory(slug="about", title_en="About the Day")
    footer = footer_of(html_of(client, f"/{language}/statements/"))
    legal = re.search(r'<ul class="footer-legal">.*?</ul>', footer, re.S).group(0)
    about = re.search(r'<ul class="footer-links">.*?</ul>', footer, re.S).group(0)
    for slug in LEGAL_SLUGS:
        assert f'href="/{language}/pages/{slug}/"' in legal
        assert slug not in about
    assert f'href="/{language}/pages/about/"' in about


def test_the_privacy_notice_says_what_is_kept_and_that_nothing_else_is(client):
    create_legal_pages()
    text = html_of(client, "/en/pages/privacy/")
    for kept in ("IP address", "history", "30 days", "unsubscribe in one click", "no analytics"):
        assert kept in text
    arabic = html_of(client, "/ar/pages/privacy/")
    assert "إلغاء الاشتراك" in arabic and "IP" not in re.sub(r"<[^>]+>", "", arabic)


def test_the_content_licence_is_the_one_the_open_data_states(client, settings):
    create_legal_pages()
    licence = html_of(client, "/en/pages/content-licence/")
    data = html_of(client, "/en/data/")
    assert settings.CONTENT_LICENSE_URL in licence and settings.CONTENT_LICENSE_URL in data
    assert settings.CONTENT_LICENSE_NAME in licence
    assert "المشاع الإبداعي" in html_of(client, "/ar/pages/content-licence/")


def test_a_content_page_says_when_it_was_last_updated_once(client):
    statement = factories.StatementFactory()
    with translation.override("ar"):
        html = html_of(client, statement.get_absolute_url())
    day = statement.updated_at.date().isoformat()
    assert html.count("آخر تحديث لهذه الصفحة في") == 1
    assert f'<time datetime="{day}">' in footer_of(html)


def test_a_list_page_has_no_last_updated_line(client):
    factories.StatementFactory()
    assert "last updated" not in html_of(client, "/en/statements/")


def test_the_demo_content_still_loads_into_a_database_with_only_the_legal_pages():
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    # Once the demo is there, it is content: a second run leaves its edits alone.
    Page.objects.filter(slug="about-the-day").update(title_en="Edited")
    call_command("load_demo_content", verbosity=0)
    assert Page.objects.get(slug="about-the-day").title_en == "Edited"
