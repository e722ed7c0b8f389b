"""/{lang}/<list>/feed/: Atom that the W3C feed validator accepts, read by feedparser."""

import datetime
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.test import Client
from django.utils import timezone

from .. import factories
from ..robustness.hostile import NAUGHTY, RAW, encoded

pytestmark = pytest.mark.django_db

FEEDS = ["initiatives", "statements", "events", "resources"]
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parsed(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def every_link(xml):
    """Every address the feed's XML carries (links, ids, author uris)."""
    root = ET.fromstring(xml)
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    links += [node.text for node in root.iter(f"{ATOM}uri")]
    links += [node.text for node in root.iter(f"{ATOM}id") if node.text.startswith("http")]
    return links


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_feed_has_what_the_w3c_validator_requires(client, demo_content, name, language):
    response = client.get(f"/{language}/{name}/feed/")
    feed = parsed(response)
    assert feed.feed.language == language
    # The site is the feed's author, so that no entry lacks one.
    assert feed.feed.author_detail.name
    assert feed.feed.author_detail.href == f"http://testserver/{language}/"
    assert feed.feed.updated_parsed
    assert any(link.rel == "self" for link in feed.feed.links)
    assert feed.entries
    now = timezone.now()
    for entry in feed.entries:
        assert entry.id and entry.title and entry.link
        assert entry.updated_parsed and entry.published_parsed
        published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
        assert published <= now + datetime.timedelta(seconds=1)
        assert entry.updated_parsed >= entry.published_parsed


@pytest.mark.parametrize("name", FEEDS)
def test_every_feeds_links_are_on_site_url_not_the_requests_host(
    client, demo_content, settings, name
):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    settings.SITE_URL = "https://ssc.example.org"
    response = client.get(f"/en/{name}/feed/?page=1", HTTP_HOST="other.example")
    links = every_link(response.content)
    assert links
    assert all(link.startswith("https://ssc.example.org/en/") for link in links), links


def test_an_undated_resource_is_dated_when_the_site_published_it(client, db):
    resource = factories.ResourceFactory(published_on=None, status="draft")
    resource.status = "published"
    resource.save()
    first_published = resource.history.filter(status="published").earliest("history_date")
    (entry,) = parsed(client.get("/en/resources/feed/")).entries
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == first_published.history_date.replace(microsecond=0)


def test_an_entry_in_the_other_language_says_its_language(client, db):
    factories.InitiativeFactory(slug="arabic-only", title_en="", title_ar="مبادرة بالعربية")
    factories.InitiativeFactory(slug="both")
    root = ET.fromstring(client.get("/en/initiatives/feed/").content)
    languages = {
        entry.find(f"{ATOM}id").text.split(":")[3]: entry.get(XML_LANG)
        for entry in root.iter(f"{ATOM}entry")
    }
    assert languages == {"arabic-only": "ar", "both": None}


@pytest.mark.parametrize(
    "name, query",
    [
        ("initiatives", "country=cn"),
        ("initiatives", "modality=triangular&sdg=13"),
        ("statements", "organization=sesric"),
        ("statements", "observance=2023"),
        ("events", "observance=2023"),
        ("resources", "kind=podcast"),
    ],
)
def test_a_filtered_feed_is_that_lists_items(client, demo_content, name, query):
    unfiltered = parsed(client.get(f"/en/{name}/feed/")).entries
    entries = parsed(client.get(f"/en/{name}/feed/?{query}")).entries
    rows = client.get(f"/en/{name}/download.csv?{query}")
    slugs = [line.split(",")[0] for line in b"".join(rows.streaming_content).decode().split("\r\n")]
    expected = [slug for slug in slugs[1:] if slug][:20]
    assert [entry.id.split(":")[3] for entry in entries] == expected
    assert 0 < len(entries) < len(unfiltered)


def test_the_feed_link_and_self_carry_the_filters(client, demo_content):
    feed = parsed(client.get("/en/initiatives/feed/?country=ke&page=3"))
    assert feed.feed.link == "http://testserver/en/initiatives/?country=ke"
    (self_link,) = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == "http://testserver/en/initiatives/feed/?country=ke"


@pytest.mark.parametrize("name", FEEDS)
def test_a_draft_never_appears_in_a_feed(admin_client, demo_content, name):
    factory = {
        "initiatives": factories.InitiativeFactory,
        "statements": factories.StatementFactory,
        "events": factories.EventFactory,
        "resources": factories.ResourceFactory,
    }[name]
    factory(slug="secret-draft", status="draft")
    for language in ("en", "ar"):
        assert b"secret-draft" not in admin_client.get(f"/{language}/{name}/feed/").content


def test_the_existing_feed_addresses_still_answer(client, demo_content):
    for path in ("/en/statements/feed/", "/ar/statements/feed/", "/en/resources/feed/"):
        parsed(client.get(path))


@pytest.mark.parametrize("name", FEEDS)
def test_hostile_query_strings_never_give_a_500(demo_content, name):
    from front.opendata.lists import LISTS

    client = Client(raise_request_exception=False)
    values = [encoded(value) for value in NAUGHTY[1::3]] + RAW
    failures = []
    for parameter in [*LISTS[name].filter_form.base_fields, "page"]:
        for value in values:
            response = client.get(f"/en/{name}/feed/?{parameter}={value}")
            if response.status_code >= 500:
                failures.append((parameter, value))
    assert not failures


@pytest.mark.parametrize("language", ["en", "ar"])
def test_list_pages_announce_their_filtered_feed(client, demo_content, language):
    html = client.get(f"/{language}/statements/?organization=sesric").text
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" '
        rf'href="/{language}/statements/feed/\?organization=sesric"',
        html,
    )
    # Pages without a list of their own announce the statements feed, as before.
    assert (
        f'type="application/atom+xml" href="/{language}/statements/feed/"'
        in client.get(f"/{language}/").text
    )


@pytest.mark.parametrize(
    "path, feeds",
    [
        ("/en/countries/ke/", ["/en/initiatives/feed/?country=ke", "/en/events/feed/?country=ke"]),
        ("/en/countries/regions/002/", ["/en/initiatives/feed/?region=002"]),
        ("/en/countries/groups/ldc/", ["/en/initiatives/feed/?group=ldc"]),
        (
            "/en/organizations/sesric/",
            [
                f"/en/{name}/feed/?organization=sesric"
                for name in ("initiatives", "events", "statements", "resources")
            ],
        ),
        (
            "/ar/events/2023/",
            ["/ar/statements/feed/?observance=2023", "/ar/events/feed/?observance=2023"],
        ),
    ],
)
def test_country_region_organization_and_day_pages_offer_follow_links(
    client, demo_content, path, feeds
):
    html = client.get(path).text
    follow = re.search(r'<p class="follow-links">.*?</p>', html, re.S).group(0)
    for feed in feeds:
        assert f'href="{feed}"' in follow
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
        parsed(client.get(feed))
