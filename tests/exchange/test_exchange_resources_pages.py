"""Version 2 additions: resources, pages, event programmes, organization descriptions,
and the status of organizations and observances."""

import copy
import json

import pytest

from events.models import Event, Observance
from exchange.exporter import export_content
from exchange.importer import import_content
from initiatives.models import Organization
from pages.models import Page

from .test_exchange import CONTENT_MODELS, database_state, demo_document, errors_of

pytestmark = pytest.mark.django_db


def document(**sections):
    return {"format": "sscportal-content", "version": 2, **sections}


ORGANIZATION = {"key": "sesric", "name": {"en": "SESRIC"}, "kind": "intergovernmental"}
RESOURCE = {
    "slug": "joint-report",
    "status": "published",
    "kind": "report",
    "title": {"en": "A joint report", "ar": "تقرير مشترك"},
    "published_on": "2020-09-15",
    "links": [{"language": "ar", "url": "https://example.org/ar.pdf"}],
    "organizations": ["sesric"],
}
PAGE = {"slug": "about-the-day", "status": "published", "title": {"en": "About the Day"}}


def test_demo_resources_pages_and_programme_survive_a_round_trip():
    import_content(json.dumps(demo_document()))
    first = database_state()
    exported = json.loads(first)
    report = next(
        r for r in exported["resources"] if r["slug"] == "sesric-unossc-joint-report-2020"
    )
    assert report["event"] == "sesric-unossc-joint-report-launch-2020"
    assert report["organizations"] == ["sesric", "unossc"]
    launch = next(e for e in exported["events"] if e["slug"].startswith("sesric"))
    assert [s["name"]["en"] for s in launch["speakers"]] == ["Jorge Chediek", "Nebil Dabur"]
    history = next(p for p in exported["pages"] if p["slug"] == "history-and-resolutions")
    assert history["parent"] == "about-the-day"
    for model in CONTENT_MODELS:
        model.objects.all().delete()
    import_content(first)
    assert database_state() == first


def test_every_version_2_key_of_the_new_sections_is_written_on_export():
    import_content(
        json.dumps(document(organizations=[ORGANIZATION], resources=[RESOURCE], pages=[PAGE]))
    )
    exported = export_content()
    assert list(exported["resources"][0]) == [
        "slug", "status", "kind", "title", "summary", "published_on", "links",
        "observance", "event", "organizations", "initiatives", "countries",
        "document_symbol", "isbn", "files",
    ]  # fmt: skip
    assert list(exported["pages"][0]) == ["slug", "status", "title", "body", "parent", "order"]
    assert exported["organizations"][0]["description"] is None
    assert exported["resources"][0]["links"] == RESOURCE["links"]


def test_speakers_keep_their_order_and_a_date_alone_means_the_time_is_not_known():
    event = {
        "slug": "launch",
        "title": {"en": "Launch"},
        "starts_at": "2020-09-15",
        "timezone": "Europe/Istanbul",
        "online": True,
        "speakers": [
            {"name": {"en": "Zed"}, "organization": "sesric"},
            {"name": {"en": "Amal"}, "title": {"en": "Director"}},
        ],
        "recording_url": "https://example.org/video",
    }
    import_content(json.dumps(document(organizations=[ORGANIZATION], events=[event])))
    stored = Event.objects.get(slug="launch")
    assert stored.time_known is False and stored.starts_on.isoformat() == "2020-09-15"
    written = export_content()["events"][0]
    assert written["starts_at"] == "2020-09-15"
    assert [s["name"] for s in written["speakers"]] == [{"en": "Zed"}, {"en": "Amal"}]
    assert written["speakers"][1] == {
        "name": {"en": "Amal"},
        "title": {"en": "Director"},
        "organization": None,
        "person": None,
    }
    assert written["recording_url"] == "https://example.org/video"


