# UN style, day first and the month in full: "19 December 2008" (Django's
# English default is "Dec. 19, 2008"). Every `|date` without a format uses it.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
