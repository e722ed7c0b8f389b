"""The site's hand lists come from the content types' declarations."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from front.sitemaps import ListPagesSitemap, sitemaps
from sscportal import content_types

pytestmark = pytest.mark.django_db


def test_the_main_menu_lists_each_declared_list_page_in_the_declared_order(client):
    html = client.get("/ar/").content.decode()
    nav = re.search(r'<nav class="wrap main-nav".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)"', nav)
    declared = [reverse(ct.list_url) for ct in content_types.in_menu()]
    assert links[:-1] == declared  # the search page closes the menu
    assert [ct.name for ct in content_types.in_menu()][:2] == ["initiative", "country"]
    assert "المبادرات" in nav and "البيانات" in nav


def test_the_sitemap_has_a_section_per_declared_type_and_every_list_page():
    sections = sitemaps()
    for ct in content_types.registered():
        if ct.in_sitemap:
            assert sections[ct.sitemap].content_type is ct
    # The home page, every declared list page, and the open data page.
    assert ListPagesSitemap().items() == ["home"] + [
        ct.list_url for ct in content_types.with_list_pages()
    ] + ["data"]


@pytest.mark.usefixtures("demo_content")
def test_a_search_result_names_its_kind_in_the_readers_language(client):
    html = client.get("/ar/search/", {"q": "SESRIC"}).content.decode()
    # The best bet's kicker is "Closest to your search · <kind>": the kind is last.
    kicker = re.findall(r'<p class="kicker">([^<]+)</p>', html)
    kinds = {text.split(" · ")[-1] for text in kicker}
    with translation.override("ar"):
        declared = {str(ct.singular) for ct in content_types.searchable().values()}
    # SESRIC published a resource, and spoke at an event and in a statement.
    assert len(kinds) >= 2 and kinds <= declared, (kinds, declared)
