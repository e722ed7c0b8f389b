"""Embargoed publishing: items that go public, or come down, at a time set in advance.

A publisher sets `publish_at` on a draft (or `unpublish_at` on any item);
`manage.py publish_scheduled`, run every minute by the operator's timer
(deploy/systemd/sscportal-publish.timer), makes the change once the time has
come. It is the only mechanism: until it has run, a due draft stays a draft
(at most a minute late), so no reader query has to know about the schedule
and `published()` stays the one rule (sscportal/visibility.py).

Each change is an ordinary save, so it is in the item's history (by the
scheduler's account, SCHEDULER_USERNAME), and the caches follow when it
commits: the page cache, the feeds and the list pages of its type. The time
acted on is emptied in the same save, so a second run finds nothing, and an
item taken down by hand later is not published again by an old schedule.
Runs may overlap (a slow minute, two machines): the due rows are locked with
SKIP LOCKED, so each is changed by one run only, and the others go on.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Least
from django.utils import timezone

from sscportal import content_types
from sscportal.visibility import Status

# The account the history names for scheduled changes: it cannot sign in.
SCHEDULER_USERNAME = "scheduler"


@dataclass(frozen=True)
class Change:
    """What a run did to one item."""

    item: object
    action: str  # "published" or "unpublished"
    due: object  # the time it was scheduled for


def scheduled_models():
    """The models whose items have a publication status, hence a schedule."""
    return [ct.model for ct in content_types.registered() if ct.publishable]


def scheduler_user():
    """The scheduler's account, created on first use with no usable password."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=SCHEDULER_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


# (the status an item must have, the field that schedules leaving it, the status it goes to)
_MOVES = (
    (Status.DRAFT, "publish_at", Status.PUBLISHED, "published"),
    (Status.PUBLISHED, "unpublish_at", Status.DRAFT, "unpublished"),
)


def run_due(now=None, user=None):
    """Make every change whose time has come; the list of what was done."""
    now = now or timezone.now()
    user = user or scheduler_user()
    changes = []
    for model in scheduled_models():
        for status, field, new_status, action in _MOVES:
            changes += _move(model, status, field, new_status, action, now, user)
    return changes


def _move(model, status, field, new_status, action, now, user):
    changes = []
    # One transaction per kind of change: its saves commit, and bump the
    # caches, together; rows another run holds are left to that run.
    with transaction.atomic():
        due = (
            model.objects.filter(status=status, **{f"{field}__lte": now})
            .order_by(field, "pk")
            .select_for_update(skip_locked=True)
        )
        for item in due:
            when = getattr(item, field)
            item.status = new_status
            setattr(item, field, None)
            # simple-history reads the author from the instance: no request here.
            item._history_user = user
            item.save()
            changes.append(Change(item, action, when))
    return changes


def scheduled_items(limit=100):
    """Every item with a time still to act on, of every type, soonest first:
    [(item, field, time)] for the admin's overview."""
    rows = []
    for model in scheduled_models():
        # One query a type (the admin's home page shows this on every visit):
        # the drafts to publish and the published items to take down together.
        waiting = Q()
        for status, field, _new, _action in _MOVES:
            waiting |= Q(status=status, **{f"{field}__isnull": False})
        soonest = Least(*(F(field) for _status, field, _new, _action in _MOVES))
        for item in model.objects.filter(waiting).order_by(soonest)[:limit]:
            for status, field, _new, _action in _MOVES:
                if item.status == status and getattr(item, field) is not None:
                    rows.append((item, field, getattr(item, field)))
    rows.sort(key=lambda row: row[2])
    return rows[:limit]
