"""Readers find the IATI files: the data page links both, the initiatives list
links the activities with its filters."""

import html

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_data_page_links_both_iati_files(client, demo_content, language):
    page = client.get(f"/{language}/data/").content.decode()
    for url in ("/iati/activities.xml", "/iati/organisations.xml"):
        assert f'href="{url}"' in page
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_initiatives_list_links_its_iati_file_with_its_filters(client, demo_content, language):
    page = html.unescape(client.get(f"/{language}/initiatives/?modality=triangular&sdg=99").text)
    # The invalid filter is left out, as from the other links.
    assert 'href="/iati/activities.xml?modality=triangular"' in page


def test_other_lists_have_no_iati_link(client, demo_content):
    assert "/iati/" not in client.get("/en/statements/").content.decode()
