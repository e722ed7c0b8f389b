from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event, Observance
from initiatives.models import Country, Initiative, Organization
from media.models import Attachment
from people.models import Person
from sscportal.models import (
    Publishable,
    PublishableQuerySet,
    has_text_in_some_language,
    publishable_manager,
)
from sscportal.reader_toolkit.date_range import validate_in_range
from sscportal.search.columns import (
    SEARCH_COLUMNS,
    linked_names,
    search_document,
    search_indexes,
    search_text,
)
from sscportal.text.languages import LANGUAGE_CODES, default_language_code
from sscportal.visibility import public_related


class StatementKind(models.TextChoices):
    MESSAGE = "message", _("Message")
    SPEECH = "speech", _("Speech")
    REMARKS = "remarks", _("Remarks")
    STATEMENT = "statement", _("Statement")
    PRESS_RELEASE = "press-release", _("Press release")


class TextKind(models.TextChoices):
    """What the body holds: the words themselves, or someone's account of them."""

    FULL_TEXT = "full-text", _("Full text")
    EXCERPTS = "excerpts", _("Excerpts")
    SUMMARY = "summary", _("Summary")
    NEWS_REPORT = "news-report", _("News report")


class TranslationKind(models.TextChoices):
    """How a language version other than the original came to be."""

    OFFICIAL = "official", _("Official translation")
    EDITORIAL = "editorial", _("Translation by this site")
    MACHINE = "machine", _("Machine translation")


# How far from the Day's own date a statement made at one of its events may be.
# An event of the Day is held for it: the commemoration itself, or a launch "on
# the margins of the Day" (SESRIC and UNOSSC's 2020 report, three days after
# it). A month either side covers a week or a month of events around the Day
# and, for the 19 December Days of 2004-2011, events early in the next January,
# which a same-year rule would refuse. An event further away has an occasion of
# its own and should not be filed under the Day.
EVENT_DAYS_FROM_THE_DAY = 31


def dates_agree_with_day(delivered_on, issued_on, day_year, day_date, *, through_event):
    """Whether a statement delivered (or issued) on these dates can belong to the
    Day of `day_year`, held on `day_date`.

    Made for the Day itself (`observance`): delivered or issued in the Day's
    year. A message for the Day is issued days or weeks ahead of it (the
    Secretary-General's for 12 September 2023 on 8 September) and some are
    written for the year's theme, so a narrow window would refuse real ones;
    another year is always a mistake (a 2024 message under the 2005 Day).
    Made at one of the Day's events: within EVENT_DAYS_FROM_THE_DAY days of the
    Day's own date. Either date may agree: a news report is published after
    the remarks it reports.
    """
    dates = [date for date in (delivered_on, issued_on) if date]
    if through_event:
        return any(abs((date - day_date).days) <= EVENT_DAYS_FROM_THE_DAY for date in dates)
    return any(date.year == day_year for date in dates)


class StatementQuerySet(PublishableQuerySet):
    def for_list(self):
        people = ("person", "delivered_by_person")
        return self.select_related(
            "organization", *people, "event__observance", "observance"
        ).defer(
            *(f"event__{column}" for column in SEARCH_COLUMNS),
            *(f"{p}__{c}" for p in people for c in ("search_document", "search_text")),
        )

    def of_observance(self, observance):
        """The Day's messages: made for the observance itself or at one of its events."""
        # A UNION, not an OR across the event join: each half is found by index.
        for_the_day = Statement.objects.filter(observance=observance).values("pk")
        at_its_events = Statement.objects.filter(event__observance=observance).values("pk")
        return self.filter(pk__in=for_the_day.union(at_its_events))

    def mentioning(self, **related):
        """Statements that mention a country, initiative or organization, e.g.
        mentioning(countries=kenya): one keyword, the plural of the mentions key."""
        ((kind, item),) = related.items()
        return self.filter(**{f"mentioned_{kind}": item})


