"""The site search finds resources and the site's own pages, in both languages."""

import re

import pytest

pytestmark = pytest.mark.django_db


def result_links(client, url):
    html = client.get(url).text
    return re.findall(r'<h2 class="result-title"[^>]*><a href="([^"]+)"', html)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/search/?q=podcast+recovery",
            "/en/resources/podcast-south-south-covid-19-recovery-2023/",
        ),
        ("/ar/search/?q=ترجمة+القدرات", "/ar/resources/sesric-unossc-joint-report-2020/"),
        ("/en/search/?q=Buenos+Aires+Plan", "/en/pages/history-and-resolutions/"),
        ("/ar/search/?q=خطة+عمل+بوينس+آيرس", "/ar/pages/history-and-resolutions/"),
        (
            "/ar/search/?q=الاعتماد+الجماعي+على+الذات",
            "/ar/pages/objectives-of-south-south-cooperation/",
        ),
        ("/en/search/?q=accessibility&type=page", "/en/pages/accessibility/"),
        ("/en/search/?q=campaign&type=resource", "/en/resources/campaign-materials-2023/"),
    ],
)
def test_search_finds_resources_and_pages(client, demo_content, url, expected):
    assert expected in result_links(client, url)


def test_results_name_their_type_in_the_reader_language(client, demo_content):
    english = client.get("/en/search/?q=Buenos+Aires").text
    arabic = client.get("/ar/search/?q=بوينس+آيرس").text
    assert '<p class="kicker">Page</p>' in english
    assert '<p class="kicker">صفحة</p>' in arabic


def test_type_choices_include_resources_and_pages(client, demo_content):
    html = client.get("/en/search/?q=report").text
    assert '<option value="resource">Resources</option>' in html
    assert '<option value="page">Pages</option>' in html


def test_drafts_are_not_found(client, demo_content):
    from resources.models import Resource

    Resource.objects.filter(slug="campaign-materials-2023").update(status="draft")
    assert "/en/resources/campaign-materials-2023/" not in result_links(
        client, "/en/search/?q=campaign+materials"
    )
