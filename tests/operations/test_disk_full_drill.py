"""The disk-full drill (make disk-full, bench/disk_full.py) passes, and leaves
nothing running or mounted however it ends.

It mounts two small tmpfs disks, so it needs root; elsewhere it is skipped.
Its phases are shortened here (SSCPORTAL_DRILL_QUICK); the whole run takes
about a minute, most of it preparing the database.
"""

import json
import os
import signal
from pathlib import Path

import pytest

from .test_drills import assert_left_nothing, drills  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]
DRILL = "bench/disk_full.py"

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the drill mounts tmpfs disks: root")


def mounted(folder):
    with open("/proc/mounts") as mounts:
        return [line.split()[1] for line in mounts if str(folder) in line.split()[1]]


def test_the_drill_passes_every_check(drills):  # noqa: F811 - the fixture
    drill = drills(DRILL, SSCPORTAL_DRILL_QUICK="1")
    ports = drill.wait_until_up()
    status = drill.end()
    output = "".join(drill.output)
    assert status == 0, output
    report = json.loads((ROOT / "bench" / "results" / "disk_full.json").read_text())
    assert all(report["checks"].values()), output
    assert report["adds_refused_with_message"] > 0 and report["adds_acknowledged"] > 0
    assert_left_nothing(drill, ports)
    assert not mounted(drill.folder)


def test_a_failing_drill_unmounts_its_disks(drills):  # noqa: F811 - the fixture
    drill = drills(DRILL, SSCPORTAL_DRILL_FAIL_AFTER_START="1")
    ports = drill.wait_until_up()
    assert mounted(drill.folder)
    assert drill.end() == 1
    assert "RuntimeError: failing on purpose" in "".join(drill.output)
    assert_left_nothing(drill, ports)
    assert not mounted(drill.folder)


def test_a_drill_stopped_by_sigterm_unmounts_its_disks(drills):  # noqa: F811 - the fixture
    drill = drills(DRILL)
    ports = drill.wait_until_up()
    drill.process.send_signal(signal.SIGTERM)
    assert drill.end() == 128 + signal.SIGTERM
    assert_left_nothing(drill, ports)
    assert not mounted(drill.folder)
