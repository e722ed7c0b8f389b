"""The Makefile as a newcomer meets it.

`make test` on a machine without npm, or without Java, runs in a copy of the
checkout with those commands hidden from PATH. Lint and the migration check are
taken as done (`make -o`) and pytest runs a small selection that needs no
database (DATABASE_URL points where nothing listens), so each run takes seconds.
"""

import json
import os
import re
import shutil
import socket
import subprocess
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")
PYTHON_TEST = "tests/i18n/test_translations.py::test_catalogue_has_the_six_arabic_plural_forms"

pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def make(*args, cwd=ROOT, env=None):
    # Run from `make test`, the outer make's flags must not reach these.
    env = {
        key: value
        for key, value in (os.environ if env is None else env).items()
        if key not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    }
    return subprocess.run(
        [MAKE, "--no-print-directory", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def makefile_targets():
    return re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE)


def test_make_alone_lists_every_target_with_one_line_each():
    listing = make()

    assert listing.returncode == 0
    assert listing.stdout == make("help").stdout
    listed = re.findall(r"^  ([a-z][a-z-]*) +\S", listing.stdout, re.MULTILINE)
    assert listed == makefile_targets()
    assert {"run", "test"} <= set(listed)


def test_run_serves_on_127_0_0_1_port_8000_unless_told_otherwise():
    assert "runserver 127.0.0.1:8000\n" in make("-n", "run").stdout
    assert "runserver 0.0.0.0:8001\n" in make("-n", "run", "HOST=0.0.0.0", "PORT=8001").stdout


def test_run_links_to_where_it_serves_unless_site_url_is_set():
    # Absolute URLs (canonical links, sitemaps, feeds) come from SITE_URL.
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    assert (
        'SITE_URL="${SITE_URL:-http://127.0.0.1:8001}"'
        in make("-n", "run", "PORT=8001", env=env).stdout
    )


def test_the_cache_outage_drill_is_listed_beside_the_database_one():
    listing = make().stdout
    assert re.search(r"^  outage +Stop PostgreSQL", listing, re.MULTILINE)
    assert re.search(r"^  cache-outage +Stop Redis", listing, re.MULTILINE)


def test_run_stops_at_once_with_one_line_when_the_port_is_taken():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = make("-o", ".venv/.installed", "run", f"PORT={port}")

    assert result.returncode != 0
    first_line = result.stderr.splitlines()[0]
    assert first_line.startswith(f"make run: cannot listen on 127.0.0.1:{port}: the port is taken")
    assert "make run PORT=8001" in first_line
    assert "migrate" not in result.stdout


# --- make test with a tool missing -----------------------------------------


@pytest.fixture
def checkout(tmp_path):
    """A copy of the working tree without node_modules, sharing the virtualenv."""
    copy = tmp_path / "sscportal"
    shutil.copytree(
        ROOT,
        copy,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", ".pgdata", "staticfiles", "screenshots",
            "__pycache__", ".ruff_cache", ".extracted-messages", "results",
        ),
    )  # fmt: skip
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


