"""Every interface string is translated into Arabic, with Arabic's six plural forms."""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]


def catalogue_script():
    """locale/update_catalogue.py (what `make messages` runs), for its list of
    folders makemessages must not walk: one list for both."""
    spec = importlib.util.spec_from_file_location(
        "update_catalogue", ROOT / "locale" / "update_catalogue.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CATALOGUE = ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def test_catalogue_has_the_six_arabic_plural_forms(catalogue):
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=6;")
    for entry in catalogue:
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            assert len(forms) == 6 and all(forms.values()), entry.msgid


def test_catalogue_is_complete_and_not_fuzzy(catalogue):
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.percent_translated() == 100


def test_compiled_catalogue_is_current(catalogue):
    compiled = {key(e): (e.msgstr, dict(e.msgstr_plural)) for e in polib.mofile(str(COMPILED))}
    for entry in catalogue.translated_entries():
        stored = compiled.get(key(entry))
        assert stored is not None, f"{entry.msgid!r} is not in django.mo: run make messages"
        if entry.msgid_plural:
            assert stored[1] == {int(k): v for k, v in entry.msgstr_plural.items()}
        else:
            assert stored[0] == entry.msgstr, entry.msgid


def test_every_string_in_code_and_templates_is_in_the_catalogue(catalogue):
    """Extract the strings afresh; any the committed catalogue lacks is untranslated."""
    # makemessages writes where a locale path's parent contains the sources,
    # so the scratch folder must sit at the top of the project.
    scratch = ROOT / ".extracted-messages"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    try:
        fresh = _extract(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    known = {key(entry) for entry in catalogue.translated_entries()}
    missing = [entry.msgid for entry in fresh if key(entry) not in known]
    assert missing == [], "run `make messages` and translate these"


def _extract(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.i18n.messages_settings",
        "EXTRACT_LOCALE_DIR": str(tmp_path),
    }
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "ar",
            "--no-obsolete",
            *[f"--ignore={pattern}" for pattern in catalogue_script().IGNORE],
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(tmp_path / "ar" / "LC_MESSAGES" / "django.po"))


def test_extraction_stays_out_of_the_static_folders(settings):
    """makemessages writes `<template>.py` beside each `.txt` it reads and deletes
    it again; in static/ that raced a collectstatic in another test process
    (FileNotFoundError for swagger-ui-bundle.js.LICENSE.txt.py)."""
    ignored = catalogue_script().IGNORE
    for folder in [*settings.STATICFILES_DIRS, ROOT / "staticfiles"]:
        assert f"{Path(folder).relative_to(ROOT)}/*" in ignored
