"""The persons who speak, deliver statements and take part in events, as records
of their own: one name in every language, the titles they held, a page."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives.models import Organization
from sscportal.models import HasPublicationStatus, has_text_in_some_language
from sscportal.reader_toolkit.date_range import validate_in_range
from sscportal.search.columns import search_document, search_indexes, search_text
from sscportal.text.languages import default_language, shown
from sscportal.visibility import public_related

# The key is part of the page's address and of content files: the exchange
# format's slug (no underscores, no capitals, no doubled or edge hyphens).
validate_key = RegexValidator(
    r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z",
    _("Use lower-case letters, digits and single hyphens, e.g. jorge-chediek."),
)


class Person(HasPublicationStatus):
    """Someone whose words or part the site records: a speaker, the one who
    delivered a message for someone else, a speaker at an event."""

    key = models.CharField(_("key"), max_length=100, unique=True, validators=[validate_key])
    name = models.CharField(_("name"), max_length=200, blank=True)
    family_name = models.CharField(
        _("family name"),
        max_length=200,
        blank=True,
        help_text=_(
            'For citations ("Guterres, A."): the part of the name cited first. '
            "Empty: citations give the whole name."
        ),
    )

    # The names are what a reader types to find the person.
    search_document = search_document(a=["name", "family_name"])
    search_text = search_text("name")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["key"]
        indexes = search_indexes("person")
        permissions = [("publish_person", _("Can publish and unpublish people"))]
        constraints = [has_text_in_some_language("name", "person_has_name")]

    def __str__(self):
        return self.name or self.key

    def get_absolute_url(self):
        return reverse("people:person_detail", args=[self.key])


class PersonTitle(models.Model):
    """A title or function a person held, at an organization, between two dates."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(_("title or function"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people_titles",
    )
    starts_on = models.DateField(_("from"), null=True, blank=True, validators=[validate_in_range])
    ends_on = models.DateField(_("to"), null=True, blank=True, validators=[validate_in_range])

    class Meta:
        verbose_name = _("title")
        verbose_name_plural = _("titles")
        # By date, a title of unknown start first; the same order as the exchange format's.
        ordering = [
            "person",
            F("starts_on").asc(nulls_first=True),
            F("ends_on").asc(nulls_first=True),
            "pk",
        ]
        constraints = [
            has_text_in_some_language("title", "person_title_has_title"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=F("starts_on")),
                name="person_title_ends_after_start",
                violation_error_message=_("The end cannot be before the start."),
            ),
        ]

    def __str__(self):
        return getattr(self, default_language("title")) or self.title


def shown_name(row, person_field, text_field):
    """The name a row gives someone (a statement's speaker, an event's speaker):
    its person's, when readers may see the person, else the row's own text;
    either in the reader's language, else another (sscportal.text.languages.shown)."""
    person = public_related(row, person_field)
    return shown(person, "name") if person is not None else shown(row, text_field)
