"""The rich-text editor in a real browser, under the Content-Security-Policy."""

import re

import pytest
from django.contrib.auth.models import User

from sscportal.text.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.browser

PASSWORD = "a publisher's long password"
BOLD_ARABIC = "التضامن أساس التعاون"


@pytest.fixture
def chief(site):
    return User.objects.create_superuser("chief", password=PASSWORD)


def log_in(page, language):
    page.goto(f"/{language}/admin/login/")
    page.page.fill("#id_username", "chief")
    page.page.fill("#id_password", PASSWORD)
    page.page.click("input[type=submit]")
    page.page.wait_for_url(f"**/{language}/admin/")


def show_arabic_tab(page, field):
    tab = page.page.locator(f"li:has(> a[href$='{field}_ar'])").first
    tab.locator("a").click()


def test_bold_arabic_typed_in_the_editor_is_bold_and_right_to_left_on_the_public_page(
    open_page, chief
):
    statement = factories.StatementFactory(
        slug="draft-message", status="draft", body_ar="<p>نص قديم</p>", speaker_ar="متحدث"
    )
    page = open_page()
    log_in(page, "ar")
    page.goto(f"/ar/admin/statements/statement/{statement.pk}/change/")
    show_arabic_tab(page, "body")
    editor = page.page.locator(".rich-text[dir=rtl] .ProseMirror[contenteditable=true]")
    editor.wait_for()
    assert editor.get_attribute("dir") == "rtl" and editor.get_attribute("lang") == "ar"
    # The toolbar speaks the admin's language.
    bold_button = page.page.locator(".rich-text[dir=rtl] button[title='غامق']")
    assert bold_button.count() == 1

    editor.click()
    page.page.keyboard.press("Control+A")
    page.page.keyboard.type("الفقرة الأولى")
    page.page.keyboard.press("Enter")
    bold_button.click()
    page.page.keyboard.type(BOLD_ARABIC)
    page.screenshot("arabic-bold-typed")
    assert f"<strong>{BOLD_ARABIC}</strong>" in page.page.input_value("#id_body_ar")
    page.page.click("input[name=_save]")
    page.page.wait_for_url("**/statements/statement/")

    # Publish it from the list, as a publisher does.
    page.page.check(f"input[name=_selected_action][value='{statement.pk}']")
    page.page.select_option("select[name=action]", "publish_selected")
    page.page.click("button[name=index]")
    page.page.wait_for_url("**/statements/statement/")
    statement.refresh_from_db()
    assert statement.status == "published"
    assert statement.body_ar == f"<p>الفقرة الأولى</p><p><strong>{BOLD_ARABIC}</strong></p>"

    page.goto("/ar/statements/draft-message/")
    bold = page.page.locator("strong", has_text=BOLD_ARABIC)
    assert bold.count() == 1
    style = bold.evaluate(
        "e => { const s = getComputedStyle(e); return [s.direction, s.fontWeight]; }"
    )
    assert style[0] == "rtl" and int(style[1]) >= 700
    page.screenshot("public-page")
    assert page.csp_violations() == []


def test_the_link_dialog_speaks_arabic_and_takes_the_address_left_to_right(open_page, chief):
    statement = factories.StatementFactory(body_ar="<p>نص فيه رابط</p>")
    page = open_page()
    log_in(page, "ar")
    page.goto(f"/ar/admin/statements/statement/{statement.pk}/change/")
    show_arabic_tab(page, "body")
    editor = page.page.locator(".rich-text[dir=rtl] .ProseMirror[contenteditable=true]")
    editor.click()
    page.page.keyboard.press("Control+A")
    page.page.locator(".rich-text[dir=rtl] button[title='الرابط']").click()
    dialog = page.page.locator("dialog.prose-editor-dialog[open]")
    dialog.wait_for()
    page.screenshot("arabic-link-dialog")
    assert dialog.locator("h3").inner_text() == "الرابط"
    assert dialog.locator("label").inner_text() == "عنوان الرابط"
    buttons = dialog.locator("button").all_inner_texts()
    assert buttons == ["تطبيق", "إلغاء"]
    address = dialog.locator("input[name=href]")
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"

    address.fill("https://unsouthsouth.org/")
    dialog.locator("button[type=submit]").click()
    assert 'href="https://unsouthsouth.org/"' in page.page.input_value("#id_body_ar")
    assert page.csp_violations() == []


KITCHEN_SINK = """
<h1>Title</h1><h2 lang="en" dir="ltr" class="x" style="color:red">Heading</h2><h5>Small</h5>
<p>Text <b>b</b> <i>i</i> <u>u</u> <s>s</s> <code>c</code> <sub>2</sub> <sup>3</sup>
<mark>m</mark> <span style="font-weight:bold">heavy</span> <span lang="fr">mot</span>
<a href="https://example.org/" target="_blank" rel="nofollow" title="t" class="c">link</a>
<a href="javascript:alert(1)">bad</a><br><img src="/x.png" alt="x"></p>
<ol start="3" type="a"><li><p>one</p></li></ol><ul><li>two</li></ul>
<blockquote dir="ltr" lang="en"><p>Quoted</p></blockquote><pre>code</pre><hr>
<table><tr><td>cell</td></tr></table><div><p>in a div</p></div><script>alert(1)</script>
"""


