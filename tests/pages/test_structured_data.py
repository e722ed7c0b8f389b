"""The pages' schema.org JSON-LD as others read it (issue 27, parts 4 and 6).

Blocks are taken out of the page by extruct (the extractor of crawling and
aggregating pipelines) and expanded by PyLD, a JSON-LD processor, which refuses
what is not JSON-LD (a malformed language-tagged value, a non-IRI type...).
"""

import datetime

import extruct
import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import resolve
from django.utils import translation
from pyld import jsonld

from front.templatetags import structured_data
from initiatives.models import InitiativeCountry, InitiativePartner, InitiativeRegion, Region
from resources.models import ResourceLink

from .. import factories

pytestmark = pytest.mark.django_db

# Not the test client's host ("testserver"): a link built from the request shows.
SITE = "https://ssc.example.org"
LANGUAGES = ["en", "ar"]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def json_ld(client, url):
    """The page's JSON-LD blocks, as extruct reads them."""
    response = client.get(url)
    assert response.status_code == 200, url
    return extruct.extract(response.text, syntaxes=["json-ld"])["json-ld"]


def the_block(client, url):
    blocks = json_ld(client, url)
    assert len(blocks) == 1, url
    return blocks[0]


def main_thing(block):
    """What the page is about: the block itself, or the WebPage's mainEntity (for
    things that are not creative works, which have no inLanguage of their own)."""
    return block.get("mainEntity", block)


def every_value(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from every_value(value)
    elif isinstance(data, list):
        for value in data:
            yield from every_value(value)
    else:
        yield data


# Where the blocks may point outside the site: the vocabulary, the licence, the
# UN, and the websites and files the test content names.
ELSEWHERE = (
    "https://schema.org",
    "https://creativecommons.org/",
    "https://www.un.org/",
    "https://www.sesric.org/",
    "https://example.org/",
)
URL_KEYS = ("url", "contentUrl", "urlTemplate", "license", "@id")


def links(data):
    """Every value of a key that holds an address, anywhere in the block."""
    if isinstance(data, list):
        return [link for value in data for link in links(value)]
    if not isinstance(data, dict):
        return []
    found = []
    for key, value in data.items():
        if key in URL_KEYS and isinstance(value, str):
            found.append(value)
        elif key == "target" and isinstance(value, str):
            found.append(value)
        else:
            found.extend(links(value))
    return found


@pytest.fixture
def world():
    """One published item of every content page type, in both languages, and around
    them drafts and texts written in one language only."""
    kenya = factories.country("KE")
    egypt = factories.country("EG")
    sesric = factories.OrganizationFactory(
        key="sesric",
        name_en="Statistical, Economic and Social Research and Training Centre",
        name_ar="مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب",
        acronym_en="SESRIC",
        kind="intergovernmental",
        website="https://www.sesric.org/",
        country=factories.country("TR"),
    )
    draft_funder = factories.OrganizationFactory(
        key="secret-funder", name_en="Secret Funder", name_ar="ممول سري", status="draft"
    )
    initiative = factories.InitiativeFactory(
        slug="seeds",
        title_en="Seed banks for the Sahel",
        title_ar="بنوك البذور لمنطقة الساحل",
        start_date=datetime.date(2019, 3, 1),
        end_date=datetime.date(2024, 6, 30),
    )
    InitiativeCountry.objects.create(initiative=initiative, country=kenya, role="recipient")
    InitiativeCountry.objects.create(initiative=initiative, country=egypt, role="provider")
    InitiativeRegion.objects.create(
        initiative=initiative, region=Region.objects.get(m49=2), role="recipient"
    )
    InitiativePartner.objects.create(initiative=initiative, organization=sesric, role="funder")
    InitiativePartner.objects.create(
        initiative=initiative, organization=draft_funder, role="funder"
    )
    observance = factories.ObservanceFactory(
        year=2023,
        date=datetime.date(2023, 9, 12),
        theme_en="Solidarity, Equity and Partnership",
        theme_ar="التضامن والإنصاف والشراكة",
        summary_en="The Day in its twelfth year on 12 September.",
        summary_ar="اليوم في عامه الثاني عشر في 12 سبتمبر.",
    )
    event = factories.EventFactory(
        slug="panel",
        observance=observance,
        title_en="High-level panel",
        title_ar="حلقة نقاش رفيعة المستوى",
        starts_at=datetime.datetime(2023, 9, 12, 19, tzinfo=datetime.UTC),
    )
    event.organizers.add(sesric)
    statement = factories.StatementFactory(
        slug="message", title_en="Message of the Day", title_ar="رسالة اليوم"
    )
    resources = {
        kind: factories.ResourceFactory(
            slug=f"a-{kind}", kind=kind, title_en=f"A {kind}", title_ar=f"مورد من نوع {kind}"
        )
        for kind in ("report", "podcast", "video", "publication")
    }
    resources["report"].organizations.add(sesric, draft_funder)
    ResourceLink.objects.create(
        resource=resources["report"], language="ar", url="https://example.org/report-ar.pdf"
    )
    return {
        "initiative": initiative,
        "organization": sesric,
        "draft": draft_funder,
        "event": event,
        "observance": observance,
        "statement": statement,
        "resources": resources,
        "kenya": kenya,
    }


# Each content page type: its address, the @type of what it is about, and the name
# the page shows in each language.
PAGES = {
    "initiative": (
        "/{lang}/initiatives/seeds/",
        "Project",
        {"en": "Seed banks for the Sahel", "ar": "بنوك البذور لمنطقة الساحل"},
    ),
    "organization": (
        "/{lang}/organizations/sesric/",
        "Organization",
        {
            "en": "Statistical, Economic and Social Research and Training Centre",
            "ar": "مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب",
        },
    ),
    "report": ("/{lang}/resources/a-report/", "Report", {"en": "A report", "ar": None}),
    "podcast": ("/{lang}/resources/a-podcast/", "PodcastEpisode", {"en": "A podcast", "ar": None}),
    "video": ("/{lang}/resources/a-video/", "VideoObject", {"en": "A video", "ar": None}),
    "publication": (
        "/{lang}/resources/a-publication/",
        "CreativeWork",
        {"en": "A publication", "ar": None},
    ),
    "day": (
        "/{lang}/events/2023/",
        "Event",
        {
            "en": "United Nations Day for South-South Cooperation 2023",
            "ar": "يوم الأمم المتحدة للتعاون فيما بين بلدان الجنوب 2023",
        },
    ),
    "event": (
        "/{lang}/events/2023/panel/",
        "Event",
        {"en": "High-level panel", "ar": "حلقة نقاش رفيعة المستوى"},
    ),
    "statement": (
        "/{lang}/statements/message/",
        "Article",
        {"en": "Message of the Day", "ar": "رسالة اليوم"},
    ),
    "country": ("/{lang}/countries/ke/", "Country", {"en": "Kenya", "ar": "كينيا"}),
    "home": (
        "/{lang}/",
        "WebSite",
        {"en": "South-South Cooperation", "ar": "التعاون فيما بين بلدان الجنوب"},
    ),
    "data": (
        "/{lang}/data/",
        "Dataset",
        {"en": "South-South Cooperation", "ar": "التعاون فيما بين بلدان الجنوب"},
    ),
}


def name_of(thing):
    return thing.get("name") or thing.get("headline")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_content_page_type_has_its_schema_org_block(client, world, page, language):
    url, kind, names = PAGES[page]
    block = the_block(client, url.format(lang=language))
    assert block["@context"] == "https://schema.org"
    thing = main_thing(block)
    assert thing["@type"] == kind
    name = names[language] or f"مورد من نوع {page}"
    assert name_of(thing) == name
    assert block["inLanguage"] == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGES))
