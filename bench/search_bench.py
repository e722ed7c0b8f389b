"""Search time at two corpus sizes, measured in one run, reported as a ratio.

Usage:
    .venv/bin/python bench/search_bench.py SMALL_DATABASE_URL LARGE_DATABASE_URL

Each database is filled beforehand with `manage.py generate_corpus` (for
instance 10,000 and 100,000 initiatives). For each, the script renders the
search page for a fixed set of Arabic and English queries through Django's
test client (the whole request: parsing, full-text query, counts, snippets;
page cache off and the cache emptied before each sample) and reports the
median time per query. Writes bench/results/search.json.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "الطاقة الشمسية",
    "تعاون",
    "المياه",
    "بالتنقيط",
    "اللقاحات",
    "الأمن الغذائي",
    '"تشغيل الشباب"',
    "solar energy",
    "cooperation",
    "fish farming",
    "vaccine -malaria",
    "transport or trade",
    "agricultre",
]
ROUNDS = 5


def measure():
    """Runs inside a process whose DATABASE_URL names one corpus."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sscportal.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    from initiatives.models import Initiative

    client = Client()
    timings = {}
    for query in QUERIES:
        for language in ("en", "ar"):
            url = f"/{language}/search/"
            client.get(url, {"q": query})  # warm caches and plans
            samples = []
            for _ in range(ROUNDS):
                cache.clear()  # the whole cost: no cached page, no cached count
                start = time.perf_counter()
                response = client.get(url, {"q": query})
                samples.append(time.perf_counter() - start)
                assert response.status_code == 200
            timings[f"{language} {query}"] = statistics.median(samples) * 1000
    print(
        json.dumps(
            {"initiatives": Initiative.objects.count(), "median_ms": timings}, ensure_ascii=False
        )
    )


def bench_env(url):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver",
        "PAGE_CACHE_SECONDS": "0",
        # cache.clear() empties the shared cache only: a worker's own memory of
        # values and its held table of versions would answer the next sample.
        "CACHE_WORKER_MEMORY": "0",
        "CACHE_VERSIONS_SECONDS": "0",
    }
    env["SECRET_KEY"] = "bench-only-" * 5
    return env


def run(url):
    output = subprocess.run(
        [sys.executable, __file__, "--measure"],
        env=bench_env(url),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(small_url, large_url):
    # DEBUG=0 renders through the manifest of collected static files, as in
    # production: without it every page is an error.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=bench_env(small_url),
        check=True,
    )
    small, large = run(small_url), run(large_url)
    small_total = sum(small["median_ms"].values())
    large_total = sum(large["median_ms"].values())
    ratio = large_total / small_total
    print(
        f"| query | {small['initiatives']:,} initiatives (ms) | {large['initiatives']:,} (ms) | ratio |"
    )
    print("|---|---:|---:|---:|")
    for key in small["median_ms"]:
        a, b = small["median_ms"][key], large["median_ms"][key]
        print(f"| {key} | {a:.1f} | {b:.1f} | {b / a:.2f} |")
    print(f"| **all queries** | {small_total:.0f} | {large_total:.0f} | **{ratio:.2f}** |")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(
        json.dumps({"small": small, "large": large, "ratio": ratio}, ensure_ascii=False, indent=2)
    )
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--measure"]:
        measure()
    else:
        sys.exit(main(*sys.argv[1:3]))
