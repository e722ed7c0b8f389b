"""Observances and events: the list of Days, a Day's page (its hub), an event's
page, and their iCalendar files."""