def test_links_are_absolute_on_the_sites_origin(client, world, page, language):
    block = the_block(client, PAGES[page][0].format(lang=language))
    ours = [link for link in links(block) if not link.startswith(ELSEWHERE)]
    assert ours, "the block links to its page"
    for link in ours:
        assert link.startswith(f"{SITE}/"), link
    # The page's own address is its canonical one, in its language.
    url = block.get("url") or main_thing(block).get("url")
    assert url.startswith(f"{SITE}/{language}/")


def _schema_org_context(url, options=None):
    # No network: a stand-in for schema.org's context, enough to expand terms.
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGES))
def test_blocks_expand_as_json_ld(client, world, page, language):
    block = the_block(client, PAGES[page][0].format(lang=language))
    expanded = jsonld.expand(block, {"documentLoader": _schema_org_context})
    assert len(expanded) == 1
    assert expanded[0]["@type"][0].startswith("https://schema.org/")
    assert "https://schema.org/inLanguage" in expanded[0]


def test_a_text_shown_in_the_other_language_says_so(client, world):
    event = world["event"]
    event.title_ar = ""
    event.save()
    block = the_block(client, "/ar/events/2023/panel/")
    assert block["name"] == "High-level panel"
    assert block["inLanguage"] == "en"


def test_an_arabic_only_initiative_on_the_english_page_is_in_arabic(client, world):
    initiative = world["initiative"]
    initiative.title_en = ""
    initiative.summary_en = ""
    initiative.save()
    block = the_block(client, "/en/initiatives/seeds/")
    assert main_thing(block)["name"] == "بنوك البذور لمنطقة الساحل"
    assert block["inLanguage"] == "ar"


def test_a_text_in_another_language_than_the_block_carries_its_own(client, world):
    # The title is translated, the summary is not: the Arabic block says which is which.
    resource = world["resources"]["report"]
    resource.summary_ar = ""
    resource.save()
    block = the_block(client, "/ar/resources/a-report/")
    assert block["inLanguage"] == "ar"
    assert block["description"] == {
        "@value": "A report on cooperation among developing countries.",
        "@language": "en",
    }


