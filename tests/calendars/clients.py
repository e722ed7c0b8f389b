"""Three calendar parsers nobody on this project wrote, each reading a calendar file
down to what a reader's calendar would show: when each event starts.

- icalendar (Python): what the site writes with; it resolves an IANA TZID with
  the zoneinfo database, whatever the file's VTIMEZONE says.
- vobject (Python): the parser of CalDAV servers such as Radicale; it builds
  each zone from the file's VTIMEZONE alone.
- ical.js (JavaScript, through node): Mozilla's, in Thunderbird and many web
  calendars; it too builds each zone from the file's VTIMEZONE.

Each reader returns {uid: start}, a start being "YYYY-MM-DDTHH:MM:SSZ" (the
UTC instant) or "YYYY-MM-DD" (a whole day), so that the three can be compared.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import icalendar
import vobject

ROOT = Path(__file__).resolve().parents[2]
ICAL_JS = ROOT / "node_modules" / "ical.js" / "package.json"
READ_WITH_ICAL_JS = Path(__file__).with_name("read_ics.mjs")


def _start(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def with_icalendar(content):
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["UID"]): _start(event.DTSTART) for event in calendar.walk("VEVENT")}


def with_vobject(content):
    calendar = vobject.readOne(content.decode())
    return {
        event.uid.value: _start(event.dtstart.value)
        for event in calendar.contents.get("vevent", [])
    }


def ical_js_missing():
    """What is missing to run ical.js, or None."""
    if shutil.which("node") is None:
        return "node is not installed (apt-get install npm)"
    if not ICAL_JS.exists():
        return "ical.js is not installed (make test installs it with npm ci)"
    return None


def read_with_ical_js(content):
    """Everything ical.js read: {"name": ..., "events": [{uid, start, ...}]}."""
    done = subprocess.run(
        ["node", str(READ_WITH_ICAL_JS)],
        input=content,
        capture_output=True,
        check=False,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def with_ical_js(content):
    return {
        event["uid"]: event["start"].get("utc") or event["start"]["date"]
        for event in read_with_ical_js(content)["events"]
    }
