"""Counting never takes a worker down when the metrics folder's disk is full
(issue 28, part 7; found by bench/disk_full.py).

prometheus_client's multiprocess files are memory maps of sparse files: a
process writing a count to a page the disk has no room for is killed by
SIGBUS, and gunicorn's new worker, writing its first count, is killed in turn.
With the disk full every worker died over and over: no page answered. Blocks
are now allocated before a file is mapped or grown (an error that can be
caught), and a count that cannot be stored is dropped.

Mounting a small tmpfs needs root; elsewhere these tests are skipped.
"""

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import os, sys
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "sscportal.settings"
    django.setup()
    from sscportal.operations import metrics

    def fill(folder):
        files = []
        for number, chunk in enumerate((1 << 16, 1 << 12, 1)):
            path = os.path.join(folder, f"filler-{number}")
            files.append(path)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                while True:
                    os.write(descriptor, b"\\0" * chunk)
            except OSError:
                pass
            finally:
                os.close(descriptor)
        return files

    folder = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    disk = os.path.dirname(folder)
    if sys.argv[1] == "new-file":
        fillers = fill(disk)
        metrics.page_cache_miss()  # its file cannot even be made
    else:
        metrics.page_cache_miss()
        fillers = fill(disk)
        metrics.page_cache_miss()  # an existing series still counts
        for number in range(2000):  # series enough to grow the file
            metrics.safely(lambda: metrics.ADMIN_SAVES.labels(f"app.m{number}", "add").inc())
    for path in fillers:
        os.unlink(path)
    metrics.page_cache_miss()  # space is back: counting goes on
    metrics.safely(lambda: metrics.ADMIN_SAVES.labels("app.after", "add").inc())
    text = metrics.exposition().decode()
    print([line for line in text.splitlines() if line.startswith("sscportal_page_cache")])
    print("app.after" in text)
    """
)


@pytest.fixture
def small_disk():
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder = Path(tempfile.mkdtemp(prefix="sscportal-metrics-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "sscportal-test", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    (folder / "metrics").mkdir()
    yield folder
    subprocess.run(["umount", str(folder)], check=True)
    folder.rmdir()


@pytest.mark.parametrize("case", ["new-file", "growing-file"])
def test_a_full_metrics_disk_drops_counts_instead_of_killing_the_process(small_disk, case):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, case],
        cwd=ROOT,
        env={**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(small_disk / "metrics")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (result.returncode, result.stderr[-3000:])
    counted, after = result.stdout.strip().splitlines()[-2:]
    expected = "1.0" if case == "new-file" else "3.0"
    assert f'sscportal_page_cache_requests_total{{result="miss"}} {expected}' in counted
    assert after == "True"
    assert "a count could not be stored" in result.stderr
