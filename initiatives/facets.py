"""How many initiatives each filter option would give, the other filters applied.

One GROUP BY per filter, whatever the number of options, each kept until
content changes (keyed by the SQL of the other filters): a list page with
filters costs the same few queries at 10 initiatives or at 100,000.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count

from sscportal.caching.values import per_query

from .models import Initiative, InitiativeCountry


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


def by_group(initiatives):
    rows = (
        InitiativeCountry.objects.filter(initiative__in=_ids(initiatives))
        .values_list("country__groups__code")
        .annotate(n=Count("initiative", distinct=True))
        .order_by()
    )
    return _grouped(rows)


def by_goal(initiatives):
    links = Initiative.sdgs.through.objects.filter(initiative__in=_ids(initiatives))
    rows = links.values_list("sustainabledevelopmentgoal").annotate(n=Count("pk")).order_by()
    return _grouped(rows)


def by_column(column):
    def count(initiatives):
        return _grouped(initiatives.order_by().values_list(column).annotate(n=Count("pk")))

    return count


# An initiative is in a region through its countries (their region and
# sub-region) and through the regions it names (that region and the one above).
_BY_REGION = """
WITH chosen AS ({ids}),
memberships AS (
    SELECT link.initiative_id, country.region_id AS region_id
      FROM initiatives_initiativecountry link
      JOIN initiatives_country country ON country.id = link.country_id
     WHERE link.initiative_id IN (SELECT id FROM chosen)
    UNION ALL
    SELECT link.initiative_id, country.subregion_id
      FROM initiatives_initiativecountry link
      JOIN initiatives_country country ON country.id = link.country_id
     WHERE link.initiative_id IN (SELECT id FROM chosen)
    UNION ALL
    SELECT named.initiative_id, named.region_id
      FROM initiatives_initiativeregion named
     WHERE named.initiative_id IN (SELECT id FROM chosen)
    UNION ALL
    SELECT named.initiative_id, region.parent_id
      FROM initiatives_initiativeregion named
      JOIN initiatives_region region ON region.id = named.region_id
     WHERE named.initiative_id IN (SELECT id FROM chosen)
)
SELECT region.m49, COUNT(DISTINCT memberships.initiative_id)
  FROM memberships JOIN initiatives_region region ON region.id = memberships.region_id
 GROUP BY region.m49
"""


def by_region(initiatives):
    try:
        sql, params = initiatives.order_by().values("id").query.sql_with_params()
    except EmptyResultSet:  # a search with no usable words: nothing to count
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_BY_REGION.format(ids=sql), params)
        return _grouped(cursor.fetchall())


FACETS = {
    "country": by_country,
    "region": by_region,
    "group": by_group,
    "sdg": by_goal,
    "modality": by_column("modality"),
    "stage": by_column("stage"),
}


def facet_counts(form, initiatives):
    """{filter name: {option value: initiatives}}, each filter's counts given the others."""
    counts = {}
    for name, count in FACETS.items():
        others = form.filter(initiatives, leave_out=name)
        counts[name] = per_query(f"facet:{name}", others, lambda o=others, c=count: c(o))
    return counts
