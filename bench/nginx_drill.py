"""The site behind the shipped nginx configuration, as in production, on loopback.

Starts its own PostgreSQL database (a scratch database on the server named by
DATABASE_URL, dropped afterwards, or else an embedded server of its own), its
own redis-server, gunicorn with deploy/gunicorn.conf.py and the production
settings, and nginx running deploy/nginx/sscportal.conf (ports, paths and a
self-signed certificate filled in; every caching directive as shipped). Checks:

- an anonymous page comes from nginx's cache the second time (X-Cache-Status: HIT);
- a signed-in editor's requests go past the cache and are `private`; a page the
  site marks `private` is never kept;
- an edit made through the admin reaches anonymous readers once the page's
  max-age (60 s) is over, and an unchanged page is then revalidated (304
  from the site) instead of being sent again;
- a graceful reload (HUP, what `systemctl reload` sends) drops no request;
- static files, the HTTP to HTTPS redirect, the request id in gunicorn's log.

Then measures with wrk the same page through nginx and from gunicorn alone,
and nginx's hit rate. tests/operations/test_nginx.py runs the checks (not the
measurement) in CI. Every process it starts is stopped, also on failure.
Run: .venv/bin/python bench/nginx_drill.py   (make nginx-drill; about 2 minutes)
"""

import contextlib
import gzip
import html.parser
import http.cookiejar
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

# The drills are scripts that import each other from this folder; last on the
# path, so that its settings.py or urls.py never stand for anyone else's.
sys.path.append(str(Path(__file__).resolve().parent))

from cache_outage import Redis  # noqa: E402
from db_outage import manage, prepare_database  # noqa: E402
from servers import Servers, free_port, stop_process  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITE_CONF = ROOT / "deploy" / "nginx" / "sscportal.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
RESULTS = ROOT / "bench" / "results"
# Debian installs it in /usr/sbin, which a user's PATH may not list.
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The editor prepare_database adds (bench/db_outage.py), with this drill's password.
EDITOR, PASSWORD = "editor", "nginx-drill-password-123"
# A page the edit changes, and one it leaves alone.
EDITED_STATEMENT = "secretary-general-statement-2023"
EDITED_PAGE = f"/en/statements/{EDITED_STATEMENT}/"
UNCHANGED_PAGE = "/en/pages/accessibility/"
# What the site tells browsers and proxies (sscportal/caching/pages.py, BROWSER_MAX_AGE).
MAX_AGE = 60


def missing(*tools):
    """What to install for each of `tools` (Debian package names) that is not there."""
    return [
        f"{tool} is not installed (apt-get install {tool})"
        for tool in tools
        if not (Path(NGINX).exists() if tool == "nginx" else shutil.which(tool))
    ]


# --- the shipped configuration, filled in ------------------------------------


def render_site_conf(text, *, http_port, https_port, upstream, static_root, folder, cert, key):
    """deploy/nginx/sscportal.conf with this run's ports, paths and certificate.

    Only what an operator replaces is replaced, each the number of times the
    file has it: a change to the file that this misses fails here, loudly.
    """
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    text = "\n".join(lines) + "\n"
    replacements = [
        # (shipped, this run's, how many times the shipped file has it)
        ("listen 80;", f"listen 127.0.0.1:{http_port};", 1),
        ("listen [::]:80;", "", 1),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", 1),
        ("listen [::]:443 ssl http2;", "", 1),
        ("server 127.0.0.1:8000;", f"server {upstream};", 1),
        ("/srv/sscportal/app/staticfiles/", f"{static_root}/", 2),
        ("/var/cache/nginx/sscportal ", f"{folder}/cache ", 1),
        ("/etc/ssl/sscportal/fullchain.pem", str(cert), 1),
        ("/etc/ssl/sscportal/privkey.pem", str(key), 1),
        ("/var/log/nginx/", f"{folder}/", 2),
        ("/var/www/acme", f"{folder}/acme", 1),
    ]
    for shipped, here, times in replacements:
        found = text.count(shipped)
        if found != times:
            raise ValueError(
                f"{SITE_CONF.name}: expected {shipped!r} {times} time(s), found {found}"
            )
        text = text.replace(shipped, here)
    return text


