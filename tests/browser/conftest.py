"""Real-browser tests: Playwright driving Debian's Chromium against a live server.

Without /usr/bin/chromium these tests are skipped, unless REQUIRE_BROWSER=1
(set by .ci/run), where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
EDITOR_PASSWORD = "an editor's long password"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Django refuses synchronous ORM calls from inside an event loop, and
    # Playwright's sync API keeps one running in this thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            # The flags this machine's network needs: no calls home, no sandbox as root.
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with reference data, roles, demo content and one editor."""
    call_command("load_reference_data", verbosity=0)
    call_command("setup_roles", verbosity=0)
    call_command("import_content", "demo/content.json", verbosity=0)
    editor = User.objects.create_user("editor", password=EDITOR_PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return live_server


class Page:
    """A Playwright page that records console errors and CSP violations."""

    def __init__(self, page, base_url, name):
        self.page = page
        self.base_url = base_url
        self.name = name
        self.console_errors = []
        self.step = 0
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )

    def goto(self, path):
        response = self.page.goto(self.base_url + path)
        return response

    def screenshot(self, label):
        SCREENSHOTS.mkdir(exist_ok=True)
        self.step += 1
        path = SCREENSHOTS / f"{self.name}-{self.step:02d}-{label}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def csp_violations(self):
        return [text for text in self.console_errors if "Content Security Policy" in text]


@pytest.fixture
def open_page(browser, site, request):
    contexts = []

    def opener(width=1280, height=900):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        return Page(context.new_page(), site.url, request.node.name.replace("/", "_"))

    yield opener
    for context in contexts:
        context.close()
