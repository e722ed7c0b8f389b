"""`make bench`: every page type under load, side by side with a trivial Django view.

Starts gunicorn (2 workers) on loopback against BENCH_DATABASE_URL (filled by
`make bench-data`), warms it, and runs wrk against each page for a bounded
time with a bounded number of connections, once with the whole-page cache
off and once with it on. For each page: requests per second, p50 and p99
latency, and, as the headline, throughput and median latency as ratios to the
trivial view measured in the same pass; also the page's cold render time and
query count (every cache empty) and its transferred size (HTML, CSS and font,
compressed). Writes bench/results/bench-<initiatives>.md and .json.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urljoin

ROOT = Path(__file__).resolve().parent.parent
PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_SECONDS", "8")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")


def pages(country):
    return [
        ("trivial view", "/bench/trivial", False),
        ("static file (CSS)", None, False),
        ("empty page (base.html only)", "/en/bench/empty-page", False),
        ("home", "/ar/", True),
        ("initiatives list", "/en/initiatives/", True),
        ("initiatives by country and SDG", f"/en/initiatives/?country={country}&sdg=7", True),
        (f"country page ({country})", f"/ar/countries/{country}/", True),
        ("countries index (map)", "/ar/countries/", True),
        ("region page (Africa)", "/en/countries/regions/002/", True),
        ("initiatives by region and group", "/en/initiatives/?region=002&group=ldc", True),
        ("initiative detail", "/ar/initiatives/gen-initiative-777/", True),
        ("statement detail", "/ar/statements/gen-statement-777/", True),
        ("search, Arabic", "/ar/search/?q=" + quote("الطاقة الشمسية"), False),
        ("search, English", "/en/search/?q=solar+energy", False),
        ("statements feed", "/en/statements/feed/", True),
        ("API: initiatives list", "/api/v1/initiatives/", True),
        (
            "API: initiatives by country and SDG",
            f"/api/v1/initiatives/?country={country}&sdg=7",
            True,
        ),
        ("API: initiative", "/api/v1/initiatives/gen-initiative-777/", True),
        ("API: changes log", "/api/v1/changes/", True),
    ]


def wrk(url):
    output = subprocess.run(
        # As a browser asks: compressed where the server compresses.
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency"]
        + ["-H", "Accept-Encoding: gzip, br", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def fetch(url, encoding="gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return response.read(), dict(response.headers)


def measure_in_django(env, paths):
    """Query count and cold render time of each page, in a separate process.

    Cold: every cache emptied first, as after a content change; the render
    time is the median of five such requests, single-threaded.
    """
    code = (
        "import json, statistics, sys, time, django; django.setup()\n"
        "from django.core.cache import cache\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client, counts, cold = Client(), {}, {}\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    cache.clear()\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        assert client.get(path).status_code == 200, path\n"
        "    counts[path] = len(queries)\n"
        "    times = []\n"
        "    for _ in range(5):\n"
        "        cache.clear()\n"
        "        start = time.perf_counter()\n"
        "        client.get(path)\n"
        "        times.append((time.perf_counter() - start) * 1000)\n"
        "    cold[path] = statistics.median(times)\n"
        "print(json.dumps({'queries': counts, 'cold_ms': cold}))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, json.dumps(paths)],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sscbench100k")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench-only-" * 6,
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/3"),
        "CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        # wrk is one client address asking thousands of times a second.
        "API_RATE": "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    count_code = (
        "import django; django.setup(); from initiatives.models import Initiative, InitiativeCountry;"
        "from django.db.models import Count;"
        "print(Initiative.objects.count());"
        "print(InitiativeCountry.objects.values('country__iso2').annotate(n=Count('id'))"
        ".order_by('-n')[0]['country__iso2'].lower())"
    )
    size, country = subprocess.run(
        [sys.executable, "-c", count_code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    size = int(size)
    table = pages(country)
    measured = measure_in_django(
        env, [path for _n, path, _c in table if path and path != "/bench/trivial"]
    )
    results = {}
    for mode, switches in PASSES.items():
        print(f"-- {mode}")
        results[mode] = run_pass({**env, **switches}, table, measured)
    write_report(size, results)


# Each pass sets the cache switches (sscportal/settings.py); the last three
# take one layer below whole pages away, to show what it earns.
PASSES = {
    "uncached": {"PAGE_CACHE_SECONDS": "0"},
    "cached": {"PAGE_CACHE_SECONDS": "600"},
    "no fragments": {"PAGE_CACHE_SECONDS": "0", "CACHE_FRAGMENTS": "0"},
    "no worker memory": {"PAGE_CACHE_SECONDS": "0", "CACHE_WORKER_MEMORY": "0"},
    "neither": {"PAGE_CACHE_SECONDS": "0", "CACHE_FRAGMENTS": "0", "CACHE_WORKER_MEMORY": "0"},
}


def run_pass(env, table, measured):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/bench/trivial")
                break
            except OSError:
                time.sleep(0.2)
        html, _headers = fetch(BASE + "/ar/", "identity")
        css_url = re.search(rb'href="(/static/css/site\.[^"]+\.css)"', html).group(1).decode()
        css_text = fetch(BASE + css_url, "identity")[0].decode()
        font_urls = sorted(set(re.findall(r'url\("?([^")]+\.woff2)', css_text)))
        css_size = len(fetch(BASE + css_url, "br")[0])
        font_size = sum(len(fetch(urljoin(BASE + css_url, f), "identity")[0]) for f in font_urls)
        rows = []
        for name, path, _cached in table:
            target = BASE + (path or css_url)
            for _ in range(20):  # warm: caches, connections, plans
                urllib.request.urlopen(target).read()
            result = wrk(target)
            body, headers = fetch(target)  # as sent to a browser: compressed
            transferred = len(body)
            if path and path != "/bench/trivial":
                transferred += css_size + (font_size if path.startswith("/ar/") else 0)
            result.update(
                name=name,
                path=path or css_url,
                queries=measured["queries"].get(path, 0),
                cold_ms=measured["cold_ms"].get(path),
                transferred_bytes=transferred,
                cache=headers.get("X-Page-Cache", "-"),
            )
            rows.append(result)
            print(
                f"{name:35} {result['rps']:8.0f} rps  p50 {result['p50_ms']:6.2f} ms  p99 {result['p99_ms']:7.2f} ms"
            )
    finally:
        server.terminate()
        server.wait(10)
    trivial = rows[0]
    for row in rows:
        row["throughput_ratio"] = row["rps"] / trivial["rps"]
        row["latency_ratio"] = row["p50_ms"] / trivial["p50_ms"]
    return rows


def write_report(size, results):
    lines = [
        f"Benchmark at {size:,} initiatives: gunicorn 2 workers, wrk -t2 -c{CONNECTIONS} "
        f"-d{DURATION}s on loopback; ratios against the trivial view of the same pass.",
        "Page cache off: every request renders its page, reusing the lists, counts, options "
        "and search results cached until content changes. Page cache on: whole pages from Redis. "
        "Cold: one request with every cache empty (as after a content change), "
        "single-threaded, median of 5; its query count.",
        "",
        "| page | page cache off req/s | p50 ms | p99 ms | throughput vs trivial "
        "| p50 vs trivial | page cache on req/s | p50 ms | p99 ms | throughput vs trivial "
        "| cold render ms | cold queries | transferred KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for plain, cached in zip(results["uncached"], results["cached"], strict=True):
        cold = f"{plain['cold_ms']:.1f}" if plain.get("cold_ms") is not None else "–"
        lines.append(
            f"| {plain['name']} | {plain['rps']:.0f} | {plain['p50_ms']:.2f} | {plain['p99_ms']:.2f} | "
            f"{plain['throughput_ratio']:.0%} | {plain['latency_ratio']:.2f}× | "
            f"{cached['rps']:.0f} | {cached['p50_ms']:.2f} | {cached['p99_ms']:.2f} | "
            f"{cached['throughput_ratio']:.0%} | {cold} | {plain['queries']} | "
            f"{plain['transferred_bytes'] / 1024:.1f} |"
        )
    lines += [
        "",
        "What the layers below whole pages earn (page cache off in every column): req/s "
        "with every layer, without the rendered fragments (list items, search results), "
        "without each worker's memory of shared values, without both.",
        "",
        "| page | all layers | no fragments | no worker memory | neither |",
        "|---|---:|---:|---:|---:|",
    ]
    rows = zip(
        *(results[mode] for mode in ("uncached", "no fragments", "no worker memory", "neither")),
        strict=True,
    )
    for every, *without in rows:
        cells = " | ".join(f"{row['rps']:.0f} ({row['rps'] / every['rps']:.0%})" for row in without)
        lines.append(f"| {every['name']} | {every['rps']:.0f} | {cells} |")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"bench-{size}.md").write_text("\n".join(lines) + "\n")
    (out / f"bench-{size}.json").write_text(json.dumps({"initiatives": size, **results}, indent=2))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
