"""Every setting read from the environment is in the README's table.

An operator learns the site's settings from the README; a setting added to
sscportal/settings.py without a row there exists only for whoever reads the
code (PAGE_CACHE_VARIANTS_PER_PATH was).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def names_read_from_the_environment():
    names = set()
    for source in [
        ROOT / "sscportal" / "settings.py",
        *(ROOT / "sscportal" / "configuration").glob("*.py"),
    ]:
        names |= set(re.findall(r'env_[a-z]+\(\s*"([A-Z][A-Z0-9_]*)"', source.read_text()))
    return names


def test_the_settings_are_found():
    # So that the test below cannot pass by finding nothing.
    assert {"DATABASE_URL", "SECRET_KEY", "PAGE_CACHE_SECONDS"} <= names_read_from_the_environment()


def test_every_environment_setting_has_a_row_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    documented = {
        name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split(" | ")[0])
    }

    assert sorted(names_read_from_the_environment() - documented) == []