def environment(tmp_path, hidden, require_browser=False):
    """The test's environment with the commands named in hidden left off PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            link = bin_dir / entry.name
            if entry.name in hidden or link.exists() or not os.access(entry.path, os.X_OK):
                continue
            link.symlink_to(entry.path)
    env = {key: value for key, value in os.environ.items() if key != "REQUIRE_BROWSER"}
    env["PATH"] = str(bin_dir)
    # Nothing selected needs a database; a connection attempt fails at once.
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:9/no-database-needed"
    if require_browser:
        env["REQUIRE_BROWSER"] = "1"
    return env


def fake_node_tools(checkout):
    # The test never runs them: Java is what is missing.
    tools = checkout / "node_modules"
    for path in ["axe-core/axe.min.js", "vnu-jar/build/dist/vnu.jar", ".installed"]:
        (tools / path).parent.mkdir(parents=True, exist_ok=True)
        (tools / path).touch()


def make_test(checkout, env, *selection):
    return make(
        "-o", "lint", "-o", "check-migrations", "test",
        "PYTEST_ARGS=" + " ".join(selection),
        cwd=checkout,
        env=env,
    )  # fmt: skip


def test_without_npm_make_test_runs_python_tests_and_skips_the_node_tools_ones(checkout, tmp_path):
    env = environment(tmp_path, hidden={"npm", "npx"})

    result = make_test(checkout, env, "tests/browser/test_accessibility.py", PYTHON_TEST)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.splitlines()[0] == (
        "npm not found: the axe-core, Nu HTML checker and ical.js tests will be skipped"
        " (to run them: apt-get install npm)"
    )
    assert re.search(
        r"SKIPPED \[\d+\] .*axe-core is not installed \(make test installs it with npm: apt-get install npm\)",
        result.stdout,
    )
    assert re.search(r"SKIPPED \[1\] .*Nu HTML checker is not installed", result.stdout)
    assert re.search(r"\b1 passed, \d+ skipped", result.stdout)


def test_without_java_make_test_skips_the_nu_checker_naming_the_package(checkout, tmp_path):
    fake_node_tools(checkout)
    env = environment(tmp_path, hidden={"java"})

    result = make_test(
        checkout,
        env,
        "tests/browser/test_accessibility.py",
        PYTHON_TEST,
        "-k 'valid_html or arabic'",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(
        r"SKIPPED \[1\] .*: java is not installed \(apt-get install default-jre-headless\)",
        result.stdout,
    )
    assert re.search(r"\b1 passed, 1 skipped", result.stdout)


def test_in_ci_a_missing_npm_stops_make_test_with_one_line(checkout, tmp_path):
    env = environment(tmp_path, hidden={"npm", "npx"}, require_browser=True)

    result = make_test(checkout, env, PYTHON_TEST)

    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "npm not found, and REQUIRE_BROWSER=1 needs axe-core, the Nu HTML checker and ical.js:"
        " apt-get install npm"
    )
    assert "pytest" not in result.stdout


def test_in_ci_a_missing_java_stops_the_tests_with_one_line(checkout, tmp_path):
    fake_node_tools(checkout)
    env = environment(tmp_path, hidden={"java"}, require_browser=True)

    result = make_test(checkout, env, "tests/browser/test_accessibility.py", PYTHON_TEST)

    assert result.returncode != 0
    assert (
        "REQUIRE_BROWSER=1 but java is not installed (apt-get install default-jre-headless)"
        in result.stderr
    )
    assert "passed" not in result.stdout


# --- prerequisites of the other targets ---------------------------------------


@pytest.mark.parametrize(
    "target, tool, advice",
    [
        ("bench", "wrk", "apt-get install wrk"),
        ("cache-outage", "redis-server", "apt-get install redis-server"),
    ],
)
def test_a_target_missing_its_tool_says_which_in_one_line(checkout, tmp_path, target, tool, advice):
    env = environment(tmp_path, hidden={tool})

    result = make("-o", ".venv/.installed", target, cwd=checkout, env=env)

    assert result.returncode != 0
    # Its own line, then make's "*** Error 1" for the failed recipe.
    said = [line for line in result.stderr.splitlines() if not line.startswith("make: ***")]
    assert said == [f"make {target} needs {tool}: {advice}"]
    assert result.stdout == ""


def test_make_test_installs_from_npm_only_what_the_tests_use():
    # Lighthouse and the font package (116 packages, 208 MB) are for make
    # audit and make fonts, which install tools/ themselves; ical.js is one of
    # the calendar clients of tests/calendars.
    tests_need = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    assert set(tests_need) == {"axe-core", "vnu-jar", "ical.js"}
    assert set(lock) == {
        "",
        "node_modules/axe-core",
        "node_modules/vnu-jar",
        "node_modules/ical.js",
    }
    tools = json.loads((ROOT / "tools" / "package.json").read_text())["devDependencies"]
    assert set(tools) == {"lighthouse", "@fontsource/noto-naskh-arabic"}


# --- make messages -----------------------------------------------------------


def catalogue_files(checkout):
    folder = checkout / "locale" / "ar" / "LC_MESSAGES"
    return {name: (folder / name).read_bytes() for name in ("django.po", "django.mo")}


def test_messages_changes_nothing_when_no_string_changed(checkout):
    before = catalogue_files(checkout)

    for _run in range(2):
        result = make("-o", ".venv/.installed", "messages", cwd=checkout)
        assert result.returncode == 0, result.stdout + result.stderr
        assert catalogue_files(checkout) == before


def test_messages_adds_a_new_string_then_compiles_its_translation(checkout):
    before = catalogue_files(checkout)
    (checkout / "catalogue_probe.py").write_text(
        "from django.utils.translation import gettext_lazy as _\n\nPROBE = _('A string added today')\n"
    )

    added = make("-o", ".venv/.installed", "messages", cwd=checkout)

    assert added.returncode != 0
    assert "to translate: 'A string added today'" in added.stdout
    assert catalogue_files(checkout)["django.mo"] == before["django.mo"]
    po_path = checkout / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    catalogue.find("A string added today").msgstr = "نص أضيف اليوم"
    catalogue.save()
    translated = catalogue_files(checkout)

    compiled = make("-o", ".venv/.installed", "messages", cwd=checkout)

    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    assert catalogue_files(checkout)["django.po"] == translated["django.po"]
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    assert mo.find("A string added today").msgstr == "نص أضيف اليوم"
    assert mo.metadata["Plural-Forms"].startswith("nplurals=6;")
