"""How many initiatives each filter option would give, the other filters applied.

One GROUP BY per filter over its facet's precomputed membership rows
(initiatives/membership.py), whatever the number of options: the rows of one
facet are one range of an index, joined to the initiatives the other filters
give. Each answer is kept until content changes under a key made of the other
filters' cleaned values, not of the query's SQL: compiling seven queries only
to hash them cost a third of the page's CPU.
"""

import hashlib
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db.models import Count
from django.utils.translation import get_language

from sscportal.caching.values import EVERY_LANGUAGE, until_content_changes

from .membership import (
    COUNTRY,
    GOAL,
    GROUP,
    MEMBERS,
    MODALITY,
    REGION,
    SECTOR,
    STAGE,
    members_on,
    today,
)
from .models import InitiativeMembership

# Regions and groups were once counted as bits of a bigint; the reference data
# still fits in one, which keeps that road open (tests check it).
MASK_WIDTH = 63

# The filter whose options are counted, and the facet its options are values of.
FACETS = {
    "country": COUNTRY,
    "region": REGION,
    "group": GROUP,
    "sector": SECTOR,
    "sdg": GOAL,
    "modality": MODALITY,
    "stage": STAGE,
}


def count_by(facet, initiatives):
    """{value: initiatives} of `facet` among `initiatives` (a queryset)."""
    rows = InitiativeMembership.objects.filter(facet=facet)
    if facet == MEMBERS:
        rows = rows.filter(members_on(today()))
    ids = initiatives.order_by().values("pk")
    try:
        ids.query.sql_with_params()
    except EmptyResultSet:  # a search with no usable words: nothing to count
        return {}
    counted = rows.filter(initiative__in=ids).values_list("value").annotate(n=Count("*"))
    values = {value: n for value, n in counted.order_by()}
    if facet == COUNTRY:  # addresses and options write country codes in lower case
        return {value.lower(): n for value, n in values.items()}
    return values


def filters_key(form, leave_out):
    """A short name for the cleaned values of the form's filters but `leave_out`."""
    values = sorted((name, str(value)) for name, value in form.active.items() if name != leave_out)
    if form.active.get("members") == "1":
        # Undated initiatives' memberships are read on the day asked.
        values.append(("today", today().isoformat()))
    return hashlib.sha256(urlencode(values).encode()).hexdigest()[:32]


def facet_counts(form, initiatives):
    """{filter name: {option value: initiatives}}, each filter's counts given the others.

    `initiatives` is every published initiative; the keys assume it is.
    """
    # Words are searched in the reader's language: counts for them are kept per language.
    language = get_language() if form.active.get("q") else EVERY_LANGUAGE
    counts = {}
    for name, facet in FACETS.items():
        if name == "group" and form.active.get("members") == "1":
            facet = MEMBERS
        counts[name] = until_content_changes(
            f"facet:{name}:{facet}:{filters_key(form, name)}",
            # The query is built only when the counts are not kept.
            lambda name=name, facet=facet: count_by(facet, form.filter(initiatives, name)),
            language=language,
        )
    return counts
