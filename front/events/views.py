"""The list of Days, each year's Day and each event, with what other apps hold about
them (statements, resources, the background pages)."""

import datetime
import html
from dataclasses import dataclass

from django.db.models import Case, Exists, F, Max, Min, OuterRef, Q, When
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from events.filters import EventFilterForm
from events.models import Event, Observance
from initiatives.models import Organization
from pages.models import Page
from people.models import PersonTitle
from resources.models import Resource
from sscportal.caching.values import EVERY_LANGUAGE, cached_count, until_content_changes
from sscportal.operations.errors import ExplainedHttp404
from sscportal.reader_toolkit.listing import paginate
from sscportal.reader_toolkit.mixins import PublishedOrStaffMixin
from sscportal.text.languages import every_language, shown
from sscportal.visibility import public_prefetch
from statements.models import Statement

from ..opendata.links import OpenDataLinksMixin, feed

UPCOMING_LIMIT = 10
OBSERVANCE_EVENTS_PAGE = 50
OBSERVANCE_STATEMENTS = 20
OBSERVANCE_RESOURCES = 20
# The page about the Day: the hub of every year links it and the pages under it.
BACKGROUND_PAGE = "about-the-day"
# The lead block quotes the opening of the Secretary-General's message, as
# un.org's observance pages do, and links the whole text.
MESSAGE_EXCERPT_WORDS = 60

# The Secretary-General as editors title the speaker: "Secretary-General of the
# United Nations", "UN Secretary-General", "الأمين العام للأمم المتحدة". Anchored at
# both ends, so a Deputy Secretary-General or an Envoy of the Secretary-General
# is not taken for them.
SECRETARY_GENERAL_EN = (
    r"^\s*(the\s+)?((united\s+nations|un)\s+)?secretary[-\s]general"
    r"(\s+of\s+the\s+united\s+nations)?\s*$"
)
SECRETARY_GENERAL_AR = r"^\s*الأمين العام(\s+(للأمم|لمنظمة الأمم) المتحدة)?\s*$"


def _secretary_general_title(prefix=""):
    return Q(**{f"{prefix}title_en__iregex": SECRETARY_GENERAL_EN}) | Q(
        **{f"{prefix}title_ar__regex": SECRETARY_GENERAL_AR}
    )


def by_the_secretary_general(statements):
    """The statements the Secretary-General made: their speaker's title says so, or
    their speaker is a person who held that title on the day (a statement may name
    the person alone and leave the title to their record)."""
    held_the_title = PersonTitle.objects.filter(
        _secretary_general_title(),
        Q(starts_on__isnull=True) | Q(starts_on__lte=OuterRef("delivered_on")),
        Q(ends_on__isnull=True) | Q(ends_on__gte=OuterRef("delivered_on")),
        person=OuterRef("person"),
    )
    return statements.filter(_secretary_general_title("speaker_") | Exists(held_the_title))


def secretary_generals_message(statements):
    """The Secretary-General's message among the Day's statements: a message
    before a statement or remarks, one made for the Day before one made at its
    events, the newest first. None when they made none."""
    return (
        by_the_secretary_general(statements)
        .for_list()
        .order_by(
            Case(When(kind="message", then=0), default=1),
            Case(When(observance__isnull=False, then=0), default=1),
            "-delivered_on",
            "slug",
        )
        .first()
    )


@dataclass(frozen=True)
class Excerpt:
    """The opening words of a text, in the language they are shown in."""

    text: str
    lang: str
    is_fallback: bool


def message_excerpt(statement):
    """The first words of the statement's text, plain, in the reader's language
    when it has one; None when the site holds no text."""
    if statement is None or not statement.has_text:
        return None
    body = shown(statement, "body")
    # The body is sanitized HTML: its tags go, its entities become characters
    # again (the template escapes them once).
    words = Truncator(html.unescape(strip_tags(body.text))).words(MESSAGE_EXCERPT_WORDS)
    return Excerpt(" ".join(words.split()), body.lang, body.is_fallback)


def neighbouring_years(observance):
    """The years of the published Days before and after this one (None at either
    end): the years between them have no Day to show."""
    years = (
        Observance.objects.published()
        .exclude(pk=observance.pk)
        .aggregate(
            previous=Max("year", filter=Q(year__lt=observance.year)),
            next=Min("year", filter=Q(year__gt=observance.year)),
        )
    )
    return years["previous"], years["next"]


class ObservanceListView(OpenDataLinksMixin, ListView):
    """Observances by year, newest first, after the events still to come."""

    template_name = "front/events/observance_list.html"
    context_object_name = "observances"
    # The list of events is the list of Days; its download, feed and API list
    # every event and take these filters (a Day's, a host country's, an organizer's).
    filter_form = EventFilterForm
    open_data = "events"

    @staticmethod
    def public_items():
        """Every published event, latest first."""
        return Event.objects.published().order_by("-starts_at", "slug")

    def get_queryset(self):
        return Observance.objects.published().order_by("-year")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = timezone.localdate()
        context["featured"] = featured_day(context["today"])
        # The newest message of the Secretary-General for a Day readers may see.
        days = Observance.objects.published()
        message = secretary_generals_message(
            Statement.objects.published().filter(
                Q(observance__in=days) | Q(event__observance__in=days)
            )
        )
        context["message"] = message
        context["message_excerpt"] = message_excerpt(message)
        context["upcoming"] = (
            Event.objects.published()
            .for_list()
            .filter(starts_at__gte=timezone.now())
            .order_by("starts_at")[:UPCOMING_LIMIT]
        )
        context["recent"] = (
            Event.objects.published()
            .for_list()
            .filter(starts_at__lt=timezone.now())[:UPCOMING_LIMIT]
        )
        return context


