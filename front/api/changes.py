"""The changes log: when each item became public, changed while public, or stopped
being public, read from the edit history django-simple-history keeps of every
save and delete of content (sscportal.content_types.register).

An item is public while its status is published. Each history record is
compared with the item's record before it:

- public now, not before (or no record before): "created";
- public now and before, under the same key: "updated";
- public before, and now a draft, deleted, or under another key: "withdrawn"
  under the key it had, and "created" under the new key if it is still public.

So an item that was only ever a draft never appears, and a harvester that
applies the log in order holds exactly the public items. Reference data
(countries, regions, groups, goals, sectors) has no history and no entries.
"""

from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

from sscportal.models import Status

from .endpoints import content_endpoints

COLUMNS = ("log_type", "log_key", "log_action", "history_date", "history_id", "log_step")
# Within one record, the old key's withdrawal comes before the new key's creation.
WITHDRAWAL, APPEARANCE = 0, 1


def _public():
    return ExpressionWrapper(
        Q(status=Status.PUBLISHED) & ~Q(history_type="-"), output_field=BooleanField()
    )


def _entries(endpoint, since):
    """The log entries of one type, two querysets (appearances, withdrawals) of COLUMNS."""
    records = endpoint.content_type.model.history.model.objects
    key = endpoint.section.key
    before = records.filter(id=OuterRef("id")).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    before = before.order_by("-history_date", "-history_id")
    annotated = records.annotate(
        log_type=Value(endpoint.name, output_field=TextField()),
        log_key_now=Cast(key, TextField()),
        log_public_now=_public(),
        log_key_before=Subquery(before.annotate(k=Cast(key, TextField())).values("k")[:1]),
        log_public_before=Coalesce(
            Subquery(before.annotate(p=_public()).values("p")[:1]), Value(False)
        ),
    )
    if since is not None:
        annotated = annotated.filter(history_date__gte=since)
    appeared = (
        annotated.filter(log_public_now=True)
        .annotate(
            log_key=F("log_key_now"),
            log_action=Case(
                When(
                    log_public_before=True, log_key_before=F("log_key_now"), then=Value("updated")
                ),
                default=Value("created"),
                output_field=TextField(),
            ),
            log_step=Value(APPEARANCE, output_field=IntegerField()),
        )
        .values_list(*COLUMNS)
    )
    withdrawn = (
        annotated.filter(log_public_before=True)
        .filter(Q(log_public_now=False) | ~Q(log_key_before=F("log_key_now")))
        .annotate(
            log_key=F("log_key_before"),
            log_action=Value("withdrawn", output_field=TextField()),
            log_step=Value(WITHDRAWAL, output_field=IntegerField()),
        )
        .values_list(*COLUMNS)
    )
    return [appeared.order_by(), withdrawn.order_by()]


def changes(since=None):
    """Every entry since `since` (inclusive; None: from the start), oldest first, as
    rows of COLUMNS; a queryset to count and slice."""
    parts = [part for endpoint in content_endpoints() for part in _entries(endpoint, since)]
    log = parts[0].union(*parts[1:], all=True)
    return log.order_by("history_date", "log_type", "history_id", "log_step")


def entry(row):
    """A row of `changes()` as the API writes it."""
    kind, key, action, moment, _record, _step = row
    endpoint = next(e for e in content_endpoints() if e.name == kind)
    return {
        "type": kind,
        "key": int(key) if endpoint.key_is_number else key,
        "action": action,
        "at": moment.isoformat(),
    }
