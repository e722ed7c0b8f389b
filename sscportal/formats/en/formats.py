# UN style, day first and the month in full: "19 December 2008" (Django's
# English default is "Dec. 19, 2008"). Every `|date` without a format uses it.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
# The admin's lists and the edit history: "2 December 2026, 02:09", not
# Django's "Dec. 2, 2026, 2:09 a.m.".
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
