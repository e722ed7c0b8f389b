"""What the Day and its partners produce: reports, podcasts, campaign materials..."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event, Observance
from initiatives.models import Country, Initiative, Organization
from media.models import Attachment
from sscportal.models import (
    Publishable,
    PublishableQuerySet,
    has_text_in_some_language,
    publishable_manager,
)
from sscportal.reader_toolkit.date_range import validate_in_range
from sscportal.search.columns import linked_names, search_document, search_indexes, search_text
from sscportal.visibility import public_prefetch


class ResourceKind(models.TextChoices):
    REPORT = "report", _("Report")
    PUBLICATION = "publication", _("Publication")
    PODCAST = "podcast", _("Podcast")
    VIDEO = "video", _("Video")
    CAMPAIGN_MATERIAL = "campaign-material", _("Campaign material")
    PHOTO_GALLERY = "photo-gallery", _("Photo gallery")
    OTHER = "other", _("Other")


class ResourceQuerySet(PublishableQuerySet):
    def for_list(self):
        # A list names the organizations readers may see, and no other.
        return self.prefetch_related(public_prefetch("organizations", Organization.objects))

    def in_public_order(self):
        # Undated items (a podcast whose date the source does not give) last.
        return self.order_by(F("published_on").desc(nulls_last=True), "slug")


def validate_isbn(value):
    """An ISBN-10 or ISBN-13, hyphens and spaces allowed, with its check digit right."""
    digits = value.replace("-", "").replace(" ", "").upper()
    if re.fullmatch(r"[0-9]{9}[0-9X]", digits):
        weights = range(10, 0, -1)
        values = [10 if c == "X" else int(c) for c in digits]
        valid = sum(w * v for w, v in zip(weights, values, strict=True)) % 11 == 0
    elif re.fullmatch(r"97[89][0-9]{10}", digits):
        valid = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    else:
        valid = False
    if not valid:
        raise ValidationError(
            _("Not an ISBN: give its 10 or 13 digits, with a right check digit."), code="isbn"
        )


class Resource(Publishable):
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind)
    title = models.CharField(_("title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    published_on = models.DateField(
        _("published on"), null=True, blank=True, db_index=True, validators=[validate_in_range]
    )
    observance = models.ForeignKey(
        Observance,
        verbose_name=_("observance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("The Day it was made or launched for."),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("The event where it was launched or presented."),
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="resources", verbose_name=_("organizations")
    )
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="resources", verbose_name=_("initiatives")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="resources", verbose_name=_("countries")
    )
    # How libraries find it: the UN document symbol (A/78/39) and the book number.
    document_symbol = models.CharField(
        _("document symbol"), max_length=100, blank=True, help_text=_("e.g. A/78/39")
    )
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True, validators=[validate_isbn])

    linked_names = linked_names()
    search_document = search_document(
        a=["title"], b=["summary"], d=["linked_names"], untranslated=["linked_names"]
    )
    search_text = search_text()
    objects = publishable_manager(ResourceQuerySet)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        permissions = [("publish_resource", _("Can publish and unpublish resources"))]
        indexes = [
            *search_indexes("resource"),
            models.Index(fields=["status", "-published_on", "slug"], name="resource_public_order"),
        ]
        ordering = [F("published_on").desc(nulls_last=True), "slug"]
        constraints = [has_text_in_some_language("title", "resource_has_title")]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        return reverse("resources:resource_detail", args=[self.slug])


class ResourceLink(models.Model):
    """One file or page of a resource, in one language (the report's Arabic PDF...)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="links")
    language = models.CharField(
        _("language"),
        max_length=3,
        help_text=_("ISO 639-1 code of the language of this file or page, e.g. en, ar, fr."),
    )
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["resource", "language", "url"]
        constraints = [
            models.CheckConstraint(
                condition=Q(language__regex=r"^[a-z]{2,3}$"),
                name="resource_link_language_is_a_code",
            ),
            models.UniqueConstraint(
                fields=["resource", "language", "url"], name="resource_link_once"
            ),
        ]

    def __str__(self):
        return f"{self.language}: {self.url}"


class ResourceFile(Attachment):
    """A file of the resource held in the media library, one per language version
    (the report's Arabic PDF): readers may fetch it while the resource is public."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="files")

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["resource", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "document"], name="resource_file_once")
        ]
