from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event, Observance
from initiatives.models import Country, Initiative, Organization
from sscportal.date_range import validate_in_range
from sscportal.models import (
    Publishable,
    PublishableQuerySet,
    has_text_in_some_language,
    publishable_manager,
)
from sscportal.search.columns import SEARCH_COLUMNS, search_document, search_indexes, search_text


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


class StatementQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("organization", "event__observance", "observance").defer(
            *(f"event__{column}" for column in SEARCH_COLUMNS)
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
        default="en",
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
    search_document = search_document(
        a=["title"], b=["speaker", "speaker_title"], c=["body"], html=["body"]
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

    def get_absolute_url(self):
        return reverse("statements:statement_detail", args=[self.slug])

    @property
    def public_event(self):
        """The event, if readers may see it: a draft event's title is not public."""
        event = self.event
        return event if event is not None and event.is_published else None

    @property
    def day(self):
        """The observance it belongs to, directly or through its (public) event."""
        if self.observance_id:
            return self.observance
        event = self.public_event
        return event.observance if event is not None else None

    @property
    def is_news_report(self):
        return self.text_kind == TextKind.NEWS_REPORT

    def translation_of(self, code):
        """How the `code` version came to be ("" for the original or an unknown one)."""
        if code == self.original_language:
            return ""
        return getattr(self, f"translation_{code}", "") or ""
