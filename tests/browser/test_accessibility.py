"""axe-core (WCAG 2.1 A/AA) and the W3C Nu HTML checker on every page type, both languages."""

import json
import subprocess
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "initiative list": "initiatives/?sdg=2",
    "initiative": "initiatives/sesric-statistics-research-training-oic/",
    "countries": "countries/",
    "country": "countries/cn/",
    "events": "events/",
    "observance": "events/2023/",
    "event": "events/2023/high-level-panel-2023/",
    "statement list": "statements/",
    "statement (fallback)": "statements/unesco-dg-message-2005/",
    "statement": "statements/dabur-remarks-joint-report-2020/",
    "statement (news report)": "statements/al-khatib-remarks-china-unossc-2025/",
    "statement side by side": "statements/sesric-unossc-joint-report-press-release-2020/side-by-side/",
    "search": "search/?q=التعاون",
    "search by title": "search/?q=cooperation&sort=title",
    "search that suggests": "search/?q=Sri+Lnka",
    "statement list by title": "statements/?sort=title",
    "region": "countries/regions/002/",
    "resource list": "resources/?kind=report",
    "resource": "resources/sesric-unossc-joint-report-2020/",
    "organizations": "organizations/",
    "organization": "organizations/sesric/",
    "page": "pages/about-the-day/",
    "page under another": "pages/history-and-resolutions/",
    "event with speakers": "events/2020/sesric-unossc-joint-report-launch-2020/",
    "person": "people/nebil-dabur/",
    "not found": "statements/no-such-thing/",
}
URLS = [
    (f"{name} [{lang}]", f"/{lang}/{path}")
    for name, path in PAGE_TYPES.items()
    for lang in ("en", "ar")
]


@pytest.mark.parametrize(("name", "url"), URLS)
def test_axe_finds_no_wcag_violation(browser, axe_script, site, name, url):
    # axe is injected as a script: this context alone lets it past the page's CSP.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site.url + url)
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
        )
    finally:
        context.close()
    violations = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]
    assert violations == [], name


def test_every_page_type_is_valid_html(nu_checker, site, tmp_path):
    files = []
    for index, (name, url) in enumerate(URLS):
        try:
            body = urllib.request.urlopen(site.url + quote(url, safe="/?=&")).read()
        except urllib.error.HTTPError as error:  # the 404 page is a page too
            body = error.read()
        path = tmp_path / f"{index:02d}.html"
        path.write_bytes(body)
        files.append((name, path))
    result = subprocess.run(
        [
            *nu_checker,
            "--format",
            "json",
            "--errors-only",
            *[str(p) for _n, p in files],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    by_file = {str(path): name for name, path in files}
    errors = [
        (by_file.get(m.get("url", "").removeprefix("file:"), m.get("url")), m["message"])
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
