import datetime

import factory
from django.utils import timezone

from events.models import Event, Observance
from initiatives.models import Country, Initiative, InitiativeCountry, Organization
from pages.models import Page
from people.models import Person, PersonTitle
from resources.models import Resource
from statements.models import Statement


def country(iso2):
    return Country.objects.get(iso2=iso2)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    key = factory.Sequence(lambda n: f"organization-{n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    name_ar = factory.Sequence(lambda n: f"منظمة {n}")
    kind = "un-entity"
    status = "published"


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    slug = factory.Sequence(lambda n: f"initiative-{n}")
    status = "published"
    title_en = factory.Sequence(lambda n: f"Initiative {n}")
    title_ar = factory.Sequence(lambda n: f"مبادرة {n}")
    summary_en = "A cooperation project between developing countries."
    summary_ar = "مشروع تعاون بين بلدان نامية."
    modality = "bilateral"
    stage = "ongoing"
    start_date = datetime.date(2020, 1, 1)


class InitiativeCountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativeCountry

    initiative = factory.SubFactory(InitiativeFactory)
    country = factory.LazyFunction(lambda: country("KE"))
    role = "recipient"


class ObservanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observance

    year = factory.Sequence(lambda n: 2030 + n)
    date = factory.LazyAttribute(lambda o: datetime.date(o.year, 9, 12))
    theme_en = "Partnership"
    theme_ar = "الشراكة"
    status = "published"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    status = "published"
    title_en = factory.Sequence(lambda n: f"Event {n}")
    title_ar = factory.Sequence(lambda n: f"فعالية {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    timezone = "America/New_York"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    slug = factory.Sequence(lambda n: f"statement-{n}")
    status = "published"
    title_en = factory.Sequence(lambda n: f"Statement {n}")
    title_ar = factory.Sequence(lambda n: f"بيان {n}")
    body_en = "<p>Cooperation among countries of the South.</p>"
    body_ar = "<p>التعاون فيما بين بلدان الجنوب.</p>"
    speaker_en = "A speaker"
    kind = "statement"
    delivered_on = datetime.date(2023, 9, 12)


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    slug = factory.Sequence(lambda n: f"resource-{n}")
    status = "published"
    kind = "report"
    title_en = factory.Sequence(lambda n: f"Resource {n}")
    title_ar = factory.Sequence(lambda n: f"مورد {n}")
    summary_en = "A report on cooperation among developing countries."
    summary_ar = "تقرير عن التعاون بين البلدان النامية."
    published_on = datetime.date(2023, 9, 12)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    status = "published"
    title_en = factory.Sequence(lambda n: f"Page {n}")
    title_ar = factory.Sequence(lambda n: f"صفحة {n}")
    body_en = "<p>About the site.</p>"
    body_ar = "<p>عن الموقع.</p>"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    key = factory.Sequence(lambda n: f"person-{n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    status = "published"


class PersonTitleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonTitle

    person = factory.SubFactory(PersonFactory)
    title_en = "Director"
    title_ar = "مدير"
