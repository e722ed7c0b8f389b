"""Stop Redis under load, start it again with what it held, and watch the site ride it out.

Starts its own embedded PostgreSQL and its own redis-server on a free port
(the machine's servers are never touched), and gunicorn with 2 workers on
another free port, whose CACHE_URL is that Redis. Readers load pages
throughout; an editor adds statements through the admin and `manage.py
import_content` runs in a loop, each import retitling a "probe" statement
(whose page readers keep in the page cache) and adding one more. Phases:
normal; Redis stopped (SHUTDOWN SAVE) for PHASES["outage"] seconds and until
an import begun in the outage is done; then the writers stop and Redis starts
again from its snapshot, holding the pages and the content version of before
the outage: exactly the case where a version bump lost during the outage
would serve old content. Readers go on. It checks:

- no 5xx at any time (the cache's absence costs speed only);
- admin saves and imports succeed during the outage, and nothing they
  acknowledged (admin 302, import exit 0) is missing from the database;
- after Redis is back, with no write since, the probe's page and the list
  show the title of the last import, made during the outage;
- pages are served from the page cache again, and /healthz reported the cache.

Prints a summary, writes bench/results/cache_outage.json, exits 1 when a check
fails. The site's, the imports' and Redis's logs go to bench/results/cache_outage.log.
Whatever way it ends (a failed check, an error, Ctrl-C, SIGTERM), it stops every
server it started (bench/servers.py).
Run: .venv/bin/python bench/cache_outage.py   (make cache-outage)
"""

import collections
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import redis
from db_outage import Editor, prepare_database
from servers import Servers, fail_here_if_asked, free_port, site_socket, start_site

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LOG = RESULTS / "cache_outage.log"
# The outage lasts at least its seconds, and until an import begun in it is done.
PHASES = {"before": 8, "outage": 10, "after": 8}
READERS = 4
PROBE = "cache-outage-probe"
READ_PATHS = [
    "/en/statements/",
    f"/en/statements/{PROBE}/",
    "/ar/",
    "/healthz",
    "/ar/events/2023/",
    "/en/statements/feed/",
    "/en/initiatives/",
]


class Redis:
    """The drill's redis-server, started (and stopped at the drill's end) through servers."""

    def __init__(self, servers, directory, log):
        self.port = free_port()
        self.servers, self.directory, self.log = servers, directory, log
        self.process = None

    def start(self):
        self.process = self.servers.start(
            [
                shutil.which("redis-server"),
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self.directory),
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}: see the log")
            time.sleep(0.05)

    def answers(self):
        # Asks for its process id: a Redis someone else started on the port
        # since it was found free would answer a PING too.
        client = redis.Redis("127.0.0.1", self.port, socket_timeout=0.5, socket_connect_timeout=0.5)
        try:
            return client.info("server")["process_id"] == self.process.pid
        except redis.RedisError:
            return False
        finally:
            client.close()

    def stop_keeping_its_data(self):
        # SHUTDOWN SAVE writes dump.rdb, which the next start loads: Redis
        # comes back with the pages and the content version it held.
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "save"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            check=False,
        )
        self.process.wait(10)


def read(base, path):
    """(status, served from the page cache) for one GET."""
    try:
        with urllib.request.urlopen(base + path, timeout=15) as response:
            response.read()
            return response.status, response.headers.get("X-Page-Cache") == "hit"
    except urllib.error.HTTPError as error:
        return error.code, False
    except OSError:
        return "no answer", False


def status_class(status):
    return status if isinstance(status, str) else f"{status // 100}xx"


def import_document(number):
    """One statement retitled (the probe), one added: version 2 of the exchange format."""

    def statement(slug, title_en, title_ar, delivered_on="2026-11-24"):
        return {
            "slug": slug,
            "status": "published",
            "title": {"en": title_en, "ar": title_ar},
            "body": {"en": "<p>Written by the cache-outage drill.</p>", "ar": ""},
            "speaker": {"en": "", "ar": ""},
            "speaker_title": {"en": "", "ar": ""},
            "organization": None,
            "kind": "statement",
            "delivered_on": delivered_on,
            "event": None,
            "original_language": "en",
            "source_url": None,
        }

    return {
        "format": "sscportal-content",
        "version": 2,
        "statements": [
            # Newest, so it heads the list page whatever else is imported.
            statement(PROBE, f"Probe title {number}", f"عنوان المسبار {number}", "2026-11-25"),
            statement(f"cache-outage-import-{number}", f"Import {number}", f"استيراد {number}"),
        ],
    }


