"""Lists of names are in the reader's alphabetical order, the same on every server.

The embedded PostgreSQL 18 has no ICU and Debian's PostgreSQL 15 has; the
Arabic countries list must not depend on which one serves it.
"""

import json
import os
import re
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from bench.postgres_programs import database_url
from sscportal.text.collation import sort_key

ROOT = Path(__file__).resolve().parents[2]
# The machine's own server, the second one when the tests run on the embedded one.
MACHINE_SERVER = os.environ.get(
    "SECOND_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)

# In Arabic order: hamza forms of alef are alef with a mark, and the article
# does not count (الجزائر is filed under ج). By code point, أنغولا (U+0623)
# would come before إثيوبيا (U+0625), and الجزائر before both.
AFRICA_IN_ORDER = ["إثيوبيا", "أنغولا", "أوغندا", "بوتسوانا", "الجزائر", "جيبوتي"]


def test_arabic_names_sort_as_arabic_readers_expect():
    names = ["جيبوتي", "الجزائر", "بوتسوانا", "أوغندا", "أنغولا", "إثيوبيا"]
    assert sorted(names, key=lambda name: sort_key(name, "ar")) == AFRICA_IN_ORDER


def test_english_names_ignore_case_and_accents():
    names = ["Cyprus", "côte d'Ivoire", "Cuba", "Colombia", "Chad"]
    assert sorted(names, key=lambda name: sort_key(name, "en")) == [
        "Chad",
        "Colombia",
        "côte d'Ivoire",
        "Cuba",
        "Cyprus",
    ]


# Run in a subprocess against one database: the Arabic country filter's options
# (by region) and the Arabic countries index, as names in page order.
READ_LISTS = """
import json, re, django
django.setup()
from django.test import Client
client = Client()
options = client.get("/ar/initiatives/").content.decode()
index = client.get("/ar/countries/").content.decode()
select = re.search(r'<select[^>]*name="country".*?</select>', options, re.S).group(0)
print(json.dumps({
    "filter": re.findall(r'<option[^>]* value="[a-z]{2}"[^>]*>([^<(]+?) ?[(<]', select),
    "index": re.findall(r'<li><a href="/ar/countries/[a-z]{2}/">([^<]+)</a>', index),
}, ensure_ascii=False))
"""


def lists_on(url):
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "sscportal.settings"}
    env["ALLOWED_HOSTS"] = "testserver"

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("load_reference_data")
    manage("import_content", "demo/content.json")
    result = subprocess.run(
        [sys.executable, "-c", READ_LISTS], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@contextmanager
def scratch_database(server_url):
    """An empty UTF-8 database on the server at server_url, dropped afterwards."""
    name = f"sscportal_collation_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield re.sub(r"/[^/]*$", f"/{name}", server_url)
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def embedded_server(data_dir):
    from sscportal.operations.embedded_db import start_server, stop_server

    data_dir.mkdir()
    data_dir.chmod(0o755)
    settings = start_server(data_dir)
    try:
        yield database_url({**settings, "USER": "postgres"}, "postgres")
    finally:
        stop_server(data_dir)


@contextmanager
def the_other_server(tmp_path):
    """The machine's server when the tests run on the embedded one, else an embedded one."""
    if connection.vendor == "postgresql" and connection.settings_dict["ENGINE"].startswith(
        "sscportal.operations.embedded_db"
    ):
        yield MACHINE_SERVER
    else:
        tmp_path.chmod(0o755)
        with embedded_server(tmp_path / "pgdata") as url:
            yield url


@pytest.mark.django_db
def test_the_arabic_countries_lists_are_in_the_same_order_on_both_servers(tmp_path):
    this_server = database_url(connection.settings_dict, "postgres")
    with the_other_server(tmp_path) as other_server:
        with scratch_database(this_server) as here, scratch_database(other_server) as there:
            versions = []
            for url in (here, there):
                with psycopg.connect(url) as db:
                    versions.append(db.info.server_version // 10000)
            lists_here, lists_there = lists_on(here), lists_on(there)

    # Two different builds: PostgreSQL 18 without ICU and the machine's 15 with it.
    assert versions[0] != versions[1], versions
    assert lists_here == lists_there
    africa = [name for name in lists_here["filter"] if name in AFRICA_IN_ORDER]
    assert africa == AFRICA_IN_ORDER
    assert len(lists_here["filter"]) > 200
    # The demo's Asian countries: تركيا (ت) before الصين (ص), the article ignored.
    index = lists_here["index"]
    assert index.index("تركيا") < index.index("الصين")
