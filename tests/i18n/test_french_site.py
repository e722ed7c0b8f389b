"""A third language is a settings change: the site with French added, end to end.

A copy of the tracked tree is given French the way an operator would add it:
a settings module that extends LANGUAGES and SEARCH_LANGUAGES, a catalogue of
a dozen strings (compiled), and the migrations `makemigrations` writes for
the new columns. Migrated into a database of its own on the test server,
loaded with the reference data and the demo content, and given French text
through the exchange format, the copy must then serve, as in production
(DEBUG off, static files collected), every page type under /fr/, its feeds,
calendars and sitemaps, its admin, its search and its export, in French.

It takes a minute or two: `pytest -m french_site` runs it alone,
`-m "not french_site"` leaves it out.
"""

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
from django.db import connection

from bench.postgres_programs import database_url

# The scratch database sits on the test database's server, which pytest-django
# sets up only for a session holding a test marked django_db.
pytestmark = [pytest.mark.french_site, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]

# Written into the copy only. Everything the site derives from LANGUAGES
# must follow from these lines.
SETTINGS = '''"""The site with French added (written by tests/i18n/test_french_site.py)."""

from django.utils.translation import gettext_lazy as _

from sscportal.settings import *  # noqa: F403
from sscportal.settings import LANGUAGES, SEARCH_LANGUAGES, language_fallbacks

LANGUAGES = [*LANGUAGES, ("fr", _("French"))]
SEARCH_LANGUAGES = {**SEARCH_LANGUAGES, "fr": {"configuration": "french"}}
MODELTRANSLATION_FALLBACK_LANGUAGES = language_fallbacks(LANGUAGES)
'''

# Interface strings a French reader (or editor) meets: (context, message, French).
# The languages' names come from Django's own catalogue.
CATALOGUE = [
    (None, "South-South Cooperation", "Coopération Sud-Sud"),
    (None, "Initiatives, events and statements", "Initiatives, événements et déclarations"),
    (None, "Skip to content", "Aller au contenu"),
    (None, "Main", "Navigation principale"),
    (None, "Search", "Rechercher"),
    (None, "Countries", "Pays"),
    (None, "Events", "Événements"),
    (None, "Statements", "Déclarations"),
    (None, "Resources", "Ressources"),
    (None, "Organizations", "Organisations"),
    (None, "Read %(languages)s side by side", "Lire %(languages)s côte à côte"),
    ("list of names", "%(names)s and %(last)s", "%(names)s et %(last)s"),
    (None, "Needs %(language)s", "À traduire en %(language)s"),
]

# French text entered in the copy's database, through the exchange format.
INITIATIVE = "china-unossc-climate-smart-agriculture-africa"
INITIATIVE_TITLE = "Agriculture intelligente face au climat en Afrique"
INITIATIVE_SUMMARY = (
    "Des coopératives agricoles partagent leurs semences résistantes à la sécheresse."
)
STATEMENT = "secretary-general-statement-2023"
STATEMENT_TITLE = "Message du Secrétaire général pour la Journée"
STATEMENT_BODY = "<p>La coopération Sud-Sud est une expression de solidarité entre les peuples.</p>"
# Found only through French stemming: the summary says "résistantes".
SEARCH = "/fr/search/?" + urlencode({"q": "résistance"})
# A page written in French only.
PAGE = "mentions-legales"
PAGE_TITLE = "Mentions légales"