def test_whatever_is_pasted_the_editor_writes_only_what_the_sanitizer_keeps(open_page, chief):
    page = open_page()
    log_in(page, "en")
    page.goto("/en/admin/statements/statement/add/")
    page.page.locator(".rich-text .ProseMirror[contenteditable=true]").first.wait_for()
    result = page.page.evaluate(
        """html => {
            const editor = document.querySelector('#id_body_en').richTextEditor;
            editor.commands.setContent(html);
            return {
                html: editor.getHTML(),
                nodes: Object.keys(editor.schema.nodes),
                marks: Object.keys(editor.schema.marks),
            };
        }""",
        KITCHEN_SINK,
    )
    html = result["html"]
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for tag, attributes in re.findall(r"<([a-z0-9]+)((?:\s[^>]*)?)>", html):
        names = set(re.findall(r'\s([a-z-]+)="', attributes))
        assert names <= ALLOWED_ATTRIBUTES[tag], (tag, names)
    # The sanitizer has nothing left to remove: what the editor shows is what is saved.
    assert sanitize_html(html) == html
    # Meaning kept where the allowlist has room for it.
    assert '<h2 lang="en" dir="ltr">Heading</h2>' in html
    assert "<strong>b</strong>" in html and "<em>i</em>" in html
    assert '<a href="https://example.org/">link</a>' in html
    assert "javascript:" not in html
    assert '<blockquote lang="en" dir="ltr">' in html
    # The schema itself: every node and mark the editor knows has a place in the allowlist.
    assert set(result["nodes"]) == {
        "doc",
        "paragraph",
        "text",
        "hardBreak",
        "heading",
        "bulletList",
        "orderedList",
        "listItem",
        "blockquote",
    }
    assert set(result["marks"]) == {"bold", "italic", "link"}
    # (The pasted style attributes are refused by the CSP as they are parsed,
    # and reported on the console: that is the CSP working, so not asserted here.)


def test_existing_text_survives_a_round_trip_through_the_editor(open_page, chief):
    body = (
        "<p>التعاون <strong>جنوب-جنوب</strong> و<em>الثلاثي</em>.</p>"
        "<h3>أهداف</h3><ul><li>أولاً</li><li>ثانياً</li></ul>"
        '<blockquote lang="en" dir="ltr">Quoted in English, with a '
        '<a href="https://www.un.org/">link</a>.</blockquote>'
    )
    statement = factories.StatementFactory(body_ar=body, speaker_ar="متحدث")
    page = open_page()
    log_in(page, "ar")
    page.goto(f"/ar/admin/statements/statement/{statement.pk}/change/")
    show_arabic_tab(page, "body")
    editor = page.page.locator(".rich-text[dir=rtl] .ProseMirror[contenteditable=true]")
    editor.wait_for()
    editor.click()
    page.page.keyboard.press("End")
    page.page.keyboard.type(" ")
    page.page.keyboard.press("Backspace")
    page.page.click("input[name=_save]")
    page.page.wait_for_url("**/statements/statement/")
    saved = Statement.objects.get(pk=statement.pk).body_ar
    for piece in [
        "<strong>جنوب-جنوب</strong>",
        "<em>الثلاثي</em>",
        "<h3>أهداف</h3>",
        "<li><p>أولاً</p></li>",
        '<blockquote lang="en" dir="ltr"><p>Quoted in English, with a '
        '<a href="https://www.un.org/">link</a>.</p></blockquote>',
    ]:
        assert piece in saved, saved


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violation_in_the_editor_dashboard_and_header(
    browser, axe_script, site, chief, language
):
    """Scoped to what this project adds; Django's own admin is Django's to fix."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    violations = []
    try:
        page = context.new_page()
        page.goto(f"{site.url}/{language}/admin/login/")
        page.fill("#id_username", "chief")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"**/{language}/admin/")
        statement = Statement.objects.get(slug="al-khatib-remarks-china-unossc-2025")
        for path, parts in [
            ("", [".translation-dashboard", "#site-name"]),
            (f"statements/statement/{statement.pk}/change/", [".rich-text"]),
        ]:
            page.goto(f"{site.url}/{language}/admin/{path}")
            page.locator(parts[0]).first.wait_for(state="attached")
            page.add_script_tag(path=str(axe_script))
            result = page.evaluate(
                """parts => axe.run({include: parts.map(p => [p])}, {runOnly: {type: 'tag',
                     values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""",
                parts,
            )
            violations += [
                (path, v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
            ]
    finally:
        context.close()
    assert violations == []