class Statement(Publishable):
    title = models.CharField(_("title"), max_length=300, blank=True)
    body = models.TextField(_("body"), blank=True)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    speaker_title = models.CharField(_("speaker's title"), max_length=300, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("speaker (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
        help_text=_("When given, the speaker's name may be left empty: the person's is shown."),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=StatementKind)
    delivered_on = models.DateField(
        _("delivered on"), db_index=True, validators=[validate_in_range]
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )
    original_language = models.CharField(
        _("original language"),
        max_length=3,
        default=default_language_code,
        help_text=_("ISO 639-1 code of the language it was delivered in, e.g. en, ar, fr."),
        # \Z, not $: `$` also matches before a final newline.
        validators=[
            RegexValidator(r"\A[a-z]{2,3}\Z", _("Give a language code: two or three letters."))
        ],
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    observance = models.ForeignKey(
        Observance,
        verbose_name=_("observance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text=_("The Day it was made for, when it belongs to the Day but to no event."),
    )
    issued_on = models.DateField(
        _("issued on"),
        null=True,
        blank=True,
        validators=[validate_in_range],
        help_text=_("When the text was issued or published, if not the day it was delivered."),
    )
    document_symbol = models.CharField(
        _("document symbol"), max_length=60, blank=True, help_text=_("e.g. SG/SM/21946")
    )
    delivered_by = models.CharField(
        _("delivered by"),
        max_length=300,
        blank=True,
        help_text=_("Who read it out, when not the speaker, with their title."),
    )
    delivered_by_person = models.ForeignKey(
        Person,
        verbose_name=_("delivered by (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="statements_delivered",
    )
    text_kind = models.CharField(
        _("text"), max_length=16, choices=TextKind, default=TextKind.FULL_TEXT
    )
    outlet = models.CharField(
        _("outlet"), max_length=200, blank=True, help_text=_("For a news report: who published it.")
    )
    byline = models.CharField(
        _("byline"), max_length=200, blank=True, help_text=_("For a news report: the reporter.")
    )
    # One column per language (modeltranslation): how that language's version
    # came to be. Empty for the original language and for a missing version.
    translation = models.CharField(
        _("translation"), max_length=16, choices=TranslationKind, blank=True
    )
    mentioned_countries = models.ManyToManyField(
        Country, verbose_name=_("countries mentioned"), blank=True, related_name="+"
    )
    mentioned_initiatives = models.ManyToManyField(
        Initiative, verbose_name=_("initiatives mentioned"), blank=True, related_name="+"
    )
    mentioned_organizations = models.ManyToManyField(
        Organization, verbose_name=_("organizations mentioned"), blank=True, related_name="+"
    )
    video_url = models.URLField(_("recording"), max_length=500, blank=True)

    rich_text_fields = ("body",)
    linked_names = linked_names()
    search_document = search_document(
        a=["title"],
        b=["speaker", "speaker_title", "outlet"],
        c=["body"],
        d=["linked_names"],
        html=["body"],
        untranslated=["linked_names"],
    )
    search_text = search_text()
    objects = publishable_manager(StatementQuerySet)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        permissions = [("publish_statement", _("Can publish and unpublish statements"))]
        indexes = [
            *search_indexes("statement"),
            models.Index(fields=["status", "-delivered_on", "slug"], name="statement_public_order"),
        ]
        ordering = ["-delivered_on", "slug"]
        constraints = [
            has_text_in_some_language("title", "statement_has_title"),
            models.CheckConstraint(
                condition=Q(original_language__regex=r"^[a-z]{2,3}$"),
                name="statement_original_language_is_a_code",
            ),
        ]

    def __str__(self):
        return self.title or self.slug

    def clean(self):
        super().clean()
        original = getattr(self, f"translation_{self.original_language}", None)
        if original:
            raise ValidationError(
                {
                    f"translation_{self.original_language}": _(
                        "This is the original language, not a translation."
                    )
                }
            )
        self._check_the_day()

    def _check_the_day(self):
        """The Day it is filed under, directly or through its event, agrees with
        its dates (dates_agree_with_day says how)."""
        if not self.delivered_on:
            return  # the date's own error is already on the form
        errors = {}
        if self.observance_id:
            day = self.observance
            if not dates_agree_with_day(
                self.delivered_on, self.issued_on, day.year, day.date, through_event=False
            ):
                errors["observance"] = _(
                    "This statement was delivered on %(delivered)s, outside %(year)s: it "
                    "cannot be filed under the Day of %(year)s. It must be delivered or "
                    "issued in the Day's year."
                ) % {"delivered": self.delivered_on.isoformat(), "year": day.year}
        if self.event_id and self.event.observance_id:
            day = self.event.observance
            if not dates_agree_with_day(
                self.delivered_on, self.issued_on, day.year, day.date, through_event=True
            ):
                errors["event"] = _(
                    "This event belongs to the Day of %(year)s (%(date)s), but the statement "
                    "was delivered on %(delivered)s: a statement made at one of the Day's "
                    "events is delivered or issued within %(days)s days of the Day."
                ) % {
                    "year": day.year,
                    "date": day.date.isoformat(),
                    "delivered": self.delivered_on.isoformat(),
                    "days": EVENT_DAYS_FROM_THE_DAY,
                }
        if errors:
            raise ValidationError(errors)

    @property
    def has_text(self):
        """Whether the site holds its words in some language. Without a body the
        page only records that it was made, and where to read it (its source)."""
        return any(getattr(self, f"body_{code}") for code in LANGUAGE_CODES)

    def venue_zone(self):
        # A statement made at an event was embargoed in the event's time.
        return self.event.timezone if self.event_id else None

    def get_absolute_url(self):
        return reverse("statements:statement_detail", args=[self.slug])

    @property
    def day(self):
        """The Day it belongs to, directly or through its event, if readers may see it
        (and the event it goes through)."""
        if self.observance_id:
            return public_related(self, "observance")
        event = public_related(self, "event")
        return public_related(event, "observance") if event is not None else None

    @property
    def is_news_report(self):
        return self.text_kind == TextKind.NEWS_REPORT

    def translation_of(self, code):
        """How the `code` version came to be ("" for the original or an unknown one)."""
        if code == self.original_language:
            return ""
        return getattr(self, f"translation_{code}", "") or ""


class StatementFile(Attachment):
    """The statement's official text as a document (the PDF the office issued), one
    per language: readers may fetch it while the statement is public."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")
        ordering = ["statement", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "document"], name="statement_file_once")
        ]
