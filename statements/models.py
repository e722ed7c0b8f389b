from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event
from initiatives.models import Organization
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


class StatementQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.select_related("organization", "event__observance").defer(
            *(f"event__{column}" for column in SEARCH_COLUMNS)
        )


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

    def get_absolute_url(self):
        return reverse("statements:statement_detail", args=[self.slug])
