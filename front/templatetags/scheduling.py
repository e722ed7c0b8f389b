"""What the Day's hub will show once its embargoes lift, told to staff only.

Staff requests are never served from nor stored in the page cache
(sscportal/caching/pages.py), so the notice can name drafts; readers' renders
get nothing, at no query.
"""

from django import template
from django.db.models import Q

from events.models import Event
from resources.models import Resource
from sscportal.visibility import Status
from statements.models import Statement

register = template.Library()


@register.simple_tag(takes_context=True)
def scheduled_for_day(context, observance):
    """The Day itself and its statements, events and resources that wait for a time of
    publication, soonest first: [(item, time)]; [] for anyone but staff."""
    request = context.get("request")
    if request is None or not request.user.is_staff:
        return []
    waiting = {"status": Status.DRAFT, "publish_at__isnull": False}
    items = [observance] if observance.is_scheduled else []
    items += Statement.objects.of_observance(observance).filter(**waiting)
    items += Event.objects.filter(observance=observance, **waiting)
    items += Resource.objects.filter(
        Q(observance=observance) | Q(event__observance=observance), **waiting
    ).select_related("event__observance")
    return sorted(((item, item.publish_at) for item in items), key=lambda pair: pair[1])