# Run in the copy (cwd), with its settings: every page type, the admin and the
# export, as a French reader and a French-speaking editor would ask for them.
RENDER = r"""
import json, re, sys, traceback
import django
django.setup()

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from sscportal import content_types
from sscportal.admin_toolkit.translation_status import TranslationStatusMixin
from events.models import Event
from statements.models import Statement

setup_test_environment()
initiative, statement, page, search = sys.argv[2:6]
pages = []
with translation.override("fr"):
    pages += [reverse("home"), search]
    pages += [reverse(ct.list_url) for ct in content_types.with_list_pages()]
    # One item of every kind that has a page of its own.
    for ct in content_types.registered():
        item = ct.public_items().order_by("pk").first()
        if item is not None and hasattr(item, "get_absolute_url"):
            pages.append(item.get_absolute_url())
    pages.append(reverse("countries:country_detail", args=["cn"]))
    pages.append(reverse("initiatives:initiative_detail", args=[initiative]))
    pages.append(reverse("statements:statement_detail", args=[statement]))
    pages.append(reverse("statements:statement_side_by_side", args=[statement]))
    pages.append(reverse("pages:page_detail", args=[page]))
    pages += [
        reverse("statements:statement_citation", args=[statement, fmt])
        for fmt in ("json", "bib", "ris")
    ]
    pages += [reverse("statements:feed"), reverse("resources:feed"), reverse("events:calendar")]
    event = Event.objects.published().select_related("observance").order_by("pk").first()
    pages.append(reverse("events:event_ics", args=[event.observance.year, event.slug]))
    # A statement with no French text.
    other = Statement.objects.published().exclude(slug=statement).order_by("pk").first()
    fallback = other.get_absolute_url()
    pages.append(fallback)
# The French-only page, as an English reader finds it.
with translation.override("en"):
    pages.append(reverse("pages:page_detail", args=[page]))
machines = ["/sitemap.xml", "/robots.txt"]

client = Client()
answers = {}


def get(url, client=client):
    try:
        response = client.get(url)
    except Exception:
        answers[url] = {"status": None, "error": traceback.format_exc()}
        return ""
    body = response.content.decode() if not response.streaming else ""
    answers[url] = {
        "status": response.status_code,
        "type": response.get("Content-Type", ""),
        "body": body,
    }
    return body


for url in pages + machines:
    get(url)
# Every section of the sitemap index.
for section in re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", answers["/sitemap.xml"]["body"]):
    get(section.replace("&amp;", "&"))

editor = Client()
user = get_user_model().objects.create_superuser("editeur", "editeur@example.org", "x")
editor.force_login(user)
with translation.override("fr"):
    admin_pages = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        changelist = reverse(f"{name}_changelist")
        admin_pages.append(changelist)
        if isinstance(model_admin, TranslationStatusMixin):
            admin_pages.append(changelist + "?translation=needs_fr")
        item = model.objects.order_by("pk").first()
        if item is not None:
            admin_pages.append(reverse(f"{name}_change", args=[item.pk]))
            try:
                admin_pages.append(reverse(f"{name}_history", args=[item.pk]))
            except NoReverseMatch:
                pass
for url in admin_pages:
    get(url, editor)

with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(
        {"pages": pages, "admin": admin_pages, "fallback": fallback, "answers": answers}, out
    )
"""

PO_HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"""


def po_file(messages):
    def quoted(text):
        return json.dumps(text, ensure_ascii=False)

    entries = [PO_HEADER]
    for context, msgid, msgstr in messages:
        entry = f"msgctxt {quoted(context)}\n" if context else ""
        entries.append(entry + f"msgid {quoted(msgid)}\nmsgstr {quoted(msgstr)}\n")
    return "\n".join(entries)


def copy_tracked_tree(target):
    """The files git tracks, as they are in the working tree."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if not source.is_file():  # deleted in the working tree, not yet committed
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(source.read_bytes())


