"""What each initiative belongs to, precomputed: InitiativeMembership rows.

The list's filters and their option counts ask "which initiatives are in
Africa, in the LDCs, about goal 3?": answered from links, that is a join
through countries, their regions and their groups' dated memberships for
every initiative (seconds at 100,000 of them). Here each initiative has one
row per thing it belongs to, (facet, value), under an index on (facet, value,
initiative): a filter is an index range, a count a GROUP BY over one facet.

The rows are written by one INSERT ... SELECT from the links, for a few
initiatives (a save, in the same transaction), a batch (an import, at its end)
or all (`manage.py refresh_memberships`, after bulk writes). The rules are
those of InitiativeQuerySet (in_region, in_group, all_countries_in), so the
lists answer exactly what they answered from the links.
"""

import datetime
import threading
from contextlib import contextmanager

from django.db import connection, models

COUNTRY = "c"  # ISO 3166-1 alpha-2, as stored ("KE")
REGION = "r"  # M49 code of a region or sub-region, through a country or named
GROUP = "g"  # a country group the initiative names
# A country group the initiative names, or whose members all its countries were
# on its reference date (the `members=1` filter): see `members_on`.
MEMBERS = "m"
GOAL = "s"  # a Sustainable Development Goal's number
SECTOR = "e"  # a DAC sector's code
MODALITY = "mo"
STAGE = "st"

# Each SELECT gives (initiative, facet, value, since, until) for the
# initiatives in {ids}. UNION, not UNION ALL: an initiative in Africa through
# two countries and by naming it is in it once.
_ROWS = """
SELECT link.initiative_id, 'c', country.iso2, NULL::date, NULL::date
  FROM initiatives_initiativecountry link
  JOIN initiatives_country country ON country.id = link.country_id
 WHERE link.initiative_id IN ({ids})
UNION
SELECT link.initiative_id, 'r', region.m49::text, NULL, NULL
  FROM initiatives_initiativecountry link
  JOIN initiatives_country country ON country.id = link.country_id
  JOIN initiatives_region region
    ON region.id = country.region_id OR region.id = country.subregion_id
 WHERE link.initiative_id IN ({ids})
UNION
SELECT named.initiative_id, 'r', region.m49::text, NULL, NULL
  FROM initiatives_initiativeregion named
  JOIN initiatives_region own ON own.id = named.region_id
  JOIN initiatives_region region ON region.id = own.id OR region.id = own.parent_id
 WHERE named.initiative_id IN ({ids})
UNION
SELECT named.initiative_id, facet.code, grp.code, NULL, NULL
  FROM initiatives_initiativegroup named
  JOIN initiatives_countrygroup grp ON grp.id = named.group_id
 CROSS JOIN (VALUES ('g'), ('m')) AS facet (code)
 WHERE named.initiative_id IN ({ids})
UNION
SELECT goal.initiative_id, 's', goal.sustainabledevelopmentgoal_id::text, NULL, NULL
  FROM initiatives_initiative_sdgs goal
 WHERE goal.initiative_id IN ({ids})
UNION
SELECT share.initiative_id, 'e', sector.code, NULL, NULL
  FROM initiatives_initiativesector share
  JOIN initiatives_sector sector ON sector.id = share.sector_id
 WHERE share.initiative_id IN ({ids})
UNION
SELECT item.id, facet.code, facet.value, NULL, NULL
  FROM initiatives_initiative item
 CROSS JOIN LATERAL (VALUES ('mo', item.modality), ('st', item.stage)) AS facet (code, value)
 WHERE item.id IN ({ids})
UNION
-- Groups whose members all the initiative's countries were on its reference
-- date (InitiativeQuerySet.all_countries_in): a row per group that has every
-- country as a member then. Undated initiatives are read on the day a reader
-- asks (today), so their row says from when (the latest joining) until when
-- (the earliest leaving) all the countries are members at once.
SELECT item.id, 'm', grp.code,
       CASE WHEN item.on_day IS NULL THEN MAX(membership.joined) END,
       CASE WHEN item.on_day IS NULL THEN MIN(membership."left") END
  FROM (
      SELECT id, COALESCE(start_date, planned_start_date) AS on_day
        FROM initiatives_initiative WHERE id IN ({ids})
  ) AS item
  JOIN initiatives_initiativecountry link ON link.initiative_id = item.id
  JOIN initiatives_countrygroupmembership membership
    ON membership.country_id = link.country_id
   AND (item.on_day IS NULL OR membership.joined IS NULL OR membership.joined <= item.on_day)
   AND (item.on_day IS NULL OR membership."left" IS NULL OR membership."left" > item.on_day)
  JOIN initiatives_countrygroup grp ON grp.id = membership.group_id
 WHERE NOT EXISTS (
       SELECT FROM initiatives_initiativegroup named
        WHERE named.initiative_id = item.id AND named.group_id = grp.id
 )
 GROUP BY item.id, item.on_day, grp.code
HAVING COUNT(*) = (
       SELECT COUNT(*) FROM initiatives_initiativecountry every
        WHERE every.initiative_id = item.id
   )
   AND (MAX(membership.joined) IS NULL OR MIN(membership."left") IS NULL
        OR MAX(membership.joined) < MIN(membership."left"))
"""

