"""Resources, organization pages, the site's own pages and the Day's hub, in both languages."""

import datetime
import re

import pytest

from events.models import EventSpeaker
from resources.models import ResourceLink

from .. import factories

pytestmark = pytest.mark.django_db


def test_resource_written_in_english_only_is_marked_on_the_arabic_page(client):
    resource = factories.ResourceFactory(
        slug="english-only", title_ar="", summary_ar="", title_en="An English report"
    )
    html = client.get(resource.get_absolute_url().replace("/en/", "/ar/")).text
    assert '<h1 lang="en" dir="ltr">An English report</h1>' in html
    summary = re.search(r'<div class="lead"([^>]*)>', html).group(1)
    assert summary == ' lang="en" dir="ltr"'
    assert "هذا النص متوفر بالإنجليزية فقط." in html


def test_resource_lists_its_links_each_with_its_language(client):
    resource = factories.ResourceFactory(slug="with-links")
    ResourceLink.objects.create(resource=resource, language="ar", url="https://example.org/ar.pdf")
    ResourceLink.objects.create(resource=resource, language="fr", url="https://example.org/fr.pdf")
    english = client.get("/en/resources/with-links/").text
    arabic = client.get("/ar/resources/with-links/").text
    assert (
        '<a href="https://example.org/ar.pdf" hreflang="ar" rel="noopener">In Arabic</a>' in english
    )
    assert 'hreflang="fr" rel="noopener">In French</a>' in english
    assert 'hreflang="ar" rel="noopener">باللغة العربية</a>' in arabic


def test_resource_list_filters_by_kind_year_organization_and_words(client):
    sesric = factories.OrganizationFactory(key="sesric")
    report = factories.ResourceFactory(slug="the-report", title_en="Shared prosperity report")
    report.organizations.add(sesric)
    factories.ResourceFactory(slug="a-podcast", kind="podcast", title_en="Recovery podcast")
    factories.ResourceFactory(
        slug="old-report", published_on=datetime.date(2019, 1, 1), title_en="Older report"
    )

    def slugs(query):
        html = client.get(f"/en/resources/?{query}").text
        return set(re.findall(r'href="/en/resources/([a-z-]+)/"', html)) - {"feed"}

    assert slugs("kind=podcast") == {"a-podcast"}
    assert slugs("year=2019") == {"old-report"}
    assert slugs("organization=sesric") == {"the-report"}
    assert slugs("q=prosperity") == {"the-report"}
    assert slugs("") == {"the-report", "a-podcast", "old-report"}


def test_resource_list_ignores_bad_filters_with_a_note(client):
    response = client.get("/en/resources/?kind=novel&organization=nobody&year=abc&page=xyz")
    assert response.status_code == 200
    assert "unknown organization" in response.text


def test_drafts_are_not_public(client):
    factories.ResourceFactory(slug="draft-resource", status="draft")
    factories.PageFactory(slug="draft-page", status="draft")
    factories.OrganizationFactory(key="draft-org", status="draft")
    factories.ObservanceFactory(year=2031, status="draft")
    assert client.get("/en/resources/draft-resource/").status_code == 404
    assert client.get("/en/pages/draft-page/").status_code == 404
    assert client.get("/en/organizations/draft-org/").status_code == 404
    assert client.get("/en/events/2031/").status_code == 404
    assert "draft-resource" not in client.get("/en/resources/").text
    assert "2031" not in client.get("/en/events/").text


def test_organization_page_lists_initiatives_by_role_events_resources_and_statements(client):
    organization = factories.OrganizationFactory(
        key="sesric", name_en="SESRIC centre", description_en="<p>Statistics and training.</p>"
    )
    initiative = factories.InitiativeFactory(slug="funded", title_en="A funded initiative")
    initiative.partner_roles.create(organization=organization, role="funder")
    event = factories.EventFactory(slug="organized", title_en="An organized event")
    event.organizers.add(organization)
    resource = factories.ResourceFactory(slug="its-report", title_en="Its report")
    resource.organizations.add(organization)
    factories.StatementFactory(
        slug="its-statement", title_en="Its statement", organization=organization
    )
    html = client.get("/en/organizations/sesric/").text
    assert "Statistics and training." in html
    assert "<h3>Funder <span" in html and "A funded initiative" in html
    assert "An organized event" in html and "Its report" in html and "Its statement" in html
    assert 'href="/en/initiatives/?organization=sesric"' in html


def test_organization_index_groups_organizations_with_published_content_by_kind(client):
    bank = factories.OrganizationFactory(key="bank", kind="development-bank", name_en="A bank")
    factories.OrganizationFactory(key="idle", name_en="Idle organization")
    factories.ResourceFactory(slug="bank-report").organizations.add(bank)
    english = client.get("/en/organizations/").text
    assert '<h2 id="kind-development-bank">Development bank</h2>' in english
    assert "A bank" in english and "Idle organization" not in english
    arabic = client.get("/ar/organizations/").text
    assert '<html lang="ar" dir="rtl">' in arabic and "مصرف إنمائي" in arabic


def test_initiatives_list_filters_by_organization(client):
    organization = factories.OrganizationFactory(key="partner")
    initiative = factories.InitiativeFactory(slug="with-partner")
    initiative.partner_roles.create(organization=organization, role="funder")
    initiative.partner_roles.create(organization=organization, role="implementer")
    factories.InitiativeFactory(slug="without-partner")
    html = client.get("/en/initiatives/?organization=partner").text
    assert html.count('href="/en/initiatives/with-partner/"') == 1
    assert "without-partner" not in html


