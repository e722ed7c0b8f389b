"""Event times as readers say them: "15:00–16:30 New York time (UTC−4)".

An IANA zone name (America/New_York) means nothing to most readers; the city
it is named after does, in their language. Zones missing here fall back to the
city part of the identifier, underscores as spaces.
"""

from django.utils.translation import gettext_lazy as _

# IANA zone → the city readers know it by (UN Arabic spelling: بيجين, not بكين).
ZONE_CITIES = {
    "UTC": _("Coordinated Universal Time"),
    "Africa/Addis_Ababa": _("Addis Ababa"),
    "Africa/Cairo": _("Cairo"),
    "Africa/Johannesburg": _("Johannesburg"),
    "Africa/Lagos": _("Lagos"),
    "Africa/Nairobi": _("Nairobi"),
    "America/Argentina/Buenos_Aires": _("Buenos Aires"),
    "America/Bogota": _("Bogotá"),
    "America/Mexico_City": _("Mexico City"),
    "America/New_York": _("New York"),
    "America/Sao_Paulo": _("São Paulo"),
    "Asia/Bangkok": _("Bangkok"),
    "Asia/Colombo": _("Colombo"),
    "Asia/Dhaka": _("Dhaka"),
    "Asia/Dubai": _("Dubai"),
    "Asia/Jakarta": _("Jakarta"),
    "Asia/Kolkata": _("New Delhi"),
    "Asia/Riyadh": _("Riyadh"),
    "Asia/Shanghai": _("Beijing"),
    "Asia/Tokyo": _("Tokyo"),
    "Europe/Istanbul": _("Istanbul"),
    "Europe/London": _("London"),
    "Europe/Paris": _("Paris"),
    "Europe/Rome": _("Rome"),
    "Europe/Vienna": _("Vienna"),
    "Europe/Zurich": _("Geneva"),
}


def city(zone_name):
    """The translated city for an IANA zone; the identifier's last part if unknown."""
    if zone_name in ZONE_CITIES:
        return str(ZONE_CITIES[zone_name])
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def utc_offset(moment):
    """ "UTC−4", "UTC+5:30", "UTC" for an aware datetime (with a real minus sign)."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
