"""Fill the database's disk under load, free it again, and watch the site ride it out.

Starts its own embedded PostgreSQL with its data folder on a small tmpfs of its
own (mounting one needs root; the machine's own servers are never touched),
and gunicorn with 2 workers whose metrics folder (the one folder the running
site writes files into: it has no uploads, hence no media folder) is on a
second tiny tmpfs. Readers read pages straight from the database (no page,
fragment or worker cache) while an editor adds statements with long texts and
edits one through the admin, for PHASES seconds: normal; both disks full to
the last byte; space back. It checks:

- readers get only 200s throughout, the full disks included;
- no 500 at any time: a save the database refuses (SQLSTATE 53100) comes
  back as the admin's form with a message saying why;
- nothing half-written: every save the site acknowledged (302) is stored
  whole, every refused one left nothing (no statement, no history record);
- after the space returns, saves succeed again, without restarting anything.

PostgreSQL keeps its write-ahead log on the machine's disk, not on the full
one: PostgreSQL stops (PANIC) when it cannot create a WAL segment, which is
its documented behaviour and no site can ride out; keep pg_wal where it
cannot fill up with the data (docs/OPERATIONS.md). The drill prints a
summary, writes bench/results/disk_full.json, and exits 1 when a check fails.
However it ends, it stops what it started and unmounts its disks
(bench/servers.py).
Run as root: .venv/bin/python bench/disk_full.py   (make disk-full)
"""

import collections
import json
import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
from pathlib import Path

import psutil
from db_outage import Editor, prepare_database, read, restart_database, stop_database
from nginx_drill import FormFields
from servers import Servers, fail_here_if_asked, site_socket, start_site

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LOG = RESULTS / "disk_full.log"
# Normal; the database's disk full; the site's metrics folder full as well; space back.
PHASES = {"before": 6, "database full": 8, "both full": 6, "after": 8}
if os.environ.get("SSCPORTAL_DRILL_QUICK"):  # tests/operations/test_disk_full_drill.py
    PHASES = {"before": 2, "database full": 4, "both full": 3, "after": 4}
READERS = 3
DATABASE_DISK_MB = 320
SITE_DISK_MB = 4
# Long enough (and random, so that compression cannot shrink it) that a new
# statement needs new pages in its tables: an add on a full disk must fail.
BODY_WORDS = 6000
READ_PATHS = [
    "/en/statements/",
    "/ar/",
    "/en/initiatives/?sdg=3",
    "/ar/events/2023/",
    "/en/statements/unesco-dg-message-2005/",
    "/en/search/?q=cooperation",
    "/healthz",
]
EDITED = "unesco-dg-message-2005"
REFUSED = "The database cannot store anything at the moment (its disk is full)"


def mount_tmpfs(servers, path, megabytes):
    """A tmpfs of `megabytes` at path, unmounted when the drill ends (after its servers stop)."""
    path.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0755", "sscportal-drill", path],
        check=True,
    )
    servers.callback(unmount, path)


def unmount(path):
    if subprocess.run(["umount", path], capture_output=True).returncode != 0:
        # Still busy (a server that would not stop): detach it now, freed when let go.
        subprocess.run(["umount", "-l", path], capture_output=True)


def fill(disk):
    """Take every free byte of disk with files of its own; the files, to free it again."""
    files = []
    for number, chunk in enumerate((1 << 20, 1 << 12, 1)):
        path = disk / f"filler-{number}"
        files.append(path)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            block = b"\0" * chunk
            while True:
                os.write(descriptor, block)
        except OSError:
            pass  # full
        finally:
            os.close(descriptor)
    return files


def free(files):
    for path in files:
        path.unlink(missing_ok=True)


def words(count):
    return " ".join(secrets.token_urlsafe(6) for _ in range(count))