def main_conf(folder):
    """The part of /etc/nginx/nginx.conf the site file relies on, in `folder`."""
    # Run as root (CI), nginx's workers would otherwise be "nobody", who may
    # not read the drill's static files.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/sscportal.conf;
}}
"""


def self_signed_certificate(folder):
    """A certificate for 127.0.0.1, valid one day, and its key (openssl)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def write_nginx_conf(folder, **ports_and_paths):
    """The shipped site in a main configuration of its own under `folder`; the main file's path."""
    (folder / "sscportal.conf").write_text(
        render_site_conf(SITE_CONF.read_text(), folder=folder, **ports_and_paths)
    )
    for name in ("cache", "acme"):
        (folder / name).mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(main_conf(folder))
    return conf


def nginx_command(conf, *args):
    folder = conf.parent
    return [NGINX, "-p", str(folder), "-c", str(conf), "-e", str(folder / "error.log"), *args]


# --- a database ---------------------------------------------------------------


@contextlib.contextmanager
def scratch_database(server_url):
    """A new, empty UTF-8 database on the server of `server_url`, dropped afterwards; its URL."""
    import psycopg

    name = f"sscportal_nginx_drill_{uuid.uuid4().hex[:8]}"
    parts = urllib.parse.urlsplit(server_url)
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def embedded_database():
    """An embedded PostgreSQL of its own in a temporary folder, stopped afterwards; its URL."""
    with Servers() as servers:
        folder = servers.temporary_directory("sscportal-nginx-drill-db-")
        _server, url = servers.start_postgres(folder / "pgdata")
        yield url


# --- the stack ------------------------------------------------------------------


