"""`make audit`: Lighthouse (from npm, package.json) on each page type in both
languages, on a phone (Lighthouse's default mobile emulation and throttling),
driving Debian's /usr/bin/chromium. Writes bench/results/audit.md (a table)
and audit.json.

The site runs as in production (DEBUG off, whitenoise's compressed,
fingerprinted static files, gunicorn) on loopback, against DATABASE_URL (the
embedded database when unset) after loading the demo content into it, as
`make run` does.

To audit another page type, add a line to PAGES. A page whose URL is not on
this branch (404) is skipped and said so in the table.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE = ROOT / "tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PORT = 8767
BASE = f"http://127.0.0.1:{PORT}"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Lighthouse's performance score moves with the machine's load (its simulated
# phone is a slowed-down copy of this CPU, shared here with other work): each
# page is audited this many times and the median of each category kept.
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))

# (name, path after /{lang}/, or a function of the language finding one)
PAGES = [
    ("home", ""),
    ("initiatives list", "initiatives/"),
    ("country", "countries/cn/"),
    ("statement", "statements/al-khatib-remarks-china-unossc-2025/"),
    # The first resource the list links to (the resources app may not be on this branch).
    ("resource", lambda language: first_link(f"/{language}/resources/", "resources")),
    ("search", "search/?q=" + quote("التعاون")),
    # The Day's year page: its banner, the Secretary-General's message, its resources.
    ("Day, 2023", "events/2023/"),
]
# The search page asks not to be indexed (robots noindex): Lighthouse's SEO
# category counts that against it, deliberately.
NOINDEX = {"search"}


def fetch(path):
    try:
        with urllib.request.urlopen(BASE + path) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def first_link(list_path, section):
    """The first page under `section` the list links to: its first item. The list
    also links to its feed (/resources/feed/), which is not a page to audit."""
    status, html = fetch(list_path)
    if status != 200:
        return None
    for path in re.findall(rf'href="(/\w\w/{section}/[\w-]+/)"', html):
        if path.rstrip("/").rsplit("/", 1)[-1] not in NOT_ITEMS:
            return path
    return None


NOT_ITEMS = {"feed"}


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def lighthouse(url, out, tries=3):
    """Scores by category; Lighthouse sometimes loses a trace (NO_NAVSTART), so retry."""
    for attempt in range(1, tries + 1):
        try:
            return _lighthouse(url, out)
        except subprocess.CalledProcessError:
            if attempt == tries:
                raise
            print(f"Lighthouse failed on {url}, trying again")


def _lighthouse(url, out):
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
            "--disable-background-networking --disable-component-update --no-first-run",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    report = json.loads(out.read_text())
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main():
    if not LIGHTHOUSE.exists():
        sys.exit(
            "Lighthouse is not installed: make audit installs it with npm (apt-get install npm)"
        )
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "audit-only-" * 6,
        "PAGE_CACHE_SECONDS": "600",
    }
    env.pop("CACHE_URL", None)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_reference_data", "-v0")
    manage(env, "import_content", "demo/content.json", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.wsgi", "--workers", "2"]
        + ["--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for _ in range(150):
            try:
                if fetch("/healthz")[0] == 200:
                    break
            except OSError:  # not listening yet
                pass
            time.sleep(0.2)
        for name, path in PAGES:
            for language in ("en", "ar"):
                url = path(language) if callable(path) else f"/{language}/{path}"
                if url is None or fetch(url)[0] != 200:
                    rows.append((name, language, url, None))
                    print(f"{name} [{language}]: not on this branch, skipped")
                    continue
                out = RESULTS / f"lighthouse-{name.replace(' ', '-')}-{language}.json"
                runs = [lighthouse(BASE + url, out) for _ in range(RUNS)]
                scores = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
                rows.append((name, language, url, scores))
                print(f"{name} [{language}]: {scores}")
    finally:
        server.terminate()
        server.wait()
    write(rows)


def write(rows):
    lines = [
        "# Lighthouse audit (mobile emulation, /usr/bin/chromium)",
        "",
        f"Median of {RUNS} runs per page (AUDIT_RUNS).",
        "",
        "| page | lang | URL | performance | accessibility | best practices | SEO |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, language, url, scores in rows:
        if scores is None:
            lines.append(f"| {name} | {language} | — | skipped: not on this branch | | | |")
            continue
        seo = str(scores["seo"]) + (" (noindex)" if name in NOINDEX else "")
        cells = [scores["performance"], scores["accessibility"], scores["best-practices"], seo]
        lines.append(f"| {name} | {language} | `{url}` | " + " | ".join(map(str, cells)) + " |")
    below = [
        f"{name} [{language}] {category} {scores[category]}"
        for name, language, _url, scores in rows
        if scores
        for category in CATEGORIES
        if scores[category] < 98 and not (category == "seo" and name in NOINDEX)
    ]
    lines += ["", "Below 98: " + ("; ".join(below) if below else "none"), ""]
    (RESULTS / "audit.md").write_text("\n".join(lines))
    (RESULTS / "audit.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
