// Reads an iCalendar file on standard input with Mozilla's ical.js (the parser of
// Thunderbird's calendar) and prints what it understood as JSON, for
// tests/calendars: the calendar's name and, for each VEVENT, its start as a UTC
// instant (or a date, for a whole day) worked out from the file's own VTIMEZONEs.
import { readFileSync } from "node:fs";

import ICAL from "ical.js";

function when(time) {
  if (!time) return null;
  if (time.isDate) return { date: time.toString() };
  // toJSDate() applies the zone ical.js built from the file's VTIMEZONE.
  return { utc: time.toJSDate().toISOString().replace(".000Z", "Z") };
}

const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    start: when(event.startDate),
    end: when(event.endDate),
    summary: event.summary,
    description: event.description,
    url: component.getFirstPropertyValue("url"),
    sequence: event.sequence,
  };
});
process.stdout.write(
  JSON.stringify({
    name: calendar.getFirstPropertyValue("name"),
    events,
  }),
);
