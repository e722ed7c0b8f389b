import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives.models import Country, Organization
from media.models import Attachment, Image
from people.models import Person
from sscportal.models import (
    HasPublicationStatus,
    Publishable,
    PublishableQuerySet,
    has_text_in_some_language,
    publishable_manager,
)
from sscportal.reader_toolkit.date_range import in_zone, validate_in_range
from sscportal.search.columns import linked_names, search_document, search_indexes, search_text


class ObservanceQuerySet(PublishableQuerySet):
    def featured(self, today):
        """The coming Day (today's included), else the latest one: what the home page shows.

        One query: the coming Days first, soonest first, then the past ones, newest first.
        """
        coming = Q(date__gte=today)
        return (
            self.published()
            .order_by(
                Case(When(coming, then=0), default=1),
                Case(When(coming, then=F("date"))).asc(),
                F("date").desc(),
            )
            .first()
        )


class Observance(HasPublicationStatus):
    """One United Nations Day for South-South Cooperation.

    Its date is data, never computed: the Day was observed on 19 December from
    2004 (resolution 58/220) and on 12 September from 2012 (resolution 66/550).
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    date = models.DateField(_("date"), validators=[validate_in_range])
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    banner = models.ForeignKey(
        Image,
        verbose_name=_("banner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="banner_of",
        help_text=_("The Day's picture, from the media library (wide, at least 1280 pixels)."),
    )

    search_document = search_document(a=["theme", "year"], b=["summary"], untranslated=["year"])
    search_text = search_text("theme")
    objects = ObservanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("observance")
        verbose_name_plural = _("observances")
        ordering = ["-year"]
        indexes = search_indexes("observance")
        permissions = [("publish_observance", _("Can publish and unpublish observances"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(year=ExtractYear("date")),
                name="observance_date_in_its_year",
                violation_error_message=_("The date must fall in the observance's year."),
            ),
        ]

    def __str__(self):
        return str(self.year)

    def get_absolute_url(self):
        return reverse("events:observance_detail", args=[self.year])


def validate_timezone(name):
    if name not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(name)s is not an IANA time zone name (e.g. America/New_York)."),
            params={"name": name},
        )


class _LocalYear(models.Func):
    """The year an event starts at its venue (in UTC when only its date is known),
    in SQL: the year of its address, as Event.year reads it in Python."""

    template = (
        "CAST(EXTRACT(YEAR FROM timezone("
        "CASE WHEN %(table)s.time_known THEN %(table)s.timezone ELSE 'UTC' END, "
        "%(table)s.starts_at)) AS integer)"
    )
    output_field = models.IntegerField()

    def as_sql(self, compiler, connection, **extra):
        extra["table"] = connection.ops.quote_name(compiler.query.get_initial_alias())
        return super().as_sql(compiler, connection, **extra)


class EventQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("observance", "country")

    def without_day_in(self, year):
        """Events of no Day whose address is under /events/<year>/: the year they
        start at the venue."""
        return self.annotate(local_year=_LocalYear()).filter(
            observance__isnull=True, local_year=year
        )


class Event(Publishable):
    observance = models.ForeignKey(
        Observance,
        verbose_name=_("observance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True, validators=[validate_in_range])
    time_known = models.BooleanField(
        _("time known"),
        default=True,
        help_text=_(
            "Untick when only the date is known: the page and the calendar then show the "
            "date alone."
        ),
    )
    ends_at = models.DateTimeField(
        _("ends at"), null=True, blank=True, validators=[validate_in_range]
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_timezone],
        help_text=_("The venue's IANA time zone, e.g. America/New_York or Europe/Istanbul."),
    )
    online = models.BooleanField(_("online"), default=False)
    url = models.URLField(_("link"), max_length=500, blank=True)
    recording_url = models.URLField(_("recording"), max_length=500, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="organized_events", verbose_name=_("organizers")
    )

    rich_text_fields = ("description",)
    linked_names = linked_names()
    search_document = search_document(
        a=["title"],
        b=["venue"],
        c=["description"],
        d=["linked_names"],
        html=["description"],
        untranslated=["linked_names"],
    )
    search_text = search_text()
    objects = publishable_manager(EventQuerySet)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can publish and unpublish events"))]
        indexes = [
            *search_indexes("event"),
            models.Index(fields=["status", "-starts_at", "slug"], name="event_public_order"),
        ]
        ordering = ["-starts_at", "slug"]
        constraints = [
            has_text_in_some_language("title", "event_has_title"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def save(self, *args, **kwargs):
        if not self.time_known:
            # A day without an hour is kept at noon UTC of that day, so its date
            # reads the same whatever the venue's time zone.
            self.starts_at = day_at_noon_utc(self.starts_at)
            if self.ends_at:
                self.ends_at = day_at_noon_utc(self.ends_at)
        super().save(*args, **kwargs)

    @property
    def starts_on(self):
        """The day it starts, at the venue (or the day given, when the time is not known)."""
        if not self.time_known:
            return self.starts_at.astimezone(datetime.UTC).date()
        return self.local_starts_at.date()

    @property
    def ends_on(self):
        if not self.ends_at:
            return None
        if not self.time_known:
            return self.ends_at.astimezone(datetime.UTC).date()
        return self.local_ends_at.date()

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def shown_timezone(self):
        """The zone its times are shown in: the venue's, or UTC for a moment the
        venue's offset would carry past year 1 or 9999 (rows from before the bounds)."""
        for moment in (self.starts_at, self.ends_at):
            if moment and in_zone(moment, self.tzinfo).tzinfo is not self.tzinfo:
                return "UTC"
        return self.timezone

    @property
    def local_starts_at(self):
        return in_zone(self.starts_at, self.tzinfo)

    @property
    def local_ends_at(self):
        return in_zone(self.ends_at, self.tzinfo) if self.ends_at else None

    @property
    def year(self):
        """The year in the event's URL: its observance's, else its own (at the venue)."""
        if self.observance_id:
            return self.observance.year
        return self.starts_on.year

    def venue_zone(self):
        return self.timezone

    def get_absolute_url(self):
        return reverse("events:event_detail", args=[self.year, self.slug])


def day_at_noon_utc(moment):
    """A date, or the date of a moment (as entered: in the site's time zone), at 12:00 UTC."""
    day = (
        moment
        if not isinstance(moment, datetime.datetime)
        else moment.astimezone(datetime.UTC).date()
    )
    return datetime.datetime.combine(day, datetime.time(12), datetime.UTC)


class EventSpeaker(models.Model):
    """One speaker of an event's programme, in the order they speak."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="speakers")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title or function"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="speakers",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_roles",
        help_text=_("When given, the name may be left empty: the person's is shown."),
    )

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["event", "order", "pk"]
        constraints = [
            # A name in some language, or the person whose name it is.
            models.CheckConstraint(
                condition=Q(person__isnull=False)
                | has_text_in_some_language("name", "unused").condition,
                name="event_speaker_has_name",
                violation_error_message=_("Give a name in at least one language, or a person."),
            )
        ]

    def __str__(self):
        return self.name or (self.person.name if self.person_id else "?")


class EventFile(Attachment):
    """The event's official document in one language (its programme, its outcome),
    from the media library: readers may fetch it while the event is public."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "document"], name="event_file_once")
        ]
