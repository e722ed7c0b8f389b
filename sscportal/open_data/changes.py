"""When the content last changed, as the data page and the dataset's citation say it."""

from django.db.models import OuterRef, Q, Subquery

from sscportal import content_types
from sscportal.caching.values import EVERY_LANGUAGE, until_content_changes
from sscportal.models import Status


def _latest_public_change(history):
    """The time of the newest record readers could notice: saved while public,
    or the first save or delete after being public (a withdrawal). An editor's
    work on a draft is not a change to the published data."""
    before = history.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
    records = history.annotate(
        status_before=Subquery(before.order_by("-history_date").values("status")[:1])
    ).filter(Q(status=Status.PUBLISHED) & ~Q(history_type="-") | Q(status_before=Status.PUBLISHED))
    # Newest first: the scan stops at the first record that counts.
    return records.order_by("-history_date").values_list("history_date", flat=True).first()


def _last_change():
    # Every save and delete of every content model is in its history, with its
    # time; reference data (countries, regions) only changes with a deploy.
    # Parts (an initiative's countries...) have no status of their own: any
    # change to one is counted, a draft's parts included, as before.
    latest = []
    for content_type in content_types.registered():
        if content_type.reference:
            continue
        history = content_type.model.history.model.objects
        if any(field.name == "status" for field in history.model._meta.fields):
            latest.append(_latest_public_change(history))
        else:
            latest.append(
                history.order_by("-history_date").values_list("history_date", flat=True).first()
            )
        for part in content_type.parts:
            latest.append(
                part.history.model.objects.order_by("-history_date")
                .values_list("history_date", flat=True)
                .first()
            )
    return max((moment for moment in latest if moment), default=None)


def last_change():
    """The time of the latest change readers could see (a publication, an edit of
    something public, a withdrawal or deletion), or None for none."""
    return until_content_changes("last-change", _last_change, language=EVERY_LANGUAGE)