def main():
    if not shutil.which("redis-server") or not shutil.which("redis-cli"):
        print("make cache-outage needs redis-server and redis-cli: apt-get install redis-server")
        return 1
    results = collections.defaultdict(collections.Counter)
    hits_after = collections.Counter()
    phase = {"name": "before"}
    stop = threading.Event()
    stop_writing = threading.Event()
    may_write = threading.Event()
    may_write.set()
    idle = {"writer": threading.Event(), "importer": threading.Event()}
    imports = {"acknowledged": [], "failed": 0, "errors": []}

    RESULTS.mkdir(parents=True, exist_ok=True)
    print(
        f"About {sum(PHASES.values()) + 40} s; the site's and Redis's logs go to "
        f"{LOG.relative_to(ROOT)}",
        flush=True,
    )
    with Servers() as servers:
        work = servers.temporary_directory("sscportal-cache-outage-")
        log = servers.enter_context(LOG.open("w"))
        _, url = servers.start_postgres(work / "pgdata")
        redis_server = Redis(servers, work, log)
        redis_server.start()
        listener = site_socket()
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "CACHE_URL": f"redis://127.0.0.1:{redis_server.port}/0",
            "DEBUG": "0",
            "SECRET_KEY": "cache-outage-" * 5,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": base,
            "CONN_MAX_AGE": "60",
            # Its own static files: never the checkout's, which tests read.
            "STATIC_ROOT": str(work / "staticfiles"),
        }
        # The site starts before the database is filled: a drill that cannot
        # start its servers fails in seconds, not after the migrations.
        start_site(servers, env, log, listener)
        print(
            f"PostgreSQL, Redis (port {redis_server.port}) and the site are up, on {base}",
            flush=True,
        )
        fail_here_if_asked()
        prepare_database(env)

        def run_import(number):
            path = work / f"import-{number}.json"
            path.write_text(json.dumps(import_document(number), ensure_ascii=False))
            done = subprocess.run(
                [sys.executable, "manage.py", "import_content", str(path)],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            log.write(f"import {number} ({phase['name']}): exit {done.returncode}\n")
            log.write(done.stdout + done.stderr)
            if done.returncode == 0:
                imports["acknowledged"].append(number)
            else:
                imports["failed"] += 1
                imports["errors"].append(done.stderr.strip().splitlines()[-1:])
            return done.returncode

        assert run_import(0) == 0, "the first import failed: see the log"
        for _ in range(100):
            if read(base, "/healthz")[0] == 200:
                break
            time.sleep(0.2)
        editor = Editor(base)
        editor.log_in()

        def reader():
            n = 0
            while not stop.is_set():
                path = READ_PATHS[n % len(READ_PATHS)]
                status, hit = read(base, path)
                # Counted under the phase in which the answer arrived.
                results[phase["name"]][status_class(status)] += 1
                if phase["name"] == "after" and path != "/healthz":
                    hits_after["hit" if hit else "rendered"] += 1
                n += 1

        def pause_point(name):
            if not may_write.is_set():
                idle[name].set()
                may_write.wait()
                idle[name].clear()

        def writer():
            n = 0
            while not stop_writing.is_set():
                pause_point("writer")
                status = editor.add_statement(n)
                results[phase["name"] + " (admin writes)"][status_class(status)] += 1
                n += 1
                time.sleep(0.1)

        def importer():
            n = 1
            while not stop_writing.is_set():
                pause_point("importer")
                # Counted under the phase in which it started: an import
                # begun during the outage waits for the cache at its end.
                started = phase["name"]
                status = run_import(n)
                results[started + " (imports)"]["ok" if status == 0 else "failed"] += 1
                n += 1

        readers = [threading.Thread(target=reader) for _ in range(READERS)]
        writers = [threading.Thread(target=writer), threading.Thread(target=importer)]

        def stop_load():
            stop_writing.set()
            may_write.set()  # a writer waiting at its pause point would wait forever
            stop.set()
            for thread in readers + writers:
                if thread.is_alive():
                    thread.join()

        # However the drill ends, the load stops before the servers it loads
        # (an import under way finishes): threads still running would keep the
        # drill from exiting.
        servers.callback(stop_load)
        for thread in readers + writers:
            thread.start()
        time.sleep(PHASES["before"])
        # A quiet moment, so that Redis holds the probe's page as it is now
        # under the version it will come back with.
        may_write.clear()
        for event in idle.values():
            event.wait(60)
        probe_cached = any(
            read(base, f"/en/statements/{PROBE}/")[1] or time.sleep(0.2) for _ in range(50)
        )
        phase["name"] = "outage"
        redis_server.stop_keeping_its_data()
        may_write.set()
        health_during = read_json(base, "/healthz")
        time.sleep(PHASES["outage"])
        # The outage lasts until an import begun in it has finished.
        deadline = time.monotonic() + 60
        while not results["outage (imports)"] and time.monotonic() < deadline:
            time.sleep(0.2)
        # No write after the outage: what readers see next depends only on
        # the bumps lost during it being made good.
        stop_writing.set()
        for thread in writers:
            thread.join()
        redis_server.start()
        phase["name"] = "after"
        time.sleep(PHASES["after"])
        stop_load()
        last_import = imports["acknowledged"][-1]  # imports never overlap
        probe_page = fetch_text(base, f"/en/statements/{PROBE}/")
        list_page = fetch_text(base, "/en/statements/")
        health_after = read_json(base, "/healthz")
        admin_write_after = editor.add_statement("after")

        import psycopg

        with psycopg.connect(url) as connection:
            stored = {
                row[0]
                for row in connection.execute(
                    "SELECT slug FROM statements_statement WHERE slug LIKE 'outage-write-%' "
                    "OR slug LIKE 'cache-outage-import-%'"
                )
            }
            probe_title = connection.execute(
                "SELECT title_en FROM statements_statement WHERE slug = %s", [PROBE]
            ).fetchone()[0]
        lost_admin = [slug for slug in editor.acknowledged if slug not in stored]
        lost_imports = [
            n for n in imports["acknowledged"] if n and f"cache-outage-import-{n}" not in stored
        ]

    expected_title = f"Probe title {last_import}"
    answers = {name: dict(counter) for name, counter in results.items()}
    five_hundreds = sum(counter["5xx"] for counter in results.values())
    checks = {
        "no 5xx at any time": five_hundreds == 0,
        "readers answered 2xx during the outage": set(results["outage"]) == {"2xx"},
        "only 2xx after recovery": set(results["after"]) == {"2xx"},
        "admin writes succeeded during the outage": set(results["outage (admin writes)"])
        == {"3xx"},
        "imports succeeded during the outage": results["outage (imports)"]["ok"] > 0
        and not results["outage (imports)"]["failed"],
        "no acknowledged write lost": not lost_admin and not lost_imports,
        "Redis went down holding the probe's page": probe_cached,
        "the database holds the last import's title": probe_title == expected_title,
        "after recovery the probe page shows the last import": expected_title in probe_page,
        "after recovery the list shows the last import": expected_title in list_page,
        "pages served from the page cache again after recovery": hits_after["hit"] > 0,
        "an admin write succeeds after recovery": admin_write_after == 302,
        "healthz said the cache was down, then ok": health_during.get("cache") == "unavailable"
        and health_after.get("cache") == "ok",
    }
    report = {
        "phases_seconds": PHASES,
        "answers": answers,
        "page_cache_after_recovery": dict(hits_after),
        "healthz_during": health_during,
        "healthz_after": health_after,
        "admin_writes_acknowledged": len(editor.acknowledged),
        "admin_writes_lost": lost_admin,
        "imports_acknowledged": len(imports["acknowledged"]),
        "imports_failed": imports["failed"],
        "imports_lost": lost_imports,
        "checks": checks,
    }
    (RESULTS / "cache_outage.json").write_text(json.dumps(report, indent=2) + "\n")
    for name, counter in results.items():
        print(f"{name:>24}: " + ", ".join(f"{k}×{v}" for k, v in sorted(counter.items())))
    print(f"after recovery, pages from the page cache: {dict(hits_after)}")
    print(f"/healthz during: {health_during}; after: {health_after}")
    print(f"5xx: {five_hundreds}")
    print(
        f"admin writes acknowledged {len(editor.acknowledged)}, lost {len(lost_admin)}; "
        f"imports acknowledged {len(imports['acknowledged'])}, failed {imports['failed']}, "
        f"lost {len(lost_imports)}"
    )
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    print(f"Details: {(RESULTS / 'cache_outage.json').relative_to(ROOT)}, {LOG.relative_to(ROOT)}")
    return 0 if all(checks.values()) else 1


def fetch_text(base, path):
    with urllib.request.urlopen(base + path, timeout=15) as response:
        return response.read().decode()


def read_json(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=15) as response:
            return json.loads(response.read())
    except (OSError, ValueError) as error:
        return {"error": str(error)}


if __name__ == "__main__":
    sys.exit(main())