_INSERT = (
    "INSERT INTO initiatives_initiativemembership "
    '(initiative_id, facet, value, since, "until") ' + _ROWS
)

# Initiatives per statement when every row is rebuilt.
BATCH = 5000


def refresh(initiative_ids):
    """Rewrite the rows of these initiatives from their links (two statements)."""
    ids = sorted({pk for pk in initiative_ids if pk is not None})
    if not ids:
        return
    stale = _deferred_ids()
    if stale is not None:
        stale.update(ids)
        return
    _rewrite(ids)


def _rewrite(ids):
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM initiatives_initiativemembership WHERE initiative_id = ANY(%s)", [ids]
        )
        cursor.execute(
            _INSERT.format(ids="SELECT unnest(%s::bigint[])"), [ids] * _ROWS.count("{ids}")
        )


def refresh_all(progress=None):
    """Rebuild every row: after bulk writes, or to check that nothing drifted."""
    with connection.cursor() as cursor:
        # DELETE, not TRUNCATE: inside a transaction that wrote initiatives (the
        # corpus, a test) their foreign keys still have checks pending.
        cursor.execute("DELETE FROM initiatives_initiativemembership")
        cursor.execute("SELECT id FROM initiatives_initiative ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        with connection.cursor() as cursor:
            cursor.execute(
                _INSERT.format(
                    ids="SELECT id FROM initiatives_initiative WHERE id BETWEEN %s AND %s"
                ),
                [chunk[0], chunk[-1]] * _ROWS.count("{ids}"),
            )
        if progress:
            progress(start + len(chunk), len(ids))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiativemembership")
    return len(ids)


def members_on(day, prefix=""):
    """The condition on a MEMBERS row of holding on `day` (an undated initiative's
    row holds from its `since` until the day before its `until`)."""
    return (
        models.Q(**{f"{prefix}since__isnull": True}) | models.Q(**{f"{prefix}since__lte": day})
    ) & (models.Q(**{f"{prefix}until__isnull": True}) | models.Q(**{f"{prefix}until__gt": day}))


def today():
    return datetime.date.today()


_deferred = threading.local()


def _deferred_ids():
    return getattr(_deferred, "ids", None)


@contextmanager
def refreshed_on_leaving():
    """Inside, saves only note whose rows are stale; on leaving, they are rewritten
    a batch per statement (an import saves an initiative, then each of its links:
    one rewrite at the end, in the same transaction, gives the same rows)."""
    if _deferred_ids() is not None:  # nested: the outer one refreshes
        yield
        return
    _deferred.ids = set()
    try:
        yield
        ids = sorted(_deferred.ids)
    finally:
        _deferred.ids = None
    for start in range(0, len(ids), BATCH):
        _rewrite(ids[start : start + BATCH])


# Keeping the rows right: every change that can alter what an initiative
# belongs to rewrites its rows, in the same transaction. Connected once, by
# InitiativesConfig.ready().


def _initiatives_of(**lookup):
    from .models import Initiative

    return list(Initiative.objects.filter(**lookup).values_list("pk", flat=True).distinct())


def watch():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import (
        Country,
        CountryGroup,
        CountryGroupMembership,
        Initiative,
        InitiativeCountry,
        InitiativeGroup,
        InitiativeRegion,
        InitiativeSector,
        Region,
        Sector,
    )

    def connect(signal, sender, receiver):
        uid = f"membership-{signal is post_delete}-{sender._meta.label}"
        signal.connect(receiver, sender=sender, weak=False, dispatch_uid=uid)

    def initiative_saved(sender, instance, **kwargs):
        refresh([instance.pk])  # its modality, stage and dates

    def initiative_deleted(sender, instance, **kwargs):
        # Its links' own deletions (before its row's) wrote rows again: gone now.
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM initiatives_initiativemembership WHERE initiative_id = %s",
                [instance.pk],
            )

    def link_changed(sender, instance, **kwargs):
        refresh([instance.initiative_id])

    def links_set(sender, instance, action, reverse, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if isinstance(instance, Initiative):
            refresh([instance.pk])
        else:  # from the other side (a goal's or a country's initiatives): all of them
            field = {
                Initiative.sdgs.through: "sdgs",
                Initiative.countries.through: "countries",
                Initiative.regions.through: "regions",
                Initiative.groups.through: "groups",
                Initiative.sectors.through: "sectors",
            }[sender]
            refresh(_initiatives_of(**{f"{field}__pk": instance.pk}))
            if pk_set:
                refresh(pk_set)

    def country_changed(sender, instance, **kwargs):
        # Its region, sub-region or code; its groups.
        country = instance.country_id if isinstance(instance, CountryGroupMembership) else None
        refresh(_initiatives_of(countries__pk=country or instance.pk))

    def country_groups_set(sender, instance, action, reverse, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if isinstance(instance, Country):
            refresh(_initiatives_of(countries__pk=instance.pk))
        else:
            refresh(_initiatives_of(countries__groups__pk=instance.pk))
            refresh(_initiatives_of(countries__pk__in=pk_set or ()))

    def region_changed(sender, instance, **kwargs):
        # Its code, or the region it is a part of.
        refresh(_initiatives_of(regions__pk=instance.pk))
        refresh(_initiatives_of(regions__parent__pk=instance.pk))
        refresh(_initiatives_of(countries__region__pk=instance.pk))
        refresh(_initiatives_of(countries__subregion__pk=instance.pk))

    def group_changed(sender, instance, **kwargs):
        refresh(_initiatives_of(groups__pk=instance.pk))
        refresh(_initiatives_of(countries__groups__pk=instance.pk))

    def sector_changed(sender, instance, **kwargs):
        refresh(_initiatives_of(sectors__pk=instance.pk))

    connect(post_save, Initiative, initiative_saved)
    connect(post_delete, Initiative, initiative_deleted)
    for link in (InitiativeCountry, InitiativeRegion, InitiativeGroup, InitiativeSector):
        connect(post_save, link, link_changed)
        connect(post_delete, link, link_changed)
    for field in ("sdgs", "countries", "regions", "groups", "sectors"):
        through = getattr(Initiative, field).through
        m2m_changed.connect(
            links_set, sender=through, weak=False, dispatch_uid=f"membership-m2m-{field}"
        )
    connect(post_save, Country, country_changed)
    connect(post_save, CountryGroupMembership, country_changed)
    connect(post_delete, CountryGroupMembership, country_changed)
    m2m_changed.connect(
        country_groups_set,
        sender=Country.groups.through,
        weak=False,
        dispatch_uid="membership-m2m-country-groups",
    )
    connect(post_save, Region, region_changed)
    connect(post_save, CountryGroup, group_changed)
    connect(post_save, Sector, sector_changed)
