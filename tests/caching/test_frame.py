"""The page frame (head links, header, menu, footer) is rendered once per
language and version and served from the worker's memory after (issue 29,
part 4): the same HTML as rendered anew, and renewed by what it shows."""

import pytest

from pages.models import Page
from sscportal.caching import frame
from sscportal.models import Status

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/ar/", "/en/statements/", "/ar/initiatives/", "/en/countries/ke/", "/ar/search/"]


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    # Whole pages not cached: every request renders its page, and its frame.
    settings.PAGE_CACHE_SECONDS = 0
    frame._kept.clear()


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_frame_is_the_frame_rendered_anew(client, settings, demo_content, url):
    first = html(client, url)
    assert frame._kept, "the frame was not kept: this test would compare nothing"
    kept = html(client, url)
    settings.CACHE_FRAGMENTS = False
    rendered = html(client, url)
    assert first == kept == rendered


def test_the_menu_marks_each_page_s_own_section(client, demo_content):
    for url, current in [
        ("/en/organizations/", "/en/organizations/"),
        ("/en/resources/", "/en/resources/"),
    ]:
        for _ in range(2):  # rendered, then kept
            page = html(client, url)
            menu = page.split('class="wrap main-nav"', 1)[1].split("</nav>", 1)[0]
            assert menu.count('aria-current="page"') == 1
            assert f'href="{current}"\n        aria-current="page"' in menu


def test_a_page_published_shows_in_every_kept_footer(client, demo_content):
    assert "Working with us" not in html(client, "/en/")
    Page.objects.create(
        slug="working-with-us",
        title_en="Working with us",
        title_ar="العمل معنا",
        body_en="<p>How.</p>",
        body_ar="<p>كيف.</p>",
        status=Status.PUBLISHED,
    )
    assert "Working with us" in html(client, "/en/")
    assert "العمل معنا" in html(client, "/ar/")


def test_an_owner_configured_shows_at_once(client, settings, demo_content):
    html(client, "/en/")
    settings.SITE_OWNER_NAME = {"en": "Office of the Test", "ar": "مكتب الاختبار"}
    assert "Office of the Test" in html(client, "/en/")


def test_an_error_page_s_frame_is_not_kept(client):
    # A 503's footer may lack its links: the database is down.
    from sscportal.operations import errors

    request = client.get("/en/").wsgi_request
    frame._kept.clear()
    page = errors.error_page(request, 503)
    assert 'class="site-footer"' in page.content.decode()
    assert not frame._kept
    errors.error_page(request, 404)
    assert frame._kept