@pytest.mark.parametrize(
    "url", ["/en/initiatives/seeds/", "/en/resources/a-report/", "/en/events/2023/panel/"]
)
def test_drafts_are_never_named(client, world, url):
    world["event"].organizers.add(world["draft"])
    block = the_block(client, url)
    assert "Secret Funder" not in list(every_value(block))
    # The published partner is there: the test looks where a draft would be.
    assert world["organization"].name_en in list(every_value(block))


def test_an_initiative_names_its_funders_places_and_dates(client, world):
    project = main_thing(the_block(client, "/en/initiatives/seeds/"))
    assert [funder["name"] for funder in project["funder"]] == [
        "Statistical, Economic and Social Research and Training Centre"
    ]
    assert {place["name"] for place in project["areaServed"]} == {"Kenya", "Egypt", "Africa"}
    kenya = next(place for place in project["areaServed"] if place["name"] == "Kenya")
    assert kenya == {"@type": "Country", "name": "Kenya", "url": f"{SITE}/en/countries/ke/"}
    # A Project is an Organization in schema.org: its dates are those of one.
    assert project["foundingDate"] == "2019-03-01"
    assert project["dissolutionDate"] == "2024-06-30"


def test_an_organization_is_at_its_website(client, world):
    organization = main_thing(the_block(client, "/ar/organizations/sesric/"))
    assert organization["url"] == "https://www.sesric.org/"
    assert organization["alternateName"] == {"@value": "SESRIC", "@language": "en"}


def test_a_day_is_an_all_day_event_of_the_united_nations(client, world):
    day = the_block(client, "/en/events/2023/")
    assert day["startDate"] == day["endDate"] == "2023-09-12"
    assert day["organizer"]["name"] == "United Nations"
    assert day["url"] == f"{SITE}/en/events/2023/"


def test_the_home_page_says_how_to_search_the_site(client, world):
    website = the_block(client, "/ar/")
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == f"{SITE}/ar/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    found = client.get(template.removeprefix(SITE).replace("{search_term_string}", "Sahel"))
    assert "seeds" in found.text


def test_the_data_page_is_a_dataset_with_every_download(client, world, settings):
    dataset = the_block(client, "/en/data/")
    assert dataset["license"] == settings.CONTENT_LICENSE_URL
    assert dataset["creator"]["url"] == f"{SITE}/en/"
    downloads = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
    for name in ("initiatives", "statements", "events", "resources", "organizations"):
        assert downloads[f"{SITE}/en/{name}/download.csv"] == "text/csv"
        assert f"{SITE}/en/{name}/download.xlsx" in downloads
        assert downloads[f"{SITE}/api/v1/{name}/"] == "application/json"
    assert f"{SITE}/data/sscportal-content.json.gz" in downloads
    assert f"{SITE}/data/sscportal-datapackage.zip" in downloads
    for url in downloads:
        resolve(url.removeprefix(SITE).split("?")[0])  # a page of the site


def test_descriptions_keep_their_paragraphs(client, world):
    event = world["event"]
    event.description_en = "<p>Opening by the President.</p><p>R&amp;D in the South.</p>"
    event.save()
    block = the_block(client, "/en/events/2023/panel/")
    assert block["description"] == "Opening by the President.\nR&D in the South."


def test_a_title_cannot_close_the_script_element(client, world):
    initiative = world["initiative"]
    initiative.title_en = "Seeds </script><script>alert(1)</script>"
    initiative.save()
    response = client.get("/en/initiatives/seeds/")
    assert "<script>alert(1)" not in response.text
    block = the_block(client, "/en/initiatives/seeds/")
    assert main_thing(block)["name"] == "Seeds </script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("item", "url"),
    [
        ("event", "/en/events/2023/panel/"),
        ("initiative", "/en/initiatives/seeds/"),
        ("organization", "/en/organizations/sesric/"),
        ("observance", "/en/events/2023/"),
        ("statement", "/en/statements/message/"),
    ],
)
def test_a_draft_previewed_by_staff_has_no_block(admin_client, world, item, url):
    world[item].status = "draft"
    world[item].save()
    assert json_ld(admin_client, url) == []


def test_a_draft_resource_previewed_by_staff_has_no_block(admin_client, world):
    world["resources"]["report"].status = "draft"
    world["resources"]["report"].save()
    assert json_ld(admin_client, "/en/resources/a-report/") == []


@override_settings(LANGUAGES=[*settings.LANGUAGES, ("fr", "French")])
def test_an_interface_text_not_yet_translated_is_said_to_be_english():
    # A language being added, whose catalogue lacks the site's texts: the home
    # page's block shows them in English, and says so.
    with translation.override("fr"):
        html = structured_data.website_jsonld()
    (block,) = extruct.extract(f"<html><head>{html}</head></html>", syntaxes=["json-ld"])["json-ld"]
    assert block["name"] == "South-South Cooperation"
    assert block["inLanguage"] == "en"
