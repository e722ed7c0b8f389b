"""`make bench`: the time and peak memory of downloading a whole list (issue 24, part 6).

Starts gunicorn (1 threaded worker with the production timeout of 30 s, as
deploy/gunicorn.conf.py runs it) on loopback against
BENCH_DATABASE_URL (filled by `make bench-data`), then downloads every
initiative as CSV and as XLSX, in English and Arabic, once each. For each: the
time to the first byte and to the last, the rows and bytes received, and the
worker's peak resident memory while it served the download (sampled every
20 ms with psutil), next to its memory before. A download that streamed in
constant memory shows a peak a few MB above its start, whatever the rows.

Writes bench/results/downloads-<initiatives>.md and .json.
"""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PORT = 8767
BASE = f"http://127.0.0.1:{PORT}"
DOWNLOADS = [
    ("initiatives, CSV, English", "/en/initiatives/download.csv"),
    ("initiatives, CSV, Arabic", "/ar/initiatives/download.csv"),
    ("initiatives, XLSX, English", "/en/initiatives/download.xlsx"),
    ("initiatives by region (Africa), CSV", "/en/initiatives/download.csv?region=002"),
]


class PeakMemory:
    """The largest RSS of `process` while the block runs."""

    def __init__(self, process):
        self.process = process
        self.peak = 0
        self._running = False

    def _sample(self):
        while self._running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.02)

    def __enter__(self):
        self.start = self.process.memory_info().rss
        self.peak = self.start
        self._running = True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._running = False
        self._thread.join()


def download(url):
    """(seconds to the first byte, to the last, bytes, lines) of one download."""
    started = time.monotonic()
    first = None
    size = lines = 0
    last = b""
    with urllib.request.urlopen(url, timeout=3600) as response:
        while chunk := response.read(256 * 1024):
            first = first or time.monotonic() - started
            size += len(chunk)
            # A CRLF may be split between two reads.
            lines += (last + chunk).count(b"\r\n") - last.count(b"\r\n")
            last = chunk[-1:]
    return first, time.monotonic() - started, size, lines


def main():
    url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sscbench100000")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench-only-" * 6,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PAGE_CACHE_SECONDS": "0",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.wsgi", "--workers", "1", "--timeout", "30"]
        + ["--worker-class", "gthread", "--threads", "4"]
        + ["--bind", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    rows = []
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(BASE + "/bench/trivial")
                break
            except OSError:
                time.sleep(0.2)
        (worker,) = psutil.Process(server.pid).children()
        # Warm the worker: imports, connections, translations.
        download(BASE + "/en/organizations/download.csv")
        for name, path in DOWNLOADS:
            with PeakMemory(worker) as memory:
                first, total, size, lines = download(BASE + path)
            row = {
                "name": name,
                "path": path,
                "first_byte_s": first,
                "total_s": total,
                "megabytes": size / 1e6,
                "rows": lines - 1 if ".csv" in path else None,
                "rss_before_mb": memory.start / 1e6,
                "rss_peak_mb": memory.peak / 1e6,
            }
            rows.append(row)
            print(
                f"{name:40} {total:7.1f} s (first byte {first:5.2f} s)  {size / 1e6:7.1f} MB  "
                f"worker RSS {memory.start / 1e6:.0f} -> peak {memory.peak / 1e6:.0f} MB"
            )
    finally:
        server.terminate()
        server.wait(10)
    count = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from initiatives.models import "
            "Initiative; print(Initiative.objects.published().count())",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    write_report(int(count), rows)


def write_report(size, rows):
    lines = [
        f"Downloads at {size:,} published initiatives: gunicorn, 1 threaded worker (timeout 30 s), one request "
        "at a time on loopback; the worker's resident memory sampled every 20 ms.",
        "",
        "| download | rows | MB | first byte s | total s | worker RSS before MB | peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        counted = f"{row['rows']:,}" if row["rows"] is not None else "–"
        lines.append(
            f"| {row['name']} | {counted} | {row['megabytes']:.1f} | {row['first_byte_s']:.2f} "
            f"| {row['total_s']:.1f} | {row['rss_before_mb']:.0f} | {row['rss_peak_mb']:.0f} |"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"downloads-{size}.md").write_text("\n".join(lines) + "\n")
    (out / f"downloads-{size}.json").write_text(json.dumps(rows, indent=2))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
