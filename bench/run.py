"""`make bench`: every page type under load, side by side with a trivial Django view.

Starts gunicorn (2 workers) on loopback against BENCH_DATABASE_URL (filled by
`make bench-data`), warms it, and runs wrk against each page for a bounded
time with a bounded number of connections, once with the whole-page cache
off and once with it on. For each page: requests per second, p50 and p99
latency, wrk's timeouts (requests slower than its 2 s, which it leaves out of
the latencies: a p99 beside timeouts is a lower bound), and the CPU the
gunicorn processes spent per request (their /proc counters before and after:
unlike req/s, it holds on a machine shared with other work). The trivial view
is measured between every two pages, and each page is compared with the two
measures around it (throughput and CPU per request as ratios). Also the
page's cold render time and query count (every cache empty) and its
transferred size (HTML, CSS and font, compressed). Each pass is written to
bench/results/bench-<initiatives>.md and .json as soon as it ends.

BENCH_SECONDS (8) and BENCH_TRIVIAL_SECONDS (3) say how long wrk runs on a
page and on the trivial view; BENCH_PASSES (every one) which passes run, e.g.
"uncached,cached".
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urljoin

import psutil

ROOT = Path(__file__).resolve().parent.parent
PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
DURATION = os.environ.get("BENCH_SECONDS", "8")
TRIVIAL_DURATION = os.environ.get("BENCH_TRIVIAL_SECONDS", "3")
TRIVIAL = "/bench/trivial"
# How long gunicorn gets to stop before it is killed: a run must not be lost
# to a worker that takes its time (it once took more than 10 s).
STOP_SECONDS = 10
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


def wrk(url, duration=DURATION):
    output = subprocess.run(
        # As a browser asks: compressed where the server compresses.
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency"]
        + ["-H", "Accept-Encoding: gzip, br", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    """wrk's figures, its timeouts among them (it leaves those out of the latencies)."""

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", output, re.M)
        if match is None:  # no request answered in time
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def cpu_seconds(server):
    """User and system CPU of gunicorn's master and workers so far (from /proc)."""
    total = 0.0
    for process in [server, *server.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:  # a worker restarted meanwhile
            continue
        total += times.user + times.system
    return total


def measure(server, url, duration=DURATION):
    """wrk's figures for `url`, with the server's CPU milliseconds per request."""
    before = cpu_seconds(server)
    result = wrk(url, duration)
    spent = cpu_seconds(server) - before
    result["cpu_ms"] = spent * 1000 / result["requests"] if result["requests"] else float("nan")
    return result


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
    chosen = os.environ.get("BENCH_PASSES", ",".join(PASSES)).split(",")
    results = {}
    for mode in chosen:
        print(f"-- {mode}")
        results[mode] = run_pass({**env, **PASSES[mode]}, table, measured)
        write_report(size, results)  # a pass kept even if a later one fails


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
                urllib.request.urlopen(BASE + TRIVIAL)
                break
            except OSError:
                time.sleep(0.2)
        processes = psutil.Process(server.pid)
        html, _headers = fetch(BASE + "/ar/", "identity")
        css_url = re.search(rb'href="(/static/css/site\.[^"]+\.css)"', html).group(1).decode()
        css_text = fetch(BASE + css_url, "identity")[0].decode()
        font_urls = sorted(set(re.findall(r'url\("?([^")]+\.woff2)', css_text)))
        css_size = len(fetch(BASE + css_url, "br")[0])
        font_size = sum(len(fetch(urljoin(BASE + css_url, f), "identity")[0]) for f in font_urls)
        for _ in range(20):
            urllib.request.urlopen(BASE + TRIVIAL).read()
        trivial = measure(processes, BASE + TRIVIAL, TRIVIAL_DURATION)
        rows = []
        for name, path, _cached in table:
            if path == TRIVIAL:
                continue
            target = BASE + (path or css_url)
            for _ in range(20):  # warm: caches, connections, plans
                urllib.request.urlopen(target).read()
            result = measure(processes, target)
            body, headers = fetch(target)  # as sent to a browser: compressed
            # The yardstick measured again after each page: the page is
            # compared with the mean of the measures on either side of it.
            after = measure(processes, BASE + TRIVIAL, TRIVIAL_DURATION)
            reference = {k: (trivial[k] + after[k]) / 2 for k in ("rps", "p50_ms", "cpu_ms")}
            trivial = after
            transferred = len(body)
            if path:
                transferred += css_size + (font_size if path.startswith("/ar/") else 0)
            result.update(
                name=name,
                path=path or css_url,
                queries=measured["queries"].get(path, 0),
                cold_ms=measured["cold_ms"].get(path),
                transferred_bytes=transferred,
                cache=headers.get("X-Page-Cache", "-"),
                trivial=reference,
                throughput_ratio=result["rps"] / reference["rps"],
                latency_ratio=result["p50_ms"] / reference["p50_ms"],
                # The measure: the trivial view's CPU per request as a
                # share of the page's (100 % costs what the trivial view does).
                cpu_share=reference["cpu_ms"] / result["cpu_ms"],
            )
            rows.append(result)
            print(
                f"{name:35} {result['rps']:8.0f} rps  p50 {result['p50_ms']:6.2f} ms  "
                f"p99 {result['p99_ms']:7.2f} ms  timeouts {result['timeouts']:4}  "
                f"CPU {result['cpu_ms']:6.2f} ms ({result['cpu_share']:.0%} of trivial's "
                f"{reference['cpu_ms']:.2f})"
            )
    finally:
        stop(server)
    return rows


def stop(server):
    """Ask gunicorn to stop; kill it and its workers if it has not within STOP_SECONDS."""
    server.terminate()
    try:
        server.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        print(f"gunicorn did not stop within {STOP_SECONDS} s: killed", file=sys.stderr)
        try:
            children = psutil.Process(server.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            children = []
        for process in [server, *children]:
            try:
                os.kill(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        server.wait()


def _cells(row):
    if row is None:
        return "– | – | – | – | – | –"
    return (
        f"{row['rps']:.0f} | {row['p50_ms']:.2f} | {row['p99_ms']:.2f} | {row['timeouts']} | "
        f"{row['cpu_ms']:.2f} | {row['cpu_share']:.0%}"
    )


def write_report(size, results):
    """The tables of the passes run so far (bench/results/bench-<size>.md and .json)."""
    first = next(iter(results.values()))
    trivial_cpu = [row["trivial"]["cpu_ms"] for row in first]
    lines = [
        f"Benchmark at {size:,} initiatives, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"gunicorn 2 workers, wrk -t2 -c{CONNECTIONS} -d{DURATION}s on loopback "
        f"(the trivial view -d{TRIVIAL_DURATION}s between every two pages).",
        "Page cache off: every request renders its page, reusing the lists, counts, options "
        "and search results cached until content changes. Page cache on: whole pages from Redis. "
        "CPU: the gunicorn processes' user+system time per request; share: the trivial "
        "view's CPU per request (measured just before and after) over the page's. "
        "Timeouts: requests wrk gave up on after 2 s, left out of its latencies. "
        "Cold: one request with every cache empty (as after a content change), "
        "single-threaded, median of 5; its query count.",
        f"Trivial view, first pass: {min(trivial_cpu):.3f}–{max(trivial_cpu):.3f} ms CPU per request.",
        "",
        "| page | off: req/s | p50 ms | p99 ms | timeouts | CPU ms/req | CPU share "
        "| on: req/s | p50 ms | p99 ms | timeouts | CPU ms/req | CPU share "
        "| cold render ms | cold queries | transferred KB |",
        "|---|" + "---:|" * 15,
    ]
    uncached, cached = results.get("uncached"), results.get("cached")
    for index, row in enumerate(uncached or cached):
        plain = uncached[index] if uncached else None
        on = cached[index] if cached else None
        cold = f"{row['cold_ms']:.1f}" if row.get("cold_ms") is not None else "–"
        lines.append(
            f"| {row['name']} | {_cells(plain)} | {_cells(on)} | {cold} | {row['queries']} | "
            f"{row['transferred_bytes'] / 1024:.1f} |"
        )
    layers = ("uncached", "no fragments", "no worker memory", "neither")
    if all(mode in results for mode in layers):
        lines += [
            "",
            "What the layers below whole pages earn (page cache off in every column): CPU ms "
            "per request with every layer, without the rendered fragments (list items, search "
            "results), without each worker's memory of shared values, without both.",
            "",
            "| page | all layers | no fragments | no worker memory | neither |",
            "|---|---:|---:|---:|---:|",
        ]
        for every, *without in zip(*(results[mode] for mode in layers), strict=True):
            cells = " | ".join(f"{row['cpu_ms']:.2f}" for row in without)
            lines.append(f"| {every['name']} | {every['cpu_ms']:.2f} | {cells} |")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"bench-{size}.md").write_text("\n".join(lines) + "\n")
    (out / f"bench-{size}.json").write_text(json.dumps({"initiatives": size, **results}, indent=2))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
