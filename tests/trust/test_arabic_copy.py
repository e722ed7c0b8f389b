"""Arabic pages say in Arabic what the English pages say with acronyms and jargon."""

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from .. import factories

pytestmark = pytest.mark.django_db


def arabic_text(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())


def test_a_day_is_named_in_the_breadcrumb_not_called_today(client):
    observance = factories.ObservanceFactory(year=2023)
    event = factories.EventFactory(observance=observance)
    with translation.override("ar"):
        text = arabic_text(client, event.get_absolute_url())
    assert "يوم التعاون فيما بين بلدان الجنوب لعام 2023" in text
    assert "اليوم في عام" not in text


def test_an_english_only_acronym_is_not_bracketed_after_the_arabic_name(client):
    united_nations = factories.OrganizationFactory(
        name_en="United Nations", name_ar="الأمم المتحدة", acronym_en="UN"
    )
    resource = factories.ResourceFactory()
    resource.organizations.add(united_nations)
    arabic = arabic_text(client, "/ar/organizations/")
    assert "الأمم المتحدة" in arabic and "(UN)" not in arabic
    assert "United Nations (UN)" in arabic_text(client, "/en/organizations/")


def test_a_resource_names_its_organization_in_arabic_when_only_the_acronym_is_english(client):
    office = factories.OrganizationFactory(
        name_ar="مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب", acronym_en="UNOSSC"
    )
    factories.ResourceFactory().organizations.add(office)
    text = arabic_text(client, "/ar/resources/")
    assert "مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب" in text
    assert "UNOSSC" not in text


def test_the_footer_names_feeds_and_calendars_without_format_jargon(client):
    text = arabic_text(client, "/ar/")
    assert "موجز ويب للبيانات" in text and "تقويم الفعاليات لتطبيقات التقويم" in text
    for jargon in ("(Atom)", "(iCalendar)", "Outlook", "Google Calendar"):
        assert jargon not in text


@pytest.mark.parametrize(
    ("path", "none"),
    [
        ("/ar/initiatives/", "لا مبادرات"),
        ("/ar/statements/", "لا بيانات"),
        ("/ar/resources/", "لا موارد"),
    ],
)
def test_an_empty_list_says_none_rather_than_zero_in_the_singular(client, path, none):
    text = arabic_text(client, path)
    assert none in text
    assert "0 مبادرة" not in text and "0 بيان" not in text and "0 مورد" not in text