class DiskFullEditor(Editor):
    """Adds statements with long texts and edits one; remembers what was answered how."""

    def __init__(self, base):
        super().__init__(base)
        self.refused = []  # slugs of additions answered with the form and the message
        self.edits = []  # (title sent, answer)
        self.other = collections.Counter()  # any other answer

    def add_long_statement(self, number):
        slug = f"full-disk-{number}"
        status, page = self.submit(
            "/en/admin/statements/statement/add/",
            {
                "title_en": f"Long statement {number}",
                "title_ar": "",
                "slug": slug,
                "status": "draft",
                "body_en": f"<p>{words(BODY_WORDS)}</p>",
                "body_ar": "",
                "kind": "statement",
                "delivered_on": "2026-11-23",
                "original_language": "en",
                "text_kind": "full-text",
            },
        )
        if status == 302:
            self.acknowledged.append(slug)
        elif status == 200 and REFUSED in page:
            self.refused.append(slug)
        else:
            self.other[status] += 1
        return status

    def edit_statement(self, change_path, number):
        form = FormFields()
        try:
            form.feed(self.get(change_path).read().decode())
        except OSError as error:  # an HTTP error status included
            status = getattr(error, "code", "no answer")
            self.edits.append((None, status))
            return status
        title = f"Edited during the drill {number}"
        fields = [
            (name, title if name == "title_en" else value)
            for name, value in form.fields
            if name != "csrfmiddlewaretoken"
        ]
        status, page = self.submit(change_path, fields)
        if status == 200 and REFUSED not in page:
            status = "200 without the message"
        self.edits.append((title, status))
        return status

    def submit(self, path, data):
        """(status, page text) of a POST of the admin form at path."""
        pairs = list(data.items()) if isinstance(data, dict) else list(data)
        body = urllib.parse.urlencode([*pairs, ("csrfmiddlewaretoken", self.csrf())]).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")
        except OSError:
            return "no answer", ""


def stored(url):
    """What the database holds of the drill's statements: {slug: (title, history records)}."""
    import psycopg

    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT s.slug, s.title_en, (SELECT count(*) FROM statements_historicalstatement h"
            " WHERE h.slug = s.slug) FROM statements_statement s"
            " WHERE s.slug LIKE 'full-disk-%%' OR s.slug = %s",
            [EDITED],
        ).fetchall()
        orphans = connection.execute(
            "SELECT count(*) FROM statements_historicalstatement h WHERE h.slug LIKE 'full-disk-%%'"
            " AND NOT EXISTS (SELECT 1 FROM statements_statement s WHERE s.slug = h.slug)"
        ).fetchone()[0]
        statement_id = connection.execute(
            "SELECT id FROM statements_statement WHERE slug = %s", [EDITED]
        ).fetchone()[0]
    return {slug: (title, records) for slug, title, records in rows}, orphans, statement_id


def keep_wal_apart(server, data_dir, wal):
    """Move the server's write-ahead log to `wal`, off the disk the drill fills."""
    stop_database(server)
    subprocess.run(["cp", "-a", str(data_dir / "pg_wal"), str(wal)], check=True)
    subprocess.run(["rm", "-r", str(data_dir / "pg_wal")], check=True)
    (data_dir / "pg_wal").symlink_to(wal)
    restart_database(server)


def postmaster_pid(data_dir):
    return int((Path(data_dir) / "postmaster.pid").read_text().split()[0])