class Stack:
    """PostgreSQL (given), Redis, gunicorn and nginx, started in that order, stopped in reverse."""

    def __init__(self, database_url, folder):
        self.database_url = database_url
        self.folder = Path(folder)
        self.runtime = self.folder / "run"
        self.static_root = self.folder / "staticfiles"
        self.gunicorn_port, self.http_port, self.https_port = (free_port() for _ in range(3))
        self.gunicorn_base = f"http://127.0.0.1:{self.gunicorn_port}"
        self.base = f"https://127.0.0.1:{self.https_port}"
        self.access_log = self.folder / "gunicorn.stdout"
        self.error_log = self.folder / "gunicorn.stderr"
        self.nginx_log = self.folder / "sscportal.access.log"
        self.processes = contextlib.ExitStack()

    def environment(self):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "sscportal.settings_production",
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": "nginx-drill-" * 5,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "https://127.0.0.1",
            # nginx passes the host without the port; the editor's browser sends it with.
            "CSRF_TRUSTED_ORIGINS": self.base,
            "SECURE_PROXY_SSL_HEADER": "1",
            "AXES_IPWARE_PROXY_COUNT": "1",
            "CACHE_URL": f"redis://127.0.0.1:{self.redis.port}/0",
            "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}",
            "WEB_CONCURRENCY": "2",
            "RUNTIME_DIRECTORY": str(self.runtime),
            "LOG_LEVEL": "WARNING",
            # Its own static files: never the checkout's, which tests read.
            "STATIC_ROOT": str(self.static_root),
        }

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.processes.close()
            raise
        return self

    def __exit__(self, *exc):
        self.processes.close()

    def _start(self):
        redis_log = (self.folder / "redis.log").open("w")
        self.processes.callback(redis_log.close)
        self.redis = Redis(self, self.folder, redis_log)
        self.redis.start()

        env = self.environment()
        prepare_database(env, PASSWORD)
        manage(env, "collectstatic", "--noinput", "-v0")

        # Counters of an earlier run, which gunicorn must clear as it starts.
        (self.runtime / "metrics").mkdir(parents=True, mode=0o700)
        self.runtime.chmod(0o700)
        (self.runtime / "metrics" / "counter_4242.db").write_bytes(b"stale")
        self.gunicorn = self._popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "sscportal.wsgi"],
            env,
            self.access_log,
            self.error_log,
            stop=signal.SIGTERM,
        )
        self._wait_for(lambda: self.direct("/healthz")[0] == 200, self.gunicorn, self.error_log)

        cert, key = self_signed_certificate(self.folder)
        self.tls = ssl.create_default_context(cafile=str(cert))
        self.nginx_conf = write_nginx_conf(
            self.folder,
            http_port=self.http_port,
            https_port=self.https_port,
            upstream=f"127.0.0.1:{self.gunicorn_port}",
            static_root=self.static_root,
            cert=cert,
            key=key,
        )
        self.nginx = self._popen(
            nginx_command(self.nginx_conf, "-g", "daemon off;"),
            None,
            self.folder / "nginx.stdout",
            self.folder / "nginx.stderr",
            stop=signal.SIGQUIT,
        )
        self._wait_for(
            lambda: self.reader().get("/healthz").status == 200,
            self.nginx,
            self.folder / "error.log",
        )

    def start(self, args, **popen_arguments):
        """subprocess.Popen(args), stopped when the stack is (what Redis starts through)."""
        process = subprocess.Popen(args, **popen_arguments)
        self.processes.callback(stop_process, process)
        return process

    def _popen(self, command, env, stdout, stderr, stop):
        with stdout.open("w") as out, stderr.open("w") as err:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)

        def stop_it():
            if process.poll() is None:
                process.send_signal(stop)  # graceful: finish what is in flight
                try:
                    process.wait(40)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

        self.processes.callback(stop_it)
        return process

    @staticmethod
    def _wait_for(ready, process, log, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args[0]} exited:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                if ready():
                    return
            time.sleep(0.2)
        raise RuntimeError(
            f"{process.args[0]} did not answer in {seconds} s:\n{log.read_text()[-3000:]}"
        )

    def reader(self):
        return Browser(self.base, self.tls)

    def editor(self):
        browser = Browser(self.base, self.tls)
        browser.log_in(EDITOR, PASSWORD)
        return browser

    def direct(self, path):
        """(status, body) from gunicorn itself, as the proxy would ask (TLS said by the header)."""
        request = urllib.request.Request(
            self.gunicorn_base + path, headers={"X-Forwarded-Proto": "https"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def worker_pids(self):
        """The workers' pids, as gunicorn's control socket lists them."""
        output = subprocess.run(
            [str(Path(sys.executable).parent / "gunicornc"), "-s", str(self.runtime / "gunicorn.ctl"),
             "-c", "show workers", "-j"],
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout  # fmt: skip
        return sorted(worker["pid"] for worker in json.loads(output)["workers"])


# --- a client -------------------------------------------------------------------


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers = status, headers
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.text = body.decode("utf-8", "replace")

    @property
    def cache(self):
        return self.headers.get("X-Cache-Status")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies, gzip, no redirects followed: a reader, or an editor once logged in."""

    def __init__(self, base, tls):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=tls),
            urllib.request.HTTPCookieProcessor(self.jar),
            _NoRedirect(),
        )

    def get(self, path, headers=()):
        return self._open(urllib.request.Request(self.base + path, headers=dict(headers)))

    def post(self, path, fields):
        fields = [*fields, ("csrfmiddlewaretoken", self.cookie("csrftoken"))]
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode(fields).encode(),
            headers={"Referer": self.base + path},
        )
        return self._open(request)

    def _open(self, request):
        request.add_header("Accept-Encoding", "gzip")
        try:
            with self.opener.open(request, timeout=15) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read())

    def cookie(self, name):
        return next((cookie.value for cookie in self.jar if cookie.name == name), None)

    def log_in(self, username, password):
        self.get("/en/admin/login/")
        answer = self.post(
            "/en/admin/login/",
            [("username", username), ("password", password), ("next", "/en/admin/")],
        )
        if answer.status != 302 or not self.cookie("sessionid"):
            raise RuntimeError(f"logging in answered {answer.status}")

    def edit(self, change_path, **changes):
        """Submit an admin change form as a browser would, with `changes` made; the answer."""
        form = FormFields()
        form.feed(self.get(change_path).text)
        fields = [(name, changes.get(name, value)) for name, value in form.fields]
        return self.post(change_path, fields)


class FormFields(html.parser.HTMLParser):
    """The (name, value) pairs a browser submits for the page's form(s)."""

    def __init__(self):
        super().__init__()
        self.fields = []
        self._textarea = self._select = None
        self._first_option = None
        self._selected = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "reset", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select, self._first_option, self._selected = name, None, False
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.fields.append((self._select, value))
                self._selected = True

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select:
            # A single select with nothing marked sends its first option.
            if not self._selected and self._first_option is not None:
                self.fields.append((self._select, self._first_option))
            self._select = None


# --- the checks -----------------------------------------------------------------


def statement_id(stack, slug):
    import psycopg

    with psycopg.connect(stack.database_url) as connection:
        return connection.execute(
            "SELECT id FROM statements_statement WHERE slug = %s", [slug]
        ).fetchone()[0]


def check_anonymous_page_is_cached(stack, path="/en/"):
    reader = stack.reader()
    first, second = reader.get(path), reader.get(path)
    return {
        "first": (first.status, first.cache),
        "second": (second.status, second.cache),
        "cache_control": second.headers.get("Cache-Control"),
        "ok": first.status == second.status == 200
        and first.cache in ("MISS", "EXPIRED")
        and second.cache == "HIT"
        and second.headers.get("Cache-Control") == "public, max-age=60",
    }


def check_editor_bypasses_the_cache(stack, path="/en/"):
    editor = stack.editor()
    answers = [editor.get(path) for _ in range(3)]
    anonymous = stack.reader().get(path)
    private = [stack.reader().get("/en/admin/login/") for _ in range(2)]
    return {
        "editor": [(a.status, a.cache, a.headers.get("Cache-Control")) for a in answers],
        "private_page": [(a.status, a.cache) for a in private],
        "anonymous_after": (anonymous.status, anonymous.cache),
        "ok": all(
            a.status == 200
            and a.cache == "BYPASS"
            and {"private", "no-store"} <= set(re.split(r",\s*", a.headers["Cache-Control"]))
            for a in answers
        )
        # What the editor was sent was not kept for readers.
        and "public" in anonymous.headers.get("Cache-Control", "")
        and all(a.status == 200 and a.cache != "HIT" for a in private),
    }


def start_edit_check(stack):
    """Cache both pages, edit one through the admin; what finish_edit_check needs."""
    reader = stack.reader()
    for path in (EDITED_PAGE, UNCHANGED_PAGE):
        reader.get(path)
    cached_at = time.monotonic()
    before = {path: reader.get(path) for path in (EDITED_PAGE, UNCHANGED_PAGE)}
    new_title = f"Edited through the admin {uuid.uuid4().hex[:6]}"
    saved = stack.editor().edit(
        f"/en/admin/statements/statement/{statement_id(stack, EDITED_STATEMENT)}/change/",
        title_en=new_title,
    )
    right_after = reader.get(EDITED_PAGE)
    return {
        "cached_at": cached_at,
        "new_title": new_title,
        "saved": saved.status,
        "before": {path: (a.status, a.cache) for path, a in before.items()},
        "right_after": (right_after.status, right_after.cache, new_title in right_after.text),
        "etag": before[UNCHANGED_PAGE].headers.get("ETag"),
    }


def finish_edit_check(stack, started):
    """Once the cached copies are older than their max-age: the edit shows, the rest revalidates."""
    time.sleep(max(0.0, started["cached_at"] + MAX_AGE + 1.5 - time.monotonic()))
    reader = stack.reader()
    edited, unchanged = reader.get(EDITED_PAGE), reader.get(UNCHANGED_PAGE)
    again = reader.get(EDITED_PAGE)
    result = {
        **{key: value for key, value in started.items() if key != "cached_at"},
        "after_max_age": (edited.status, edited.cache, started["new_title"] in edited.text),
        "unchanged_after_max_age": (unchanged.status, unchanged.cache),
        "then": (again.status, again.cache, started["new_title"] in again.text),
    }
    result["ok"] = (
        started["saved"] == 302
        and all(answer == (200, "HIT") for answer in started["before"].values())
        # Within the max-age readers still get the copy nginx holds...
        and started["right_after"] == (200, "HIT", False)
        # ...and after it, the edit, which nginx then keeps.
        and result["after_max_age"] == (200, "EXPIRED", True)
        and result["then"] == (200, "HIT", True)
        and result["unchanged_after_max_age"] == (200, "REVALIDATED")
        and unchanged.headers.get("ETag") == started["etag"]
    )
    return result


def check_reload_drops_no_request(stack, seconds=4.0, threads=4):
    """Requests through nginx while gunicorn is sent HUP: every answer a 200, new workers."""
    before = stack.worker_pids()
    answers, stop = [], threading.Event()

    def ask():
        reader = stack.reader()
        while not stop.is_set():
            try:
                answers.append(reader.get("/healthz").status)
            except OSError as error:
                answers.append(repr(error))

    workers = [threading.Thread(target=ask) for _ in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(seconds / 4)
    stack.gunicorn.send_signal(signal.SIGHUP)
    time.sleep(seconds * 3 / 4)
    stop.set()
    for worker in workers:
        worker.join()
    after = stack.worker_pids()
    failed = [answer for answer in answers if answer != 200]
    return {
        "requests": len(answers),
        "failed": failed[:10],
        "workers_before": before,
        "workers_after": after,
        "ok": len(answers) > 0 and not failed and not set(before) & set(after),
    }


def check_static_files(stack):
    # The site's own stylesheet, under its fingerprinted name and its plain one.
    manifest = json.loads((stack.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    reader = stack.reader()
    fingerprinted, plain = reader.get(f"/static/{hashed}"), reader.get("/static/css/site.css")
    return {
        "fingerprinted": (
            hashed,
            fingerprinted.status,
            fingerprinted.headers.get("Cache-Control"),
            fingerprinted.headers.get("Content-Encoding"),
        ),
        "plain": (plain.status, plain.headers.get("Cache-Control")),
        "ok": fingerprinted.status == plain.status == 200
        and fingerprinted.headers.get("Cache-Control") == "public, max-age=31536000, immutable"
        # whitenoise's .gz beside the file, sent as it is.
        and fingerprinted.headers.get("Content-Encoding") == "gzip"
        and "body" in fingerprinted.text
        and plain.headers.get("Cache-Control") == "public, max-age=60"
        # Served by nginx from the folder, not proxied to the site.
        and fingerprinted.headers.get("X-Cache-Status") is None,
    }


def check_http_redirects_to_https(stack):
    opener = urllib.request.build_opener(_NoRedirect())
    try:
        opener.open(f"http://127.0.0.1:{stack.http_port}/en/statements/?page=2", timeout=10)
        status, location = 200, None
    except urllib.error.HTTPError as error:
        status, location = error.code, error.headers.get("Location")
    return {
        "answer": (status, location),
        "ok": status == 301 and location == "https://127.0.0.1/en/statements/?page=2",
    }


def check_request_id_reaches_the_site(stack):
    answer = stack.reader().get("/en/statements/?request-id-check=1")
    request_id = answer.headers.get("X-Request-ID")
    # gunicorn writes its access line after the answer has left: on a busy
    # machine the reader can be quicker than the worker.
    deadline = time.monotonic() + 10
    while True:
        lines = [
            line for line in stack.access_log.read_text().splitlines() if "request-id-check" in line
        ]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    return {
        "request_id": request_id,
        "gunicorn_line": lines[-1] if lines else None,
        "ok": bool(request_id)
        and len(lines) == 1
        and re.match(
            rf"\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{3}}Z INFO gunicorn\.access \[req={request_id}\] "
            r'127\.0\.0\.1 127\.0\.0\.1 "GET /en/statements/\?request-id-check=1 HTTP/1\.0" 200 \d+ \d+\.\d{6}s ',
            lines[0],
        )
        is not None,
    }


def check_gunicorn_log_streams(stack):
    requests, messages = stack.access_log.read_text(), stack.error_log.read_text()
    return {
        "stdout": requests.splitlines()[:2],
        "stderr": messages.splitlines()[:2],
        "ok": " INFO gunicorn.access [req=" in requests
        and "gunicorn.error" not in requests
        and re.search(r"^\S+ INFO gunicorn\.error \[req=-\] Listening at: ", messages, re.MULTILINE)
        is not None
        and "gunicorn.access" not in messages,
    }


def check_runtime_folder(stack):
    """The control socket answers there, and the metrics folder was emptied at start."""
    control = stack.runtime / "gunicorn.ctl"
    metrics = stack.runtime / "metrics"
    workers = stack.worker_pids()
    return {
        "control_socket": str(control),
        "workers": workers,
        "metrics_files": sorted(path.name for path in metrics.iterdir()),
        "ok": control.is_socket()
        and control.stat().st_mode & 0o777 == 0o600
        and len(workers) == 2
        and not (metrics / "counter_4242.db").exists(),
    }


def check_downloads_pass_through(stack):
    # Downloads have a location of their own (a longer wait for the first
    # byte); it must still reach the site with the proxy's headers.
    answer = stack.reader().get("/en/organizations/download.csv")
    return {
        "status": answer.status,
        "type": answer.headers.get("Content-Type"),
        "request_id": answer.headers.get("X-Request-ID"),
        "cache": answer.headers.get("X-Cache-Status"),
        "ok": answer.status == 200
        and answer.headers.get("Content-Type", "").startswith("text/csv")
        and "attachment" in answer.headers.get("Content-Disposition", "")
        and bool(answer.headers.get("X-Request-ID"))
        and answer.headers.get("X-Cache-Status") is not None,
    }


def check_metrics_stay_inside(stack):
    answer = stack.reader().get("/metrics")
    return {"status": answer.status, "ok": answer.status == 404}


QUICK_CHECKS = {
    "an anonymous page is a HIT the second time": check_anonymous_page_is_cached,
    "an editor goes past the cache, private pages are never kept": check_editor_bypasses_the_cache,
    "static files: fingerprinted ones immutable for a year": check_static_files,
    "HTTP redirects to HTTPS": check_http_redirects_to_https,
    "the request id reaches gunicorn's access log": check_request_id_reaches_the_site,
    "gunicorn: requests on stdout, its own messages on stderr": check_gunicorn_log_streams,
    "gunicorn's runtime folder: control socket, metrics emptied": check_runtime_folder,
    "/metrics is not served through nginx": check_metrics_stay_inside,
    "downloads pass through with the proxy's headers": check_downloads_pass_through,
    "a graceful reload (HUP) drops no request": check_reload_drops_no_request,
}


# --- the measurement --------------------------------------------------------------


def wrk(url, seconds, *headers):
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run(
        command + [url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests_per_second": rate,
        "requests": total,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1) if errors else None,
        "latency_p99": re.search(r"99%\s+(\S+)", output).group(1),
    }


def measure(stack, path="/en/", seconds=10):
    """req/s on one page from gunicorn alone and through nginx, and nginx's hit rate."""
    direct = wrk(
        stack.gunicorn_base + path,
        seconds,
        "Accept-Encoding: gzip",
        "X-Forwarded-Proto: https",
    )
    start = stack.nginx_log.stat().st_size
    proxied = wrk(stack.base + path, seconds, "Accept-Encoding: gzip")
    with stack.nginx_log.open() as log:
        log.seek(start)
        statuses = [match.group(1) for match in re.finditer(r" cache=(\S+) ", log.read())]
    proxied["hit_rate"] = statuses.count("HIT") / len(statuses) if statuses else 0.0
    proxied["cache_statuses"] = {status: statuses.count(status) for status in set(statuses)}
    return {"page": path, "seconds": seconds, "gunicorn_alone": direct, "through_nginx": proxied}


# --- the drill ----------------------------------------------------------------------


def main():
    for message in missing("nginx", "wrk", "openssl", "redis-server"):
        print(f"nginx drill: {message}", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    server = os.environ.get("DATABASE_URL")
    print(
        "About 2 minutes: a database "
        + ("on DATABASE_URL's server" if server else "on an embedded PostgreSQL")
        + ", Redis, gunicorn and nginx on loopback; the edit check waits out the pages' max-age",
        flush=True,
    )
    report = {}
    with contextlib.ExitStack() as stack_of_things:
        url = stack_of_things.enter_context(
            scratch_database(server) if server else embedded_database()
        )
        folder = Path(stack_of_things.enter_context(tempfile.TemporaryDirectory(prefix="ngx-")))
        stack = stack_of_things.enter_context(Stack(url, folder))
        conf_test = subprocess.run(nginx_command(stack.nginx_conf, "-t"), capture_output=True)
        report["nginx -t"] = {"ok": conf_test.returncode == 0}
        for name, check in QUICK_CHECKS.items():
            report[name] = check(stack)
        started = start_edit_check(stack)
        # The measurement runs while the edited page's cached copy ages.
        numbers = measure(stack)
        report["an admin edit reaches readers after max-age; the rest revalidates"] = (
            finish_edit_check(stack, started)
        )
        shutil.copy(stack.nginx_log, RESULTS / "nginx_drill.access.log")
        shutil.copy(stack.access_log, RESULTS / "nginx_drill.gunicorn.log")

    checks = {name: result["ok"] for name, result in report.items()}
    (RESULTS / "nginx_drill.json").write_text(
        json.dumps({"checks": report, "measurement": numbers}, indent=2, default=str) + "\n"
    )
    direct, proxied = numbers["gunicorn_alone"], numbers["through_nginx"]
    print(f"\n{numbers['page']}, wrk -t2 -c8 for {numbers['seconds']} s each:")
    for label, run in (("gunicorn alone", direct), ("through nginx", proxied)):
        print(
            f"  {label:15} {run['requests_per_second']:9.1f} req/s  p99 {run['latency_p99']:>8}"
            f"  non-2xx {run['non_2xx']}  socket errors {run['socket_errors'] or 'none'}"
        )
    print(f"  nginx hit rate  {proxied['hit_rate']:.2%}  {proxied['cache_statuses']}")
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
        if not ok:
            print(f"      {json.dumps(report[name], default=str)}")
    print("Results: bench/results/nginx_drill.json", flush=True)
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
