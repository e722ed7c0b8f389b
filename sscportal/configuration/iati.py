"""What the IATI settings may hold (IATI_REPORTING_ORG_*, sscportal/settings.py)."""

import re

from django.core.exceptions import ImproperlyConfigured

# IATI's OrganisationType codelist (version 2.03): government (10), local
# government (11), other public sector (15), international, national, regional
# and partner-country NGOs (21-24), public-private partnership (30),
# multilateral (40), foundation (60), private sector (70-73), academic,
# training and research (80), other (90).
IATI_ORGANISATION_TYPES = [
    "10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90",
]  # fmt: skip

# An organisation identifier is a registration agency's prefix ("XM-DAC",
# "GB-COH") and the number it gave, joined by a hyphen; IATI forbids spaces
# and the characters / & | ? in identifiers, which appear in URLs and file names.
_IDENTIFIER = re.compile(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)+(-[A-Za-z0-9._]+)*")


def iati_organisation_identifier(name, value):
    """`value` if it has the shape of an IATI organisation identifier, else refused, named."""
    if not _IDENTIFIER.fullmatch(value):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not an IATI organisation identifier "
            "(an agency prefix and a number joined by hyphens, e.g. XM-DAC-41119)."
        )
    return value
