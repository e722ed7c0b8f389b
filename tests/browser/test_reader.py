"""A reader in a real browser: language switch, browsing, filtering, keyboard, right-to-left."""

import pytest

pytestmark = pytest.mark.browser


def test_reader_switches_language_on_a_statement(open_page):
    page = open_page()
    page.goto("/en/statements/al-khatib-remarks-china-unossc-2025/")
    page.screenshot("english")
    page.page.click("a.language-switch")
    page.page.wait_for_url("**/ar/statements/al-khatib-remarks-china-unossc-2025/")
    assert page.page.locator("html").get_attribute("dir") == "rtl"
    assert "ديما الخطيب" in page.page.locator("main").inner_text()
    page.screenshot("arabic")
    page.page.click("a.language-switch")
    page.page.wait_for_url("**/en/statements/al-khatib-remarks-china-unossc-2025/")


def test_reader_browses_countries_to_a_country_to_an_initiative(open_page):
    page = open_page(width=360, height=780)
    page.goto("/ar/")
    page.page.click("nav.main-nav >> text=البلدان")
    page.page.wait_for_url("**/ar/countries/")
    page.screenshot("countries")
    page.page.click("a[href='/ar/countries/cn/']")
    page.page.wait_for_url("**/ar/countries/cn/")
    page.screenshot("china")
    page.page.click("a[href='/ar/initiatives/china-unossc-climate-smart-agriculture-africa/']")
    page.page.wait_for_url("**/china-unossc-climate-smart-agriculture-africa/")
    assert page.page.locator("h1").inner_text() == "الزراعة الذكية مناخياً في أفريقيا"
    page.screenshot("initiative")


def test_reader_filters_initiatives(open_page):
    page = open_page()
    page.goto("/en/initiatives/")
    page.page.select_option("#f-sdg", "4")
    page.page.click("form.filters button[type=submit]")
    page.page.wait_for_url("**sdg=4**")
    titles = page.page.locator(".cards h3").all_inner_texts()  # under the results h2
    assert titles == ["SESRIC programmes in statistics, research and training for OIC countries"]
    page.screenshot("filtered")


def test_keyboard_reaches_every_link_and_control_with_a_visible_focus_ring(open_page):
    page = open_page()
    page.goto("/ar/initiatives/")
    expected = page.page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select')]
               .filter(el => el.offsetParent !== null || el.classList.contains('skip-link')).length"""
    )
    reached, without_ring = set(), []
    page.page.keyboard.press("Tab")
    first = page.page.evaluate("document.activeElement.className")
    assert first == "skip-link"
    for _ in range(expected + 5):
        info = page.page.evaluate(
            """() => { const el = document.activeElement; const style = getComputedStyle(el);
                     return [el.outerHTML.slice(0, 80), style.outlineStyle, style.outlineWidth]; }"""
        )
        if info[0].startswith("<body"):  # past the last control, focus leaves the page
            page.page.keyboard.press("Tab")
            continue
        reached.add(info[0])
        if info[1] == "none" or info[2] == "0px":
            without_ring.append(info[0])
        page.page.keyboard.press("Tab")
    missing = page.page.evaluate(
        """(reached) => [...document.querySelectorAll('a[href], button, input, select')]
               .filter(el => el.offsetParent !== null)
               .map(el => el.outerHTML.slice(0, 80)).filter(html => !reached.includes(html))""",
        sorted(reached),
    )
    assert missing == []
    assert without_ring == []


@pytest.mark.parametrize(
    "path",
    [
        "/ar/",
        "/ar/initiatives/",
        "/ar/countries/cn/",
        "/ar/statements/unesco-dg-message-2005/",
        "/ar/events/2020/sesric-unossc-joint-report-launch-2020/",
        "/ar/search/?q=سيسرك",
    ],
)
def test_right_to_left_layout_holds_at_360px(open_page, path):
    page = open_page(width=360, height=780)
    page.goto(path)
    checks = page.page.evaluate(
        """() => {
            const items = [...document.querySelectorAll('.main-nav li')];
            const first = items[0].getBoundingClientRect(), second = items[1].getBoundingClientRect();
            // The phone menu is one line that scrolls sideways: its items past
            // the edge are reached by scrolling it, not cut off the page.
            const wide = [...document.querySelectorAll('body *')].filter(el => {
                if (el.closest('.main-nav ul')) return false;
                const box = el.getBoundingClientRect();
                return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1);
            }).map(el => el.tagName + '.' + el.className);
            const latin = [...document.querySelectorAll('[dir=ltr]')]
                .map(el => getComputedStyle(el).direction);
            return {
                direction: getComputedStyle(document.documentElement).direction,
                navStartsRight: first.right > second.right,
                overflow: document.documentElement.scrollWidth > window.innerWidth,
                wide: wide,
                latin: latin,
            };
        }"""
    )
    page.screenshot("rtl-360")
    assert checks["direction"] == "rtl"
    assert checks["navStartsRight"]
    assert not checks["overflow"] and checks["wide"] == []
    assert checks["latin"] and set(checks["latin"]) == {"ltr"}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_phone_the_header_searches_and_stays_short(open_page, language):
    page = open_page(width=360, height=780)
    page.goto(f"/{language}/initiatives/")
    header = page.page.evaluate(
        """() => {
            const menu = document.querySelector('.main-nav ul');
            return {
                height: document.querySelector('.site-header').getBoundingClientRect().height,
                field: document.querySelector('#header-q').getBoundingClientRect().width,
                menuScrolls: menu.scrollWidth > menu.clientWidth
                    && getComputedStyle(menu).overflowX === 'auto',
            };
        }"""
    )
    # 193 px in English before the search field, with the menu on three lines.
    assert header["height"] < 120
    assert header["field"] > 150
    assert header["menuScrolls"]
    page.page.fill("#header-q", "China")
    page.page.press("#header-q", "Enter")
    page.page.wait_for_url(f"**/{language}/search/?q=China")
