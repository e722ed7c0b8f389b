"""Stop PostgreSQL under load, start it again, and watch the site ride it out.

Starts its own embedded PostgreSQL (so the machine's server is never touched)
and gunicorn with 2 workers on a free loopback port, then runs a bounded load
of readers and one writer (an editor adding statements through the admin) for
PHASES seconds: normal, database stopped, database back. It checks:

- 503 answers (not 500s, not hangs) while the database is down;
- 200 answers again after it returns, with no worker restart;
- every write the site acknowledged is in the database afterwards.

Prints a summary, writes bench/results/db_outage.json, and exits 1 when a check fails.
The site's own log (thousands of "Service Unavailable" lines during the outage)
goes to bench/results/db_outage.log. Whatever way it ends (a failed check, an
error, Ctrl-C, SIGTERM), it stops every server it started (bench/servers.py).
Run: .venv/bin/python bench/db_outage.py
"""

import collections
import http.cookiejar
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
from servers import Servers, fail_here_if_asked, site_socket, start_site

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LOG = RESULTS / "db_outage.log"
PHASES = {"before": 6, "outage": 6, "after": 8}
READERS = 4
PASSWORD = "outage-test-password-123"


def stop_database(server):
    from sscportal.operations.embedded_db import stop_server

    stop_server(server.pgdata)


def restart_database(server):
    with server._lock:
        server.ensure_postgres_running()


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


class Editor:
    """Logs in to the admin and adds statements; remembers what was acknowledged."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.acknowledged = []

    def csrf(self):
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def get(self, path):
        return self.opener.open(self.base + path, timeout=10)

    def post(self, path, data):
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            return self.opener.open(request, timeout=10).status
        except urllib.error.HTTPError as error:
            return error.code

    def log_in(self):
        self.get("/en/admin/login/")
        status = self.post(
            "/en/admin/login/", {"username": "editor", "password": PASSWORD, "next": "/en/admin/"}
        )
        assert status == 302, f"login answered {status}"

    def add_statement(self, number):
        slug = f"outage-write-{number}"
        status = self.post(
            "/en/admin/statements/statement/add/",
            {
                "title_en": f"Write {number}",
                "title_ar": f"كتابة {number}",
                "slug": slug,
                "body_en": "",
                "body_ar": "",
                "speaker_en": "",
                "speaker_ar": "",
                "speaker_title_en": "",
                "speaker_title_ar": "",
                "organization": "",
                "kind": "statement",
                "delivered_on": "2026-11-23",
                "event": "",
                "original_language": "en",
                "source_url": "",
                "text_kind": "full-text",
            },
        )
        if status == 302:
            self.acknowledged.append(slug)
        return status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, request, response, code, message, headers):
        return response


def read(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return "no answer"


def prepare_database(env, password=PASSWORD):
    """Migrate, load countries and the demo content, and add an editor ("editor", password)."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_reference_data")
    manage(env, "setup_roles")
    manage(env, "load_demo_content")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User, Group;"
        f"u = User.objects.create_user('editor', password='{password}', is_staff=True);"
        "u.groups.add(Group.objects.get(name='Editors'))",
    )


def main():
    results = collections.defaultdict(collections.Counter)
    phase = {"name": "before"}
    stop = threading.Event()

    RESULTS.mkdir(parents=True, exist_ok=True)
    print(
        f"About {sum(PHASES.values()) + 20} s; the site's log goes to {LOG.relative_to(ROOT)}",
        flush=True,
    )
    with Servers() as servers:
        work = servers.temporary_directory("sscportal-outage-")
        log = servers.enter_context(LOG.open("w"))
        server, url = servers.start_postgres(work / "pgdata")
        listener = site_socket()
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "0",
            "SECRET_KEY": "outage-" * 8,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": base,
            "CONN_MAX_AGE": "60",
            # Its own static files: never the checkout's, which tests read.
            "STATIC_ROOT": str(work / "staticfiles"),
        }
        # The site starts before the database is filled: a drill that cannot
        # start its servers fails in seconds, not after the migrations.
        gunicorn = start_site(servers, env, log, listener)
        print(f"PostgreSQL and the site are up, on {base}", flush=True)
        fail_here_if_asked()
        prepare_database(env)
        for _ in range(50):
            if read(base, "/healthz") == 200:
                break
            time.sleep(0.2)
        workers_before = sorted(p.pid for p in psutil.Process(gunicorn.pid).children())
        editor = Editor(base)
        editor.log_in()

        def reader():
            paths = ["/en/statements/", "/ar/", "/healthz", "/ar/events/2023/"]
            n = 0
            while not stop.is_set():
                # Counted under the phase in which the answer arrived.
                status = read(base, paths[n % len(paths)])
                results[phase["name"]][status] += 1
                n += 1

        def writer():
            n = 0
            while not stop.is_set():
                status = editor.add_statement(n)
                results[phase["name"] + " (writes)"][status] += 1
                n += 1
                time.sleep(0.05)

        threads = [threading.Thread(target=reader) for _ in range(READERS)]
        threads.append(threading.Thread(target=writer))

        def stop_load():
            stop.set()
            for thread in threads:
                if thread.is_alive():
                    thread.join()

        # However the drill ends, the load stops before the servers it loads:
        # threads still running would keep the drill from exiting.
        servers.callback(stop_load)
        for thread in threads:
            thread.start()
        time.sleep(PHASES["before"])
        phase["name"] = "outage"
        stop_database(server)
        time.sleep(PHASES["outage"])
        restart_database(server)
        phase["name"] = "after"
        # Give the first reconnections a moment, then count only settled answers.
        time.sleep(1)
        results["after"].clear()
        results["after (writes)"].clear()
        time.sleep(PHASES["after"] - 1)
        stop_load()
        workers_after = sorted(p.pid for p in psutil.Process(gunicorn.pid).children())

        import psycopg

        with psycopg.connect(url) as connection:
            stored = {
                row[0]
                for row in connection.execute(
                    "SELECT slug FROM statements_statement WHERE slug LIKE 'outage-write-%'"
                )
            }
        lost = [slug for slug in editor.acknowledged if slug not in stored]

    report = {
        "phases_seconds": PHASES,
        "answers": {
            name: {str(k): v for k, v in counter.items()} for name, counter in results.items()
        },
        "workers_before": workers_before,
        "workers_after": workers_after,
        "writes_acknowledged": len(editor.acknowledged),
        "writes_lost": lost,
    }
    checks = {
        "503 during the outage": results["outage"][503] > 0,
        "no 500 at any time": all(counter[500] == 0 for counter in results.values()),
        "only 200 after recovery": set(results["after"]) == {200},
        "writes succeed after recovery": set(results["after (writes)"]) == {302},
        "no worker restart": workers_before == workers_after,
        "no acknowledged write lost": not lost and len(editor.acknowledged) > 0,
    }
    report["checks"] = checks
    (RESULTS / "db_outage.json").write_text(json.dumps(report, indent=2) + "\n")
    for name, counter in results.items():
        print(f"{name:>18}: " + ", ".join(f"{k}×{v}" for k, v in sorted(counter.items(), key=str)))
    print(f"workers before {workers_before}, after {workers_after}")
    print(f"writes acknowledged {len(editor.acknowledged)}, lost {len(lost)}")
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    with LOG.open() as log:
        print(
            f"The site logged {sum(1 for _line in log)} lines: {LOG.relative_to(ROOT)}", flush=True
        )
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
