"""Cold renders of the initiatives list with filters, two code trees side by side.

    .venv/bin/python bench/list_bench.py BEFORE_TREE [AFTER_TREE]

Each tree (a checkout of the project, this one by default for AFTER) renders
the same pages against BENCH_DATABASE_URL with every cache emptied before each
request (as bench/run.py's measure_in_django: median of five, the query
count, and the time spent in queries), alternating trees page by page so that the machine's load falls on
both alike. CACHE_URL must name a Redis database of its own: it is flushed.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PATHS = [
    "/en/initiatives/",
    "/en/initiatives/?region=2&group=ldc",
    "/en/initiatives/?region=2&group=ldc&members=1",
    "/en/initiatives/?country=ke&sdg=3",
    "/en/initiatives/?sector=311&modality=bilateral",
    "/en/initiatives/?region=142&stage=ongoing&sdg=7",
    "/en/initiatives/?group=sids&members=1&year=2020",
    "/ar/initiatives/?region=202",
]


# bench/run.py's cold render (measure_in_django), with the database's share:
# the time the queries took, from Django's own record of them.
COLD = """
import json, statistics, sys, time, django; django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, path = Client(), sys.argv[1]
cache.clear()
assert client.get(path).status_code == 200, path
walls, sql, counts = [], [], []
for _ in range(5):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        client.get(path)
        walls.append((time.perf_counter() - start) * 1000)
    counts.append(len(queries))
    sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
print(json.dumps([statistics.median(walls), statistics.median(sql), counts[-1]]))
"""


def cold(tree, env, path):
    """(median wall ms, median ms in queries, queries) of `path` rendered cold by `tree`."""
    output = subprocess.run(
        [sys.executable, "-c", COLD, path],
        cwd=tree,
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    before = Path(sys.argv[1]).resolve()
    after = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).parent.parent).resolve()
    env = {
        **os.environ,
        "DATABASE_URL": os.environ["BENCH_DATABASE_URL"],
        "PAGE_CACHE_SECONDS": "0",
        "CACHE_FRAGMENTS": "0",
    }
    rows = []
    for path in PATHS:
        row = {"path": path}
        for name, tree in (("before", before), ("after", after)):
            row[name] = cold(tree, env, path)
        rows.append(row)
        print(json.dumps(row), flush=True)
    print("| page | before ms (in SQL) | queries | after ms (in SQL) | queries |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        (b_ms, b_sql, b_q), (a_ms, a_sql, a_q) = row["before"], row["after"]
        print(
            f"| `{row['path']}` | {b_ms:.0f} ({b_sql:.0f}) | {b_q} | {a_ms:.0f} ({a_sql:.0f}) | {a_q} |"
        )


if __name__ == "__main__":
    main()
