"""People as machines read them: JSON-LD, citations, the API (issue 25, part 2)."""

import datetime
import json

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from pyld import jsonld

from events.models import EventSpeaker
from tests.pages.test_citation_clients import _render

from .. import factories

pytestmark = pytest.mark.django_db

SITE = "https://ssc.example.org"
LANGUAGES = ["en", "ar"]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    settings.API_RATE = "0"


@pytest.fixture
def guterres():
    un = factories.OrganizationFactory(key="un", name_en="United Nations", name_ar="الأمم المتحدة")
    person = factories.PersonFactory(
        key="antonio-guterres",
        name_en="António Guterres",
        name_ar="أنطونيو غوتيريش",
        family_name_en="Guterres",
        family_name_ar="غوتيريش",
    )
    factories.PersonTitleFactory(
        person=person,
        title_en="Secretary-General of the United Nations",
        title_ar="الأمين العام للأمم المتحدة",
        organization=un,
        starts_on=datetime.date(2017, 1, 1),
    )
    return person


@pytest.fixture
def message(guterres):
    return factories.StatementFactory(
        slug="sg-message",
        kind="message",
        person=guterres,
        speaker_en="",
        speaker_ar="",
        title_en="Message for the Day",
        title_ar="رسالة بمناسبة اليوم",
        delivered_on=datetime.date(2023, 9, 12),
    )


def blocks(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return extruct.extract(response.text, syntaxes=["json-ld"])["json-ld"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_person_page_describes_a_schema_org_person(client, guterres, language):
    (block,) = blocks(client, f"/{language}/people/antonio-guterres/")
    # A JSON-LD processor reads it (it refuses malformed blocks).
    assert jsonld.expand(block, {"documentLoader": lambda url, options: {
        "contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }})  # fmt: skip
    person = block["mainEntity"]
    assert person["@type"] == "Person"
    assert person["url"] == f"{SITE}/{language}/people/antonio-guterres/"
    if language == "en":
        assert (person["name"], person["familyName"]) == ("António Guterres", "Guterres")
        assert person["jobTitle"] == "Secretary-General of the United Nations"
    else:
        assert (person["name"], person["familyName"]) == ("أنطونيو غوتيريش", "غوتيريش")
    assert person["worksFor"]["name"] in ("United Nations", "الأمم المتحدة")


def test_a_draft_persons_page_has_no_structured_data_and_a_statement_does_not_name_them(
    client, guterres, message, admin_client
):
    guterres.status = "draft"
    guterres.save()
    (block,) = blocks(client, f"/en/statements/{message.slug}/")
    assert "Guterres" not in json.dumps(block, ensure_ascii=False)
    # Staff preview the draft page, without structured data.
    assert blocks(admin_client, "/en/people/antonio-guterres/") == []


def test_a_statement_names_its_author_as_the_person(client, message):
    (block,) = blocks(client, f"/en/statements/{message.slug}/")
    assert block["author"]["@type"] == "Person"
    assert block["author"]["name"] == "António Guterres"
    assert block["author"]["url"] == f"{SITE}/en/people/antonio-guterres/"


def test_an_event_speaker_is_the_person(client, guterres):
    event = factories.EventFactory(slug="panel")
    EventSpeaker.objects.create(event=event, person=guterres)
    (block,) = blocks(client, event.get_absolute_url())
    assert block["performer"][0]["name"] == "António Guterres"
    assert block["performer"][0]["familyName"] == "Guterres"


def download(client, language, slug, fmt):
    response = client.get(f"/{language}/statements/{slug}/cite.{fmt}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_person_with_a_family_name_is_cited_family_first(client, message, language):
    (item,) = json.loads(download(client, language, message.slug, "json"))
    if language == "en":
        assert item["author"] == [{"family": "Guterres", "given": "António"}]
        assert _render("harvard-cite-them-right", item, "en").startswith("Guterres, A. (2023)")
        assert _render("apa", item, "en").startswith("Guterres, A. (2023")
    else:
        assert item["author"] == [{"family": "غوتيريش", "given": "أنطونيو"}]


def test_bibtex_and_ris_readers_see_the_family_name(client, message):
    library = bibtexparser.parse_string(
        download(client, "en", message.slug, "bib"),
        append_middleware=[SeparateCoAuthors(), SplitNameParts()],
    )
    assert not library.failed_blocks
    (author,) = library.entries[0]["author"]
    assert (author.last, author.first) == (["Guterres"], ["António"])
    (record,) = rispy.loads(download(client, "en", message.slug, "ris"))
    assert record["authors"] == ["Guterres, António"]


def test_without_a_family_name_the_person_is_cited_as_written(client, guterres, message):
    guterres.family_name_en = guterres.family_name_ar = ""
    guterres.save()
    (item,) = json.loads(download(client, "en", message.slug, "json"))
    assert item["author"] == [{"literal": "António Guterres"}]


def test_a_draft_person_is_not_cited(client, guterres, message):
    guterres.status = "draft"
    guterres.save()
    for fmt in ("json", "bib", "ris"):
        assert "Guterres" not in download(client, "en", message.slug, fmt)


def test_the_api_serves_people_as_the_format_writes_them(client, guterres, message):
    listing = json.loads(client.get("/api/v1/people/").content)
    assert [p["key"] for p in listing["results"]] == ["antonio-guterres"]
    person = json.loads(client.get("/api/v1/people/ANTONIO-GUTERRES/").content)
    assert person["family_name"] == {"en": "Guterres", "ar": "غوتيريش"}
    assert person["titles"][0]["organization"] == "un"
    assert person["titles"][0]["from"] == "2017-01-01" and person["titles"][0]["to"] is None
    assert person["html_url"]["ar"] == f"{SITE}/ar/people/antonio-guterres/"
    statement = json.loads(client.get(f"/api/v1/statements/{message.slug}/").content)
    assert statement["person"] == "antonio-guterres"


def test_the_api_has_no_draft_person(client, guterres, message):
    guterres.status = "draft"
    guterres.save()
    assert json.loads(client.get("/api/v1/people/").content)["results"] == []
    assert client.get("/api/v1/people/antonio-guterres/").status_code == 404
    statement = json.loads(client.get(f"/api/v1/statements/{message.slug}/").content)
    assert statement["person"] is None
