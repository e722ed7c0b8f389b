"""A person's page, and the pages that name a person (issue 25, part 2)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventSpeaker
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar"]


@pytest.fixture
def chediek():
    unossc = factories.OrganizationFactory(
        key="unossc",
        name_en="United Nations Office for South-South Cooperation",
        acronym_en="UNOSSC",
    )
    person = factories.PersonFactory(
        key="jorge-chediek",
        name_en="Jorge Chediek",
        name_ar="خورخي شيديك",
        family_name_en="Chediek",
        family_name_ar="شيديك",
    )
    factories.PersonTitleFactory(
        person=person,
        title_en="Director, UNOSSC",
        title_ar="مدير مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب",
        organization=unossc,
        starts_on=datetime.date(2016, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
    )
    factories.PersonTitleFactory(
        person=person, title_en="Resident Coordinator in Brazil", title_ar="المنسق المقيم في البرازيل",
        starts_on=datetime.date(2011, 1, 1), ends_on=datetime.date(2015, 12, 31),
    )  # fmt: skip
    return person


def test_the_page_shows_names_titles_statements_and_events_in_both_languages(client, chediek):
    older = factories.StatementFactory(
        slug="older", person=chediek, speaker_en="", delivered_on=datetime.date(2017, 9, 12)
    )
    newer = factories.StatementFactory(
        slug="newer", person=chediek, speaker_en="", delivered_on=datetime.date(2020, 9, 12)
    )
    read_out = factories.StatementFactory(
        slug="read-out", delivered_by_person=chediek, delivered_on=datetime.date(2019, 9, 12)
    )
    event = factories.EventFactory(slug="launch", title_en="Launch of the report")
    EventSpeaker.objects.create(event=event, person=chediek)
    for language in LANGUAGES:
        response = client.get(f"/{language}/people/jorge-chediek/")
        assert response.status_code == 200
        page = response.text
        name = "Jorge Chediek" if language == "en" else "خورخي شيديك"
        assert f"<h1>{name}</h1>" in page
        assert f'<html lang="{language}"' in page
        # Statements newest first, the one they read out among them.
        positions = [
            page.index(f"/{language}/statements/{s.slug}/") for s in (newer, read_out, older)
        ]
        assert positions == sorted(positions)
        assert f"/{language}/events/" in page and "/launch/" in page
        # Titles by date: Brazil (2011) before UNOSSC (2016), the organization linked.
        assert page.index("2011") < page.index("2016")
        assert f'href="/{language}/organizations/unossc/"' in page
    assert "المنسق المقيم في البرازيل" in client.get("/ar/people/jorge-chediek/").text


@pytest.mark.parametrize(
    "path", ["/en/people/nobody/", "/ar/people/nobody/", "/en/people/JORGE-CHEDIEK/"]
)
def test_an_unknown_person_is_404(client, chediek, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_person_has_no_page_and_no_link(client, chediek):
    chediek.status = "draft"
    chediek.save()
    statement = factories.StatementFactory(slug="s", person=chediek, speaker_en="")
    for language in LANGUAGES:
        assert client.get(f"/{language}/people/jorge-chediek/").status_code == 404
        page = client.get(f"/{language}/statements/{statement.slug}/").text
        assert "Chediek" not in page and "شيديك" not in page
        assert "/people/" not in page


def test_a_statement_shows_its_person_in_the_readers_language_linked(client, chediek):
    statement = factories.StatementFactory(
        slug="remarks", person=chediek, speaker_en="", speaker_ar="", speaker_title_en="Director"
    )
    en = client.get(f"/en/statements/{statement.slug}/").text
    assert '<a class="person" href="/en/people/jorge-chediek/">Jorge Chediek</a>' in en
    ar = client.get(f"/ar/statements/{statement.slug}/").text
    assert '<a class="person" href="/ar/people/jorge-chediek/">خورخي شيديك</a>' in ar
    # The list names them too, from the person.
    assert "Jorge Chediek" in client.get("/en/statements/").text


def test_a_name_missing_in_the_readers_language_falls_back_marked(client):
    person = factories.PersonFactory(key="amina", name_en="", name_ar="أمينة محمد")
    statement = factories.StatementFactory(slug="s", person=person, speaker_en="")
    page = client.get(f"/en/statements/{statement.slug}/").text
    assert '<bdi lang="ar" dir="rtl">أمينة محمد</bdi>' in page


def test_delivered_by_and_event_speakers_link_the_person(client, chediek):
    statement = factories.StatementFactory(slug="s", delivered_by_person=chediek)
    page = client.get(f"/en/statements/{statement.slug}/").text
    assert 'class="delivered-by"><a class="person" href="/en/people/jorge-chediek/"' in page
    event = factories.EventFactory(slug="launch")
    EventSpeaker.objects.create(event=event, person=chediek, title_en="Director")
    page = client.get(event.get_absolute_url()).text
    assert '<a class="person" href="/en/people/jorge-chediek/">Jorge Chediek</a>' in page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["Chediek", "chediek", "شيديك", "jorge chediek"])
def test_a_query_naming_the_person_shows_them_first(client, chediek, language, query):
    factories.EventFactory(slug="launch", description_en="<p>Jorge Chediek spoke.</p>")
    page = client.get(f"/{language}/search/", {"q": query}).text
    assert 'class="item best-bet"' in page
    best = page[page.index('class="item best-bet"') :]
    assert best.index(f'href="/{language}/people/jorge-chediek/"') < best.index("</li>")


def test_people_are_a_search_type(client, chediek):
    page = client.get("/en/search/", {"q": "Chediek", "type": "person"}).text
    assert 'href="/en/people/jorge-chediek/"' in page


def test_the_sitemap_lists_public_people_only(client, chediek):
    factories.PersonFactory(key="hidden-person", status="draft")
    sitemap = client.get("/sitemap-people.xml").text
    assert "/en/people/jorge-chediek/" in sitemap and "/ar/people/jorge-chediek/" in sitemap
    assert "hidden-person" not in sitemap


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_needs_as_many_queries_for_200_statements_as_for_10(client, chediek, language):
    url = f"/{language}/people/jorge-chediek/"

    def grow(start, stop):
        statements = Statement.objects.bulk_create(
            factories.StatementFactory.build(slug=f"s-{n}", person=chediek)
            for n in range(start, stop)
        )
        events = [factories.EventFactory(slug=f"e-{n}") for n in range(start, min(stop, start + 5))]
        EventSpeaker.objects.bulk_create(EventSpeaker(event=e, person=chediek) for e in events)
        return statements

    grow(0, 10)
    few = count_queries(client, url)
    grow(10, 200)
    many = count_queries(client, url)
    assert many == few
    assert many <= 15


@pytest.mark.parametrize(("language", "query"), [("en", "شيديك"), ("ar", "Chediek")])
def test_what_a_person_said_is_found_by_their_name_in_the_other_language(
    client, chediek, language, query
):
    # Written in one language only, with no free-text name: the person's names,
    # in every language, find it (the statement's linked names).
    statement = factories.StatementFactory(
        slug="english-only",
        title_en="Remarks at the launch",
        title_ar="",
        body_ar="",
        speaker_en="",
        person=chediek,
    )
    page = client.get(f"/{language}/search/", {"q": query, "type": "statement"}).text
    assert f"/{language}/statements/{statement.slug}/" in page