def main():
    if os.geteuid() != 0:
        print("make disk-full needs root: it mounts two small tmpfs disks", file=sys.stderr)
        return 2
    results = collections.defaultdict(collections.Counter)
    phase = {"name": "before"}
    stop = threading.Event()
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"About {sum(PHASES.values()) + 40} s; the site's log goes to {LOG.relative_to(ROOT)}")
    with Servers() as servers:
        work = servers.temporary_directory("sscportal-disk-full-")
        log = servers.enter_context(LOG.open("w"))
        database_disk, site_disk = work / "database-disk", work / "site-disk"
        mount_tmpfs(servers, database_disk, DATABASE_DISK_MB)
        mount_tmpfs(servers, site_disk, SITE_DISK_MB)
        data_dir = database_disk / "pgdata"
        server, url = servers.start_postgres(data_dir)
        keep_wal_apart(server, data_dir, work / "pg_wal")
        metrics = site_disk / "metrics"
        metrics.mkdir()
        listener = site_socket()
        base = f"http://127.0.0.1:{listener.getsockname()[1]}"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DEBUG": "0",
            "SECRET_KEY": "disk-full-" * 6,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": base,
            "STATIC_ROOT": str(work / "staticfiles"),
            "PROMETHEUS_MULTIPROC_DIR": str(metrics),
            # Every read goes to the database.
            "PAGE_CACHE_SECONDS": "0",
            "CACHE_FRAGMENTS": "0",
            "CACHE_WORKER_MEMORY": "0",
        }
        gunicorn = start_site(servers, env, log, listener)
        print(f"PostgreSQL and the site are up, on {base}", flush=True)
        fail_here_if_asked()
        prepare_database(env)
        postmaster_before = postmaster_pid(data_dir)
        workers_before = sorted(p.pid for p in psutil.Process(gunicorn.pid).children())
        editor = DiskFullEditor(base)
        editor.log_in()
        change_path = f"/en/admin/statements/statement/{stored(url)[2]}/change/"

        def reader():
            n = 0
            while not stop.is_set():
                status = read(base, READ_PATHS[n % len(READ_PATHS)])
                results[phase["name"]][status] += 1
                n += 1

        def writer():
            n = 0
            while not stop.is_set():
                status = editor.add_long_statement(n)
                results[phase["name"] + " (adds)"][status] += 1
                status = editor.edit_statement(change_path, n)
                results[phase["name"] + " (edits)"][status] += 1
                n += 1

        threads = [threading.Thread(target=reader) for _ in range(READERS)]
        threads.append(threading.Thread(target=writer))

        def stop_load():
            stop.set()
            for thread in threads:
                if thread.is_alive():
                    thread.join()

        servers.callback(stop_load)
        for thread in threads:
            thread.start()
        time.sleep(PHASES["before"])
        phase["name"] = "database full"
        fillers = fill(database_disk)
        time.sleep(PHASES["database full"])
        phase["name"] = "both full"
        fillers += fill(site_disk)
        full_at = {path.parent.name: os.statvfs(path.parent).f_bavail for path in fillers}
        time.sleep(PHASES["both full"])
        free(fillers)
        phase["name"] = "after"
        time.sleep(1)  # count settled answers only
        results["after"].clear()
        results["after (adds)"].clear()
        results["after (edits)"].clear()
        time.sleep(PHASES["after"] - 1)
        stop_load()
        workers_after = sorted(p.pid for p in psutil.Process(gunicorn.pid).children())
        postmaster_after = postmaster_pid(data_dir)
        rows, orphans, _id = stored(url)

    lost = [slug for slug in editor.acknowledged if slug not in rows]
    half_written = [slug for slug in editor.refused if slug in rows]
    edit_titles = {title for title, status in editor.edits if status == 302}
    last_title = rows.get(EDITED, ("", 0))[0]
    acknowledged_edit_last = next(
        (title for title, status in reversed(editor.edits) if status == 302), None
    )
    report = {
        "phases_seconds": PHASES,
        "disks_mb": {"database": DATABASE_DISK_MB, "site": SITE_DISK_MB},
        "free_blocks_when_full": full_at,
        "answers": {
            name: {str(k): v for k, v in counter.items()} for name, counter in results.items()
        },
        "adds_acknowledged": len(editor.acknowledged),
        "adds_refused_with_message": len(editor.refused),
        "adds_answered_otherwise": {str(k): v for k, v in editor.other.items()},
        "adds_lost": lost,
        "refused_adds_stored": half_written,
        "history_records_without_statement": orphans,
        "edits_acknowledged": len(edit_titles),
        "workers_before": workers_before,
        "workers_after": workers_after,
        "postmaster_before": postmaster_before,
        "postmaster_after": postmaster_after,
    }
    reads = [name for name in results if "(" not in name]
    checks = {
        "readers got only 200s, the full disk included": all(
            set(results[name]) == {200} for name in reads
        ),
        "no 500 (nor other error) at any time": all(
            not [k for k in counter if k not in (200, 302)] for counter in results.values()
        ),
        "saves refused with the message while full": len(editor.refused) > 0,
        "nothing half-written": not half_written and not orphans and not lost,
        "the stored title is the last acknowledged edit": last_title == acknowledged_edit_last,
        "saves succeed once space returns": set(results["after (adds)"]) == {302}
        and set(results["after (edits)"]) == {302},
        "no worker nor database restart": workers_before == workers_after
        and postmaster_before == postmaster_after,
    }
    report["checks"] = checks
    (RESULTS / "disk_full.json").write_text(json.dumps(report, indent=2) + "\n")
    for name, counter in results.items():
        print(f"{name:>14}: " + ", ".join(f"{k}×{v}" for k, v in sorted(counter.items(), key=str)))
    print(
        f"adds acknowledged {len(editor.acknowledged)}, refused with the message "
        f"{len(editor.refused)}, otherwise {dict(editor.other)}; lost {len(lost)}, "
        f"refused but stored {len(half_written)}, orphan history records {orphans}"
    )
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