@pytest.fixture(scope="module")
def scratch_database(django_db_setup):
    """An empty database on the server the tests use, dropped afterwards."""
    settings = connection.settings_dict
    name = f"sscportal_french_{uuid.uuid4().hex[:8]}"
    server = database_url(settings, "postgres")
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield database_url(settings, name)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def french_site(tmp_path_factory, scratch_database):
    """The copy with French added, migrated and loaded: (its folder, a function running manage.py)."""
    site = tmp_path_factory.mktemp("french-site")
    copy_tracked_tree(site)
    (site / "sscportal" / "settings_french.py").write_text(SETTINGS, encoding="utf-8")
    catalogue = site / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(po_file(CATALOGUE), encoding="utf-8")
    env = {
        # The copy's own code: nothing from this checkout on the path.
        **{name: value for name, value in os.environ.items() if name != "PYTHONPATH"},
        "DJANGO_SETTINGS_MODULE": "sscportal.settings_french",
        "DATABASE_URL": scratch_database,
        # As in production: manifest static files, no debug pages.
        "DEBUG": "0",
        "SECRET_KEY": "french-site-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "SITE_URL": "http://testserver",
        "STATIC_ROOT": str(site / "staticfiles"),
        "CACHE_URL": "",
    }

    def run(*args, stdin=None):
        result = subprocess.run(
            [sys.executable, *args],
            cwd=site,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return result

    def manage(*args, stdin=None):
        result = run("manage.py", *args, stdin=stdin)
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr}"
        return result.stdout

    manage("compilemessages", "--locale", "fr")
    manage("makemigrations", "--noinput")
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_reference_data")
    manage("load_demo_content")
    return site, run, manage


def with_french_text(document):
    """The export with French text added to an initiative and a statement, and a
    page in French only."""
    for item in document["initiatives"]:
        if item["slug"] == INITIATIVE:
            item["title"]["fr"] = INITIATIVE_TITLE
            item["summary"] = {**(item["summary"] or {}), "fr": INITIATIVE_SUMMARY}
    for item in document["statements"]:
        if item["slug"] == STATEMENT:
            item["title"]["fr"] = STATEMENT_TITLE
            item["body"]["fr"] = STATEMENT_BODY
            item["translations"]["fr"] = "editorial"
    document["pages"].append(
        {
            "slug": PAGE,
            "status": "published",
            "title": {"fr": PAGE_TITLE},
            "body": {"fr": "<p>Ce site est publié à titre d’exemple.</p>"},
            "parent": None,
            "order": 9,
        }
    )
    return document


@pytest.fixture(scope="module")
def french_content(french_site):
    """French text imported into the copy; the export that follows."""
    site, _run, manage = french_site
    document = with_french_text(json.loads(manage("export_content")))
    manage("import_content", "-", stdin=json.dumps(document, ensure_ascii=False))
    return json.loads(manage("export_content"))


@pytest.fixture(scope="module")
def rendered(french_site, french_content, tmp_path_factory):
    site, run, _manage = french_site
    out = tmp_path_factory.mktemp("rendered") / "answers.json"
    result = run("-c", RENDER, str(out), INITIATIVE, STATEMENT, PAGE, SEARCH)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def failures(rendered, urls):
    """Each URL that did not answer 200, with its status or the exception it raised."""
    return "\n".join(
        f"{url}: {answer.get('error') or answer['status']}"
        for url in urls
        if (answer := rendered["answers"][url])["status"] != 200
    )


def body(rendered, url):
    answer = rendered["answers"][url]
    assert answer["status"] == 200, answer.get("error") or answer["status"]
    return answer["body"]


def test_every_page_type_answers_in_french(rendered):
    problems = failures(rendered, rendered["answers"])
    assert not problems, problems
    html = [
        url
        for url, answer in rendered["answers"].items()
        if answer["type"].startswith("text/html")
        and url.startswith("/fr/")
        and "/admin/" not in url
    ]
    assert len(html) >= 15
    for url in html:
        assert '<html lang="fr" dir="ltr">' in body(rendered, url), url


def test_the_interface_speaks_the_catalogue(rendered):
    home = body(rendered, "/fr/")
    assert "Coopération Sud-Sud" in home and "Aller au contenu" in home
    assert ">Déclarations</a>" in home and ">Rechercher</a>" in home
    # The switch offers the two other languages, each in its own name (the
    # template may break a tag between its attributes).
    assert re.search(r'hreflang="en"\s+lang="en"\s+dir="ltr">English</a>', home)
    assert re.search(r'hreflang="ar"\s+lang="ar"\s+dir="rtl">العربية</a>', home)
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/">' in home
    assert '<meta property="og:locale" content="fr_FR">' in home


