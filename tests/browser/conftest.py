"""Real-browser tests: Playwright driving Debian's Chromium against a live server.

A test needs what its fixtures need: `browser` Chromium, `axe_script` axe-core,
`nu_checker` the Nu HTML checker and Java (the node tools come from `npm ci`,
which make test runs). When one is missing the test is skipped with a reason
naming what to install, unless REQUIRE_BROWSER=1 (set by .ci/run), where a
missing tool stops the run.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from initiatives.models import Country

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "screenshots"
EDITOR_PASSWORD = "an editor's long password"

NODE_TOOLS_HINT = "make test installs it with npm: apt-get install npm"
# fixture: [(is it there?, what is missing and how to install it)]
NEEDS = {
    "browser": [
        (lambda: Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    ],
    "axe_script": [(AXE.exists, f"axe-core is not installed ({NODE_TOOLS_HINT})")],
    "nu_checker": [
        (VNU.exists, f"the Nu HTML checker is not installed ({NODE_TOOLS_HINT})"),
        (
            lambda: shutil.which("java") is not None,
            "java is not installed (apt-get install default-jre-headless)",
        ),
    ],
}


def missing_tools():
    """{fixture: [what is missing and how to install it]}"""
    return {
        fixture: [reason for present, reason in needs if not present()]
        for fixture, needs in NEEDS.items()
    }


def pytest_collection_modifyitems(config, items):
    missing = missing_tools()
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        reasons = [r for fixture, found in missing.items() if fixture in fixtures for r in found]
        if not reasons:
            continue
        if os.environ.get("REQUIRE_BROWSER") == "1":
            raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {reasons[0]}")
        item.add_marker(pytest.mark.skip(reason="; ".join(reasons)))


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


@pytest.fixture(scope="session")
def axe_script():
    return AXE


@pytest.fixture(scope="session")
def nu_checker():
    """The command that runs the Nu HTML checker; file names follow it."""
    return [shutil.which("java"), "-jar", str(VNU)]


@pytest.fixture
def site(reference_rows, demo_rows, live_server, transactional_db):
    """The live server with reference data, roles, demo content and one editor."""
    # Each test here ends by emptying the database (the live server needs the
    # rows committed); only the first finds the reference data still there.
    if not Country.objects.exists():
        reference_rows.copy_in()
    call_command("setup_roles", verbosity=0)
    demo_rows.restore()  # as import_content demo/content.json (tests/demo_rows.py)
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