def featured_day(today):
    """The coming Day, else the latest, kept until content changes (or the day does)."""
    return until_content_changes(
        f"featured-day:{today.isoformat()}",
        lambda: Observance.objects.featured(today),
        language=EVERY_LANGUAGE,  # the Day itself: its page says it in the reader's language
    )


class ObservanceDetailView(DetailView):
    template_name = "front/events/observance_detail.html"
    context_object_name = "observance"
    query_parameters = ("page",)  # its events are paginated

    def get_object(self, queryset=None):
        observances = Observance.objects.select_related("banner")
        if not self.request.user.is_staff:
            observances = observances.published()
        return get_object_or_404(observances, year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Both lists are bounded: a year may have hundreds of events and statements.
        events = self.object.events.published().for_list().order_by("starts_at", "slug")
        context["page_obj"] = paginate(self.request, events, OBSERVANCE_EVENTS_PAGE)
        # The Day's messages: made for the Day itself or at one of its events. The
        # Secretary-General's leads the page, and is not listed again below it.
        statements = Statement.objects.published().of_observance(self.object)
        context["message"] = secretary_generals_message(statements)
        context["message_excerpt"] = message_excerpt(context["message"])
        if context["message"]:
            statements = statements.exclude(pk=context["message"].pk)
        context["statements"] = statements.for_list().order_by("-delivered_on", "slug")[
            :OBSERVANCE_STATEMENTS
        ]
        context["statement_count"] = cached_count(statements)
        context["more_statements"] = context["statement_count"] > OBSERVANCE_STATEMENTS
        # "Launched" only where they were: at one of its events (Resource.event);
        # the others made for the Day are its resources, not launches.
        resources = Resource.objects.published().for_list().in_public_order()
        context["launched"] = resources.filter(event__observance=self.object)[:OBSERVANCE_RESOURCES]
        context["resources"] = resources.filter(observance=self.object).exclude(
            event__observance=self.object
        )[:OBSERVANCE_RESOURCES]
        context["background"] = (
            Page.objects.published()
            .filter(Q(slug=BACKGROUND_PAGE) | Q(parent__slug=BACKGROUND_PAGE))
            .order_by(F("parent_id").asc(nulls_first=True), "order", "slug")
            .only("slug", *every_language("title"), "parent_id")
        )
        context["previous_year"], context["next_year"] = neighbouring_years(self.object)
        context["feeds"] = [
            feed("statements", _("Statements"), observance=self.object.year),
            feed("events", _("Events"), observance=self.object.year),
        ]
        # The Day and its events, to subscribe to; a draft Day (seen by staff) has none yet.
        if self.object.is_published:
            context["calendar_url"] = reverse("events:observance_calendar", args=[self.object.year])
        return context


class EventYearView(TemplateView):
    """/events/<year>/ for a year without a Day: its events, so that the year in
    an event's address is never a dead end."""

    template_name = "front/events/year_detail.html"
    query_parameters = ("page",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        events = (
            Event.objects.published().without_day_in(year).for_list().order_by("starts_at", "slug")
        )
        context["page_obj"] = paginate(self.request, events, OBSERVANCE_EVENTS_PAGE)
        if not context["page_obj"].paginator.count:
            raise ExplainedHttp404(_("No event is recorded for this year."))
        context["year"] = year
        return context


def year_page(request, year):
    """The year's Day when there is one, else the year's events. A Day still in
    draft keeps its address to itself (a 404 to readers), events and all."""
    if Observance.objects.filter(year=year).exists():
        return ObservanceDetailView.as_view()(request, year=year)
    return EventYearView.as_view()(request, year=year)


class EventDetailView(PublishedOrStaffMixin, DetailView):
    model = Event
    template_name = "front/events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_list()
            .prefetch_related(
                public_prefetch("organizers", Organization.objects),
                "speakers__organization",
                "speakers__person",
                "files__document",
            )
        )

    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if event.year != self.kwargs["year"]:
            raise ExplainedHttp404(_("This event is listed under another year."))
        return event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statements"] = Statement.objects.published().for_list().filter(event=self.object)
        context["resources"] = (
            Resource.objects.published().in_public_order().filter(event=self.object)
        )
        if self.object.time_known and self.object.shown_timezone != "UTC":
            context["utc_times"] = utc_times(self.object)
        return context


@dataclass(frozen=True)
class UtcTimes:
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    # The day in UTC, when it is not the day at the venue (an evening in New York
    # is the next morning in UTC).
    other_day: datetime.date | None


def utc_times(event):
    """The event's start and end in UTC, for readers anywhere."""
    starts_at = event.starts_at.astimezone(datetime.UTC)
    ends_at = event.ends_at.astimezone(datetime.UTC) if event.ends_at else None
    other_day = starts_at.date() if starts_at.date() != event.local_starts_at.date() else None
    return UtcTimes(starts_at, ends_at, other_day)