def test_french_text_entered_is_shown_on_its_page(rendered):
    initiative = body(rendered, f"/fr/initiatives/{INITIATIVE}/")
    assert INITIATIVE_TITLE in initiative and INITIATIVE_SUMMARY in initiative
    statement = body(rendered, f"/fr/statements/{STATEMENT}/")
    assert STATEMENT_TITLE in statement
    assert "Lire Anglais, Arabe et Français côte à côte" in statement
    # Cited with CSL's French terms, pointing to the French page (what it quotes
    # in another language, such as an English organization's name, in a <bdi>).
    citation = re.search(r'<p class="citation" lang="fr" dir="ltr">(.*?)</p>', statement, re.S)
    assert "Disponible sur" in citation.group(1)
    assert "La coopération Sud-Sud est une expression de solidarité" in statement


def test_text_in_french_only_is_shown_in_french_to_others(rendered):
    page = body(rendered, f"/fr/pages/{PAGE}/")
    assert f"<h1>{PAGE_TITLE}</h1>" in page
    english = body(rendered, f"/en/pages/{PAGE}/")
    assert f'<h1 lang="fr" dir="ltr">{PAGE_TITLE}</h1>' in english
    assert "This text is available in French only." in english


def test_text_missing_in_french_falls_back_and_says_so(rendered):
    # The other statements have no French: their English is shown, marked as such.
    page = body(rendered, rendered["fallback"])
    assert re.search(r'<h1 lang="(en|ar)" dir="(ltr|rtl)">', page)


def test_the_side_by_side_view_has_a_column_per_language(rendered):
    page = body(rendered, f"/fr/statements/{STATEMENT}/side-by-side/")
    heads = re.findall(r'<p class="column-head" lang="(\w+)"', page)
    assert sorted(heads) == ["ar", "en", "fr"]


def test_french_text_is_found_by_the_search(rendered):
    results = body(rendered, SEARCH)
    assert f'href="/fr/initiatives/{INITIATIVE}/"' in results


def test_the_share_image_exists(rendered, french_site):
    site, _run, _manage = french_site
    image = re.search(
        r'<meta property="og:image" content="http://testserver/static/([^"]+)"',
        body(rendered, "/fr/"),
    )
    assert (site / "staticfiles" / image.group(1)).is_file()


def test_feeds_calendars_and_sitemaps_speak_french(rendered):
    feed = body(rendered, "/fr/statements/feed/")
    assert 'xml:lang="fr"' in feed and STATEMENT_TITLE in feed
    sections = [url for url in rendered["answers"] if url.startswith("/sitemap-")]
    assert sections
    assert any('hreflang="fr"' in body(rendered, url) for url in sections)


def test_the_admin_serves_every_content_type_in_french(rendered):
    problems = failures(rendered, rendered["admin"])
    assert not problems, problems
    assert any("translation=needs_fr" in url for url in rendered["admin"])
    dashboard = body(rendered, "/fr/admin/")
    assert '<html lang="fr"' in dashboard and "À traduire en Français" in dashboard


def test_the_export_carries_french_keys(french_content):
    (initiative,) = [i for i in french_content["initiatives"] if i["slug"] == INITIATIVE]
    assert initiative["title"]["fr"] == INITIATIVE_TITLE
    (statement,) = [s for s in french_content["statements"] if s["slug"] == STATEMENT]
    assert statement["body"]["fr"] == STATEMENT_BODY
    assert statement["translations"]["fr"] == "editorial"


def test_the_import_refuses_a_language_the_site_does_not_have(french_site, french_content):
    _site, run, _manage = french_site
    document = json.loads(json.dumps(french_content))
    document["initiatives"][0]["title"]["de"] = "Landwirtschaft"
    result = run("manage.py", "import_content", "-", stdin=json.dumps(document))
    assert result.returncode != 0
    assert 'unknown language code "de" (use en, ar, fr)' in result.stderr