def test_organizations_and_observances_without_a_status_are_public_and_a_draft_stays_a_draft():
    observance = {"year": 2031, "date": "2031-09-12"}  # no theme: the admin allows it too
    import_content(
        json.dumps(
            document(
                organizations=[ORGANIZATION, {**ORGANIZATION, "key": "hidden", "status": "draft"}],
                observances=[observance],
            )
        )
    )
    assert Organization.objects.get(key="sesric").status == "published"
    assert Organization.objects.get(key="hidden").status == "draft"
    assert Observance.objects.get(year=2031).status == "published"
    assert export_content()["organizations"][0]["status"] == "draft"  # "hidden" sorts first


def test_a_statement_without_a_speaker_imports_as_the_admin_allows():
    statement = {
        "slug": "press-release",
        "title": {"en": "A press release"},
        "body": {"en": "<p>Text.</p>"},
        "kind": "press-release",
        "delivered_on": "2020-09-15",
        "original_language": "en",
    }
    import_content(json.dumps(document(statements=[statement])))
    assert export_content()["statements"][0]["speaker"] is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kind": "novel"}, 'resources[0].kind: "novel" is not one of report, publication'),
        (
            {"links": [{"language": "Arabic", "url": "https://example.org"}]},
            "resources[0].links[0].language",
        ),
        ({"links": [{"language": "ar", "url": "ftp://example.org"}]}, "resources[0].links[0].url"),
        ({"links": [{"language": "ar"}]}, "resources[0].links[0].url: is required"),
        ({"event": "no-such-event"}, 'resources[0].event: unknown event slug "no-such-event"'),
        (
            {"organizations": ["nobody"]},
            'resources[0].organizations[0]: unknown organization key "nobody"',
        ),
        ({"countries": ["XX"]}, 'resources[0].countries[0]: unknown ISO code "XX"'),
        ({"observance": 1900}, "resources[0].observance: unknown observance year 1900"),
        ({"published_on": "15/09/2020"}, "resources[0].published_on"),
        ({"title": {"en": ""}}, "resources[0].title: needs a non-empty text"),
        ({"summmary": {"en": "typo"}}, "resources[0].summmary: unknown key"),
    ],
)
def test_bad_resources_are_refused_with_their_path(change, expected):
    resource = {**copy.deepcopy(RESOURCE), **change}
    errors = errors_of(document(organizations=[ORGANIZATION], resources=[resource]))
    assert any(error.startswith(expected) for error in errors), errors


def test_bad_pages_are_refused_with_their_path():
    pages = [
        PAGE,
        {**PAGE, "slug": "itself", "parent": "itself"},
        {**PAGE, "slug": "child", "parent": "about-the-day"},
        {**PAGE, "slug": "grandchild", "parent": "child"},
        {**PAGE, "slug": "orphan", "parent": "nowhere"},
        {**PAGE, "slug": "unordered", "order": -1},
    ]
    errors = errors_of(document(pages=pages))
    assert "pages[1].parent: a page cannot sit under itself" in errors
    assert any(
        e.startswith("pages[3].parent: page 'child' sits under another page") for e in errors
    )
    assert 'pages[4].parent: unknown page slug "nowhere"' in errors
    assert "pages[5].order: -1 is not between 0 and 32767" in errors
    assert not any(e.startswith("pages[2]") for e in errors)


def test_a_child_page_may_come_before_its_parent_in_the_file():
    child = {**PAGE, "slug": "history", "parent": "about-the-day"}
    import_content(json.dumps(document(pages=[child, PAGE])))
    assert Page.objects.get(slug="history").parent.slug == "about-the-day"


def test_bad_speakers_and_mixed_precision_are_refused_with_their_path():
    event = {
        "slug": "launch",
        "title": {"en": "Launch"},
        "starts_at": "2020-09-15",
        "ends_at": "2020-09-15T17:30:00+03:00",
        "timezone": "Europe/Istanbul",
        "online": True,
        "speakers": [{"title": {"en": "No name"}}, {"name": {"en": "X"}, "organization": "nobody"}],
    }
    errors = errors_of(document(events=[event]))
    assert "events[0].speakers[0].name: give a name in some language, or a person" in errors
    assert 'events[0].speakers[1].organization: unknown organization key "nobody"' in errors
    event["speakers"] = []
    errors = errors_of(document(events=[event]))
    assert errors == [
        "events[0].ends_at: give starts_at and ends_at both as dates or both as dates with a time"
    ]
