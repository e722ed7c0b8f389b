"""How many initiatives each filter option would give, the other filters applied.

One GROUP BY per filter, whatever the number of options, each kept until
content changes (keyed by the SQL of the other filters): a list page with
filters costs the same few queries at 10 initiatives or at 100,000.
"""

import datetime

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count

from sscportal.caching.values import per_query

from .models import Initiative, InitiativeCountry, InitiativeSector


def _ids(initiatives):
    return initiatives.order_by().values("pk")


def _grouped(rows):
    return {str(value): n for value, n in rows if value is not None}


def by_country(initiatives):
    # One row per (initiative, country): counting rows counts initiatives.
    rows = (
        InitiativeCountry.objects.filter(initiative__in=_ids(initiatives))
        .values_list("country__iso2")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {iso2.lower(): n for iso2, n in rows}


def by_goal(initiatives):
    links = Initiative.sdgs.through.objects.filter(initiative__in=_ids(initiatives))
    rows = links.values_list("sustainabledevelopmentgoal").annotate(n=Count("pk")).order_by()
    return _grouped(rows)


def by_sector(initiatives):
    links = InitiativeSector.objects.filter(initiative__in=_ids(initiatives))
    return _grouped(links.values_list("sector__code").annotate(n=Count("pk")).order_by())


def by_column(column):
    def count(initiatives):
        return _grouped(initiatives.order_by().values_list(column).annotate(n=Count("pk")))

    return count


# An initiative is in a region through its countries (their region and
# sub-region) and through the regions it names (that region and the one above);
# in a group by naming it, or through its countries. Counting DISTINCT initiatives over those
# memberships sorted 600,000 rows at 100,000 initiatives (650 ms for regions,
# 130 for groups). Instead each region or group gets a bit (there are 22 regions
# and a dozen groups; a bigint holds 63), each initiative the OR of its memberships'
# bits, and the few thousand distinct masks are counted and spread over the
# bits they hold (150 and 60 ms).
MASK_WIDTH = 63

_SPREAD = """
mask_counts AS (SELECT mask, COUNT(*) AS n FROM masks GROUP BY mask)
SELECT bits.label, SUM(mask_counts.n)::bigint
  FROM mask_counts JOIN bits ON mask_counts.mask & bits.bit <> 0
 GROUP BY bits.label
"""

_BIT = "1::bigint << (ROW_NUMBER() OVER (ORDER BY id) - 1)::int AS bit"

_BY_REGION = f"""
WITH bits AS (SELECT id, m49 AS label, {_BIT} FROM initiatives_region),
country_bits AS (
    SELECT country.id, COALESCE(region.bit, 0) | COALESCE(subregion.bit, 0) AS bits
      FROM initiatives_country country
      LEFT JOIN bits region ON region.id = country.region_id
      LEFT JOIN bits subregion ON subregion.id = country.subregion_id
),
named_bits AS (
    SELECT named.id, own.bit | COALESCE(parent.bit, 0) AS bits
      FROM initiatives_region named
      JOIN bits own ON own.id = named.id
      LEFT JOIN bits parent ON parent.id = named.parent_id
),
masks AS (
    SELECT initiative_id, BIT_OR(bits) AS mask FROM (
        SELECT link.initiative_id, country_bits.bits
          FROM initiatives_initiativecountry link
          JOIN country_bits ON country_bits.id = link.country_id
         WHERE link.initiative_id IN ({{ids}})
        UNION ALL
        SELECT named.initiative_id, named_bits.bits
          FROM initiatives_initiativeregion named
          JOIN named_bits ON named_bits.id = named.region_id
         WHERE named.initiative_id IN ({{ids}})
    ) AS memberships
     GROUP BY initiative_id
),{_SPREAD}"""

# A group counts the initiatives that name it (`group=`) and, when the reader
# asks for members too (`members=1`), those whose countries were all in it on
# the initiative's reference date (Initiative.reference_date): per initiative,
# the AND of its countries' membership bits on that day, ORed with the bits of
# the groups it names.
_BY_GROUP = f"""
WITH bits AS (SELECT id, code AS label, {_BIT} FROM initiatives_countrygroup),
masks AS (
    SELECT named.initiative_id, BIT_OR(bits.bit) AS mask
      FROM initiatives_initiativegroup named
      JOIN bits ON bits.id = named.group_id
     WHERE named.initiative_id IN ({{ids}})
     GROUP BY named.initiative_id
),{_SPREAD}"""

_BY_GROUP_AND_MEMBERS = f"""
WITH bits AS (SELECT id, code AS label, {_BIT} FROM initiatives_countrygroup),
chosen AS (
    SELECT id, COALESCE(start_date, planned_start_date, {{today}}) AS on_day
      FROM initiatives_initiative WHERE id IN ({{ids}})
),
all_members AS (
    SELECT link.initiative_id, BIT_AND(COALESCE(held.bits, 0)) AS mask
      FROM initiatives_initiativecountry link
      JOIN chosen ON chosen.id = link.initiative_id
      LEFT JOIN LATERAL (
          SELECT BIT_OR(bits.bit) AS bits
            FROM initiatives_countrygroupmembership membership
            JOIN bits ON bits.id = membership.group_id
           WHERE membership.country_id = link.country_id
             AND (membership.joined IS NULL OR membership.joined <= chosen.on_day)
             AND (membership."left" IS NULL OR membership."left" > chosen.on_day)
      ) AS held ON TRUE
     GROUP BY link.initiative_id
),
masks AS (
    SELECT initiative_id, BIT_OR(mask) AS mask FROM (
        SELECT initiative_id, mask FROM all_members
        UNION ALL
        SELECT named.initiative_id, bits.bit
          FROM initiatives_initiativegroup named
          JOIN bits ON bits.id = named.group_id
         WHERE named.initiative_id IN ({{ids}})
    ) AS memberships
     GROUP BY initiative_id
),{_SPREAD}"""


def _by_masks(sql, initiatives):
    """{label: initiatives} from one of the mask queries above, for these initiatives."""
    try:
        ids, params = _ids(initiatives).query.sql_with_params()
    except EmptyResultSet:  # a search with no usable words: nothing to count
        return {}
    with connection.cursor() as cursor:
        # The initiatives' query is written out where it is used, not as a CTE:
        # PostgreSQL then estimates its size instead of guessing 200 rows.
        # Today's date is written into the query: a date we made, not a reader's value.
        today = f"DATE '{datetime.date.today().isoformat()}'"
        cursor.execute(sql.format(ids=ids, today=today), list(params) * sql.count("{ids}"))
        return _grouped(cursor.fetchall())


def by_region(initiatives):
    return _by_masks(_BY_REGION, initiatives)


def by_group(initiatives):
    return _by_masks(_BY_GROUP, initiatives)


def by_group_and_members(initiatives):
    return _by_masks(_BY_GROUP_AND_MEMBERS, initiatives)


FACETS = {
    "country": by_country,
    "region": by_region,
    "group": by_group,
    "sector": by_sector,
    "sdg": by_goal,
    "modality": by_column("modality"),
    "stage": by_column("stage"),
}


def facet_counts(form, initiatives):
    """{filter name: {option value: initiatives}}, each filter's counts given the others."""
    counts = {}
    for name, count in FACETS.items():
        key = f"facet:{name}"
        if name == "group" and form.active.get("members") == "1":
            # Memberships are read on a date, today for undated initiatives.
            count, key = by_group_and_members, f"facet:group-members:{datetime.date.today()}"
        others = form.filter(initiatives, leave_out=name)
        counts[name] = per_query(key, others, lambda o=others, c=count: c(o))
    return counts
