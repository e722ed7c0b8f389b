"""No link leads nowhere and nothing is promised that is not there: the side
by side view only for a statement in both languages, a resource without a copy
says where to get one, the filters and the results can be jumped to."""

import pytest
from lxml import html as lxml_html

from .. import factories

pytestmark = pytest.mark.django_db

LIST_PAGES = ["initiatives/", "statements/", "resources/"]


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return lxml_html.document_fromstring(response.text)


def side_by_side_links(document):
    return document.xpath("//a[contains(@href, '/side-by-side/')]")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_statement_in_one_language_offers_no_side_by_side_view(client, language):
    statement = factories.StatementFactory(body_en="")
    assert side_by_side_links(page(client, f"/{language}/statements/{statement.slug}/")) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_its_side_by_side_address_leads_back_to_the_statement(client, language):
    statement = factories.StatementFactory(body_ar="")
    response = client.get(f"/{language}/statements/{statement.slug}/side-by-side/")
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/statements/{statement.slug}/"


def test_a_statement_in_both_languages_offers_the_side_by_side_view(client):
    statement = factories.StatementFactory()
    (link,) = side_by_side_links(page(client, f"/en/statements/{statement.slug}/"))
    assert client.get(link.get("href")).status_code == 200


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_resource_without_a_link_names_its_publisher_to_ask(client, language):
    publisher = factories.OrganizationFactory(name_en="The Publisher", name_ar="الناشر")
    resource = factories.ResourceFactory()
    resource.organizations.add(publisher)
    document = page(client, f"/{language}/resources/{resource.slug}/")
    (section,) = document.xpath("//section[@aria-labelledby='links-heading']")
    heading = section.xpath(".//h2")[0].text_content()
    assert heading == {"en": "Where to obtain it", "ar": "أين يمكن الحصول عليه"}[language]
    (ask,) = section.xpath(".//a")
    assert ask.get("href") == publisher.get_absolute_url().replace("/en/", f"/{language}/")
    text = document.text_content()
    assert "No link" not in text and "download" not in heading.lower()


def test_a_resource_with_no_publisher_says_how_to_find_it(client):
    resource = factories.ResourceFactory()
    document = page(client, f"/en/resources/{resource.slug}/")
    (section,) = document.xpath("//section[@aria-labelledby='links-heading']")
    assert "Ask a library for it" in section.text_content()


def test_a_resource_with_links_offers_them_to_download(client):
    resource = factories.ResourceFactory()
    resource.links.create(url="https://example.org/report.pdf", language="en")
    document = page(client, f"/en/resources/{resource.slug}/")
    (section,) = document.xpath("//section[@aria-labelledby='links-heading']")
    assert section.xpath(".//h2")[0].text_content() == "Read, listen or download"
    assert section.xpath(".//a/@href") == ["https://example.org/report.pdf"]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("path", LIST_PAGES)
def test_the_filters_are_a_named_search_landmark_with_a_heading(client, path, language):
    document = page(client, f"/{language}/{path}")
    (landmark,) = document.xpath("//main//*[@role='search']")
    (heading,) = document.xpath(f"//*[@id='{landmark.get('aria-labelledby')}']")
    assert heading.tag == "h2" and heading.text_content().strip()
    assert landmark.xpath(".//form") != []


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("path", LIST_PAGES)
def test_the_results_sit_under_their_own_heading_with_the_count(client, path, language):
    # Three: Arabic writes one and two in words ("مبادرة واحدة", "مبادرتان").
    factories.InitiativeFactory.create_batch(3)
    factories.StatementFactory.create_batch(3)
    factories.ResourceFactory.create_batch(3)
    document = page(client, f"/{language}/{path}")
    (results,) = document.xpath("//section[@class='results']")
    (heading,) = document.xpath(f"//*[@id='{results.get('aria-labelledby')}']")
    assert heading.tag == "h2" and "3" in heading.text_content()
    # The items are headed one level below it.
    assert results.xpath(".//li/h3") != []
    assert results.xpath(".//li/h2") == []
