"""A reader on a phone and a desktop, measured in a real browser: the folded
filters, the focus ring's contrast, Arabic order, and which fonts load."""

import re

import pytest

pytestmark = pytest.mark.browser


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css_colour):
    return tuple(int(v) for v in re.findall(r"\d+", css_colour)[:3])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_phone_filters_are_folded_and_the_first_result_is_above_the_fold(open_page, language):
    page = open_page(width=360, height=780)
    page.goto(f"/{language}/initiatives/?stage=ongoing")
    state = page.page.evaluate(
        """() => ({
            open: document.querySelector('details.filter-panel').open,
            formShown: document.querySelector('form.filters').checkVisibility(),
            firstResult: document.querySelector('.cards > li').getBoundingClientRect().top,
            chips: document.querySelectorAll('.chips .chip').length,
        })"""
    )
    page.screenshot("phone")
    assert not state["open"] and not state["formShown"]
    assert state["chips"] == 1
    assert state["firstResult"] < 780, state
    # Opening the summary shows the form.
    page.page.click("details.filter-panel > summary")
    assert page.page.locator("#f-country").is_visible()


def test_on_a_desktop_the_filter_form_is_open_without_a_click(open_page):
    page = open_page(width=1280, height=900)
    page.goto("/en/initiatives/")
    assert page.page.locator("#f-country").is_visible()
    assert not page.page.locator("details.filter-panel > summary").is_visible()


@pytest.mark.parametrize(
    ("selector", "background_selector"),
    [("main a", "body"), (".site-header .brand", ".site-header"), ("#f-q", "form.filters")],
)
def test_focus_ring_has_3_to_1_contrast_on_what_is_behind_it(
    open_page, selector, background_selector
):
    page = open_page()
    page.goto("/en/initiatives/")
    page.page.focus(selector)
    # Focus from the keyboard: :focus-visible applies as a keyboard user sees it.
    page.page.keyboard.press("Shift+Tab")
    page.page.keyboard.press("Tab")
    colours = page.page.evaluate(
        """([selector, behind]) => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {matches: el.matches(selector), outline: style.outlineColor,
                    width: style.outlineWidth, style: style.outlineStyle,
                    background: getComputedStyle(document.querySelector(behind)).backgroundColor};
        }""",
        [selector, background_selector],
    )
    assert colours["matches"] and colours["style"] == "solid" and colours["width"] == "3px"
    ratio = contrast(rgb(colours["outline"]), rgb(colours["background"]))
    assert ratio >= 3, (colours, ratio)


def test_arabic_countries_index_is_in_arabic_alphabetical_order(open_page):
    page = open_page(width=360, height=780)
    page.goto("/ar/countries/")
    names = page.page.locator("#region-142 ~ ul a").all_inner_texts()
    assert names == ["تركيا", "الصين"]


def test_english_pages_never_download_the_arabic_font_and_arabic_pages_do(open_page):
    page = open_page()
    fonts = []
    page.page.on(
        "request", lambda request: request.url.endswith(".woff2") and fonts.append(request.url)
    )
    page.goto("/en/initiatives/")
    page.page.wait_for_load_state("networkidle")
    assert fonts == []
    page.goto("/ar/initiatives/")
    page.page.wait_for_load_state("networkidle")
    assert sorted(url.rsplit("/", 1)[1] for url in fonts) == [
        "noto-naskh-arabic-400.woff2",
        "noto-naskh-arabic-700.woff2",
    ]


def test_item_titles_are_not_smaller_than_the_text_under_them(open_page):
    page = open_page(width=360, height=780)
    for language in ("en", "ar"):
        page.goto(f"/{language}/initiatives/")
        sizes = page.page.evaluate(
            """() => [parseFloat(getComputedStyle(document.querySelector('.card h3')).fontSize),
                      parseFloat(getComputedStyle(document.querySelector('.card .summary p')).fontSize)]"""
        )
        assert sizes[0] > sizes[1], (language, sizes)


@pytest.mark.parametrize("width", [320, 360, 768, 1280])
def test_chart_labels_are_at_least_12_pixels_high_at_any_width(open_page, width):
    # The charts are drawings scaled to their column: on a 360 px phone a 13-unit
    # label came out at 10.7 px, and on a 768 px tablet (two charts a row) at
    # 11.6 px; Arabic letters that small are hard to read.
    page = open_page(width=width, height=780)
    for language in ("en", "ar"):
        page.goto(f"/{language}/countries/cn/")
        sizes = page.page.evaluate(
            """() => [...document.querySelectorAll('.chart svg text')].map(text =>
                parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)"""
        )
        assert sizes and min(sizes) >= 12, (language, min(sizes, default=None))