def test_page_shows_its_children_and_its_parent(client):
    about = factories.PageFactory(slug="about-the-day", title_en="About the Day")
    factories.PageFactory(slug="history", title_en="History", parent=about)
    assert 'href="/en/pages/history/">History</a>' in client.get("/en/pages/about-the-day/").text
    assert (
        'href="/en/pages/about-the-day/">About the Day</a>' in client.get("/en/pages/history/").text
    )


def test_published_top_level_pages_are_in_the_footer_in_their_order(client):
    factories.PageFactory(slug="contact", title_en="Contact", order=9)
    factories.PageFactory(slug="accessibility", title_en="Accessibility", order=8)
    factories.PageFactory(slug="hidden", title_en="Hidden", status="draft")
    html = client.get("/en/").text
    footer = html[html.index("<footer") :]
    assert footer.index("Accessibility") < footer.index("Contact")
    assert "Hidden" not in footer


def test_arabic_only_page_title_in_the_footer_is_marked(client):
    factories.PageFactory(slug="arabic-only", title_en="", title_ar="عن الموقع")
    html = client.get("/en/").text
    html = " ".join(html.split())  # attributes may stand on lines of their own
    assert '<a href="/en/pages/arabic-only/" lang="ar" dir="rtl">عن الموقع</a>' in html


def test_observance_hub_gathers_resources_background_and_events(client, demo_content):
    english = client.get("/en/events/2023/").text
    # Made for the Day, launched at none of its events: a resource, not a launch.
    resources = english.split('id="resources-heading"')[1].split("</section>")[0]
    assert "Campaign materials for the Day 2023" in resources
    assert "Launched at its events" not in english
    assert 'href="/en/pages/about-the-day/"' in english
    assert 'href="/en/pages/history-and-resolutions/"' in english
    assert "High-level panel discussion" in english
    # The 2020 report was launched at an event of that year's Day.
    launched = client.get("/en/events/2020/").text.split('id="launched-heading"')[1]
    assert "Translating Capacities into Shared Prosperity" in launched.split("</section>")[0]
    arabic = client.get("/ar/events/2023/").text
    assert "مواد حملة يوم 2023" in arabic and "عن اليوم" in arabic


def test_home_and_events_index_feature_the_latest_day(client, demo_content):
    home = client.get("/en/").text
    assert "The latest Day" in home and 'href="/en/events/2023/"' in home
    assert "The latest Day" in client.get("/en/events/").text
    assert "أحدث احتفال باليوم" in client.get("/ar/").text


def test_home_features_the_coming_day_before_the_latest(client, demo_content):
    next_year = datetime.date.today().year + 1
    factories.ObservanceFactory(year=next_year, date=datetime.date(next_year, 9, 12))
    home = client.get("/en/").text
    assert "The coming Day" in home and f'href="/en/events/{next_year}/"' in home


def test_event_programme_lists_speakers_in_order_with_organization(client, demo_content):
    html = client.get("/en/events/2020/sesric-unossc-joint-report-launch-2020/").text
    programme = html[html.index('<ol class="speakers">') :]
    assert programme.index("Jorge Chediek") < programme.index("Nebil Dabur")
    assert 'href="/en/organizations/sesric/">SESRIC</a>' in programme
    arabic = client.get("/ar/events/2020/sesric-unossc-joint-report-launch-2020/").text
    assert "خورخي شيديك" in arabic and "المتحدثون" in arabic


def test_event_programme_is_in_the_calendar_description(client, demo_content):
    ics = client.get("/en/events/2020/sesric-unossc-joint-report-launch-2020.ics").content.decode()
    unfolded = ics.replace("\r\n ", "")
    assert "Speakers:\\nJorge Chediek\\, Director of UNOSSC" in unfolded
    assert unfolded.index("Jorge Chediek\\, Director") < unfolded.index("Nebil Dabur\\, Director")


def test_date_only_event_shows_the_date_alone_and_a_whole_day_in_the_calendar(client):
    observance = factories.ObservanceFactory(year=2022, date=datetime.date(2022, 9, 12))
    event = factories.EventFactory(
        slug="day-only",
        observance=observance,
        time_known=False,
        starts_at=datetime.datetime(2022, 9, 12, 23, 30, tzinfo=datetime.UTC),
        timezone="Pacific/Auckland",
        recording_url="https://example.org/recording",
    )
    event.refresh_from_db()
    assert event.starts_on == datetime.date(2022, 9, 12)
    html = client.get("/en/events/2022/day-only/").text
    assert '<time datetime="2022-09-12">' in html and "(time not known)" in html
    assert 'href="https://example.org/recording"' in html
    ics = client.get("/en/events/2022/day-only.ics").content.decode()
    assert "DTSTART;VALUE=DATE:20220912" in ics and "DTEND;VALUE=DATE:20220913" in ics


def test_speaker_of_a_draft_organization_is_named_without_a_link(client):
    organization = factories.OrganizationFactory(key="secret", acronym_en="SEC", status="draft")
    event = factories.EventFactory(slug="talk", observance=None)
    EventSpeaker.objects.create(event=event, name_en="A speaker", organization=organization)
    html = client.get(event.get_absolute_url()).text
    assert "A speaker" in html and "/organizations/secret/" not in html
