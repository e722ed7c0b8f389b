"""The admin in a real browser, under the Content-Security-Policy."""

import pytest

from statements.models import Statement

from .. import factories
from .conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.browser


def log_in(page, language="ar"):
    page.goto(f"/{language}/admin/login/")
    page.page.fill("#id_username", "editor")
    page.page.fill("#id_password", EDITOR_PASSWORD)
    page.page.click("input[type=submit]")
    page.page.wait_for_url(f"**/{language}/admin/")


def test_editor_edits_arabic_in_the_tabbed_form_and_sees_it_public(open_page):
    page = open_page()
    log_in(page)
    page.screenshot("admin-home")
    statement = Statement.objects.get(slug="al-khatib-remarks-china-unossc-2025")
    page.goto(f"/ar/admin/statements/statement/{statement.pk}/change/")
    assert page.page.locator("html").get_attribute("dir") == "rtl"
    # jQuery UI turned the language columns into tabs: the script ran under the CSP.
    tabs = page.page.locator(".ui-tabs-nav").first
    tabs.wait_for()
    page.screenshot("change-form")
    page.page.locator("a[href$='id_title_ar']").first.click() if page.page.locator(
        "a[href$='id_title_ar']"
    ).count() else None
    title_ar = page.page.locator("#id_title_ar")
    assert title_ar.get_attribute("dir") == "rtl"
    title_ar.fill("كلمة مديرة المكتب عن تعميق التعاون")
    page.screenshot("arabic-typed")
    page.page.click("input[name=_save]")
    page.page.wait_for_url("**/statements/statement/")
    page.screenshot("saved")

    page.goto("/ar/statements/al-khatib-remarks-china-unossc-2025/")
    assert page.page.locator("h1").inner_text() == "كلمة مديرة المكتب عن تعميق التعاون"
    page.screenshot("public-page")
    assert page.csp_violations() == []


def test_admin_pages_raise_no_csp_violation(open_page):
    page = open_page()
    log_in(page, "en")
    for path in [
        "/en/admin/",
        "/en/admin/initiatives/initiative/add/",
        "/en/admin/events/event/add/",
        "/en/admin/statements/statement/",
        "/ar/admin/initiatives/initiative/add/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        page.page.wait_for_load_state("networkidle")
    assert page.csp_violations() == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_list_keeps_its_filters_beside_it_at_desktop_width_and_after_it_on_a_phone(
    open_page, language
):
    factories.InitiativeFactory()
    for width in (1280, 360):
        page = open_page(width=width)
        log_in(page, language)
        page.goto(f"/{language}/admin/initiatives/initiative/")
        results = page.page.locator("#changelist .results").bounding_box()
        filters = page.page.locator("#changelist-filter").bounding_box()
        if width == 1280:
            # Side by side: the first rows are on the first screen.
            assert results["y"] < 400
            assert filters["x"] >= results["x"] + results["width"] or (
                filters["x"] + filters["width"] <= results["x"]
            )
        else:
            assert results["y"] < filters["y"]
