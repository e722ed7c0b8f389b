"""`make messages`: refresh the Arabic catalogue, touching files only when something changed.

Strings are extracted afresh (makemessages, merged with the committed
catalogue's translations) into a scratch copy. The committed django.po is
replaced only when the strings or their translations differ, not for a new
POT-Creation-Date or moved line numbers; django.mo is compiled again only when
it no longer holds the translations of django.po (msgfmt's output differs
byte for byte from one run to the next).

Run: .venv/bin/python locale/update_catalogue.py
"""

import os
import shutil
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# makemessages writes where a locale path's parent holds the sources, so the
# scratch folder sits at the top of the project (it is git-ignored).
SCRATCH = ROOT / ".extracted-messages"
# Besides speed: makemessages writes a `<name>.py` beside every template it
# reads (`.txt` files are templates to it) and deletes it after, so walking
# static/ put short-lived files under a collectstatic running beside it.
IGNORE = [
    ".venv/*",
    "static/*",
    "staticfiles/*",
    ".pgdata/*",
    "node_modules/*",
    "tools/*",
    "tests/*",
    "bench/*",
    "locale/*",
    ".extracted-messages/*",
]


def strings(catalogue):
    """What a catalogue says, apart from its header and source references."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            entry.msgstr,
            dict(entry.msgstr_plural),
            entry.fuzzy,
        )
        for entry in catalogue
    }


def is_translated(entry):
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translations(catalogue):
    """What a compiled catalogue holds: the translated, non-fuzzy entries."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            entry.msgstr,
            {int(form): text for form, text in entry.msgstr_plural.items()},
        )
        for entry in catalogue
        if entry.msgid and is_translated(entry) and not getattr(entry, "fuzzy", False)
    }


def extract():
    """A fresh catalogue of the code's and templates' strings, with the known translations."""
    from django.core.management import call_command
    from django.test.utils import override_settings

    shutil.rmtree(SCRATCH, ignore_errors=True)
    fresh = SCRATCH / "ar" / "LC_MESSAGES" / "django.po"
    fresh.parent.mkdir(parents=True)
    shutil.copyfile(CATALOGUE, fresh)
    with override_settings(LOCALE_PATHS=[SCRATCH]):
        call_command(
            "makemessages", locale=["ar"], no_obsolete=True, ignore_patterns=IGNORE, verbosity=0
        )
    return fresh


def main():
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sscportal.settings")
    import django

    django.setup()
    from django.core.management import call_command

    try:
        fresh = polib.pofile(str(extract()))
        committed = polib.pofile(str(CATALOGUE))
        if strings(fresh) == strings(committed):
            print(f"{CATALOGUE.relative_to(ROOT)}: no string changed")
        else:
            shutil.copyfile(fresh.fpath, CATALOGUE)
            committed = fresh
            print(f"{CATALOGUE.relative_to(ROOT)}: updated")
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)

    compiled = polib.mofile(str(COMPILED)) if COMPILED.exists() else None
    if (
        compiled is not None
        and translations(compiled) == translations(committed)
        and compiled.metadata.get("Plural-Forms") == committed.metadata.get("Plural-Forms")
    ):
        print(f"{COMPILED.relative_to(ROOT)}: up to date")
    else:
        # compilemessages skips a .po older than its .mo, which is the case
        # after a merge that took one side's .mo: remove the stale file first.
        COMPILED.unlink(missing_ok=True)
        call_command("compilemessages", locale=["ar"], ignore_patterns=IGNORE[:3], verbosity=0)
        print(f"{COMPILED.relative_to(ROOT)}: compiled")

    untranslated = [entry.msgid for entry in committed if not is_translated(entry) or entry.fuzzy]
    for msgid in untranslated:
        print(f"  to translate: {msgid!r}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
