# The same UN style in Arabic: "19 ديسمبر 2008".
# Digits: Latin (0-9) on Arabic pages, decided once for the whole site (dates,
# times, counts, budgets): Latin digits are what the UN's Arabic web pages and
# most Arabic news sites use, what the search box matches, and what readers
# copy into other tools. Django writes Latin digits, so nothing converts them.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATE_FORMAT = "j/n/Y"
