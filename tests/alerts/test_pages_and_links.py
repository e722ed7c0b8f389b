"""The alerts' pages: what they refuse and how they say it, the signed links,
the links from the followed pages, the cleanup and the privacy notice."""

import datetime
import time
from io import StringIO

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from alerts import links
from alerts.models import Subscription
from pages.legal import create_legal_pages
from tests.factories import ObservanceFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar"]


def subscription(**fields):
    values = {"email": "reader@example.org", "language": "en", "target": "country"}
    values |= {"target_key": "ke", **fields}
    return Subscription.objects.create(**values)


def path(url):
    return url.removeprefix("http://testserver")


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", {"en": "Enter your e-mail address.", "ar": "أدخل عنوان بريدك الإلكتروني."}),
        ("not an address", {"en": "name@example.org", "ar": "name@example.org"}),
        ("a@b" + "c" * 300 + ".org", {"en": "254", "ar": "254"}),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_address_shows_the_form_again_with_its_error(
    client, mailoutbox, language, email, message
):
    answer = client.post(
        f"/{language}/alerts/", {"email": email, "frequency": "daily", "follow": "country:ke"}
    )
    assert answer.status_code == 400
    assert 'aria-invalid="true"' in answer.text and message[language] in answer.text
    assert not Subscription.objects.exists() and mailoutbox == []


@pytest.mark.parametrize(
    "query",
    [
        "follow=country:zz",
        "follow=organization:nobody",
        "follow=day:1900",
        "follow=day:abc",
        "follow=list:countries",
        "follow=list:statements&filters=year%3Dabc",
        "follow=planet:mars",
        "follow=country:",
        "follow=country:%00",
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_what_cannot_be_followed_is_a_clear_400(client, language, query):
    answer = client.get(f"/{language}/alerts/?{query}")
    assert answer.status_code == 400
    assert 'class="notice alerts-error"' in answer.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_subscribe_page_without_a_subject_says_where_to_start(client, language):
    answer = client.get(f"/{language}/alerts/")
    assert answer.status_code == 200 and 'name="email"' not in answer.text
    assert {"en": "Get e-mail alerts", "ar": "تلقَّ تنبيهات"}[language] in answer.text


def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(client, mailoutbox):
    answer = client.post(
        "/en/alerts/",
        {
            "email": "bot@example.org",
            "frequency": "daily",
            "follow": "country:ke",
            "website": "http://spam.example",
        },
    )
    assert answer.status_code == 302
    assert not Subscription.objects.exists() and mailoutbox == []


def test_too_many_requests_from_one_address_are_refused_for_a_while(client, settings, mailoutbox):
    settings.ALERTS_SUBSCRIBE_RATE = "2/hour"
    for number in range(2):
        data = {"email": f"r{number}@example.org", "frequency": "daily", "follow": "country:ke"}
        assert client.post("/en/alerts/", data).status_code == 302
    data = {"email": "r3@example.org", "frequency": "daily", "follow": "country:ke"}
    answer = client.post("/en/alerts/", data)
    assert answer.status_code == 429 and "Try again later" in answer.text
    assert len(mailoutbox) == 2


def test_one_address_gets_few_confirmation_mails_however_often_it_is_entered(
    client, settings, mailoutbox
):
    settings.ALERTS_MAILS_PER_ADDRESS = "2/day"
    data = {"email": "victim@example.org", "frequency": "daily", "follow": "country:ke"}
    assert [client.post("/en/alerts/", data).status_code for _ in range(3)] == [302, 302, 429]
    assert len(mailoutbox) == 2
    # Asked twice, one subscription, and only the last link works.
    assert Subscription.objects.count() == 1


def test_an_expired_confirmation_link_says_so(client, monkeypatch):
    item = subscription()
    eight_days_ago = time.time() - 8 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    token = links.token(item, links.CONFIRM)
    monkeypatch.undo()
    for method in (client.get, client.post):
        answer = method(f"/en/alerts/confirm/{token}/")
        assert answer.status_code == 400 and "This link has expired" in answer.text
    assert Subscription.objects.get().confirmed_at is None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("purpose", [links.CONFIRM, links.UNSUBSCRIBE])
def test_a_tampered_link_says_it_is_not_valid(client, language, purpose):
    item = subscription(confirmed_at=timezone.now())
    token = links.token(item, purpose)
    name = "confirm" if purpose == links.CONFIRM else "unsubscribe"
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    answer = client.post(f"/{language}/alerts/{name}/{tampered}/")
    assert answer.status_code == 400
    assert {"en": "This link is not valid", "ar": "هذا الرابط غير صالح"}[language] in answer.text
    assert Subscription.objects.get().is_active


def test_a_confirmation_link_cannot_unsubscribe(client):
    item = subscription(confirmed_at=timezone.now())
    answer = client.post(f"/en/alerts/unsubscribe/{links.token(item, links.CONFIRM)}/")
    assert answer.status_code == 400 and Subscription.objects.get().is_active


def test_subscribing_again_renews_the_key_so_older_links_stop_working(client, mailoutbox):
    data = {"email": "twice@example.org", "frequency": "daily", "follow": "country:ke"}
    client.post("/en/alerts/", data)
    first = Subscription.objects.get().key
    client.post("/en/alerts/", data)
    assert Subscription.objects.get().key != first and len(mailoutbox) == 2


def test_an_active_subscriber_asking_again_gets_no_mail_and_the_same_page(client, mailoutbox):
    subscription(email="already@example.org", confirmed_at=timezone.now())
    data = {"email": "already@example.org", "frequency": "daily", "follow": "country:ke"}
    answer = client.post("/en/alerts/", data)
    assert answer["Location"] == "/en/alerts/check-your-email/" and mailoutbox == []


def test_unconfirmed_and_unsubscribed_addresses_are_deleted_after_their_days(settings):
    settings.ALERTS_UNCONFIRMED_DAYS, settings.ALERTS_UNSUBSCRIBED_DAYS = 7, 30
    now = timezone.now()
    day = datetime.timedelta(days=1)
    kept = [
        subscription(email="new@example.org"),
        subscription(email="confirmed@example.org", confirmed_at=now - 400 * day),
        subscription(email="left@example.org", confirmed_at=now, unsubscribed_at=now - 29 * day),
    ]
    subscription(email="stale@example.org")
    subscription(email="gone@example.org", confirmed_at=now, unsubscribed_at=now - 31 * day)
    Subscription.objects.filter(email__in=["stale@example.org", "confirmed@example.org"]).update(
        created_at=now - 8 * day
    )
    call_command("delete_stale_subscriptions", stdout=StringIO())
    assert sorted(Subscription.objects.values_list("pk", flat=True)) == [s.pk for s in kept]


def test_the_filtered_list_link_carries_the_lists_valid_filters(client):
    organization = OrganizationFactory(key="unossc")
    page = client.get("/en/statements/?organization=unossc&kind=&year=abc&utm=x").text
    assert "/en/alerts/?follow=list%3Astatements&amp;filters=organization%3Dunossc" in page
    # Two spellings of the same filters are one subscription.
    answer = client.get("/en/alerts/?follow=list:statements&filters=organization%3D+unossc+")
    assert 'name="filters" value="organization=unossc"' in answer.text
    assert organization.key in answer.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_organization_and_day_pages_link_to_their_alerts(client, language):
    OrganizationFactory(key="sesric")
    ObservanceFactory(year=2031)
    organization = client.get(f"/{language}/organizations/sesric/").text
    day = client.get(f"/{language}/events/2031/").text
    assert f"/{language}/alerts/?follow=organization%3Asesric" in organization
    assert f"/{language}/alerts/?follow=day%3A2031" in day
    for url in ("?follow=organization:sesric", "?follow=day:2031"):
        answer = client.get(f"/{language}/alerts/{url}")
        assert answer.status_code == 200 and 'name="email"' in answer.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_alert_pages_are_never_kept_in_caches(client, language):
    for url in ("?follow=country:ke", "check-your-email/"):
        answer = client.get(f"/{language}/alerts/{url}")
        assert answer.status_code == 200
        assert "no-store" in answer["Cache-Control"] and "X-Page-Cache" not in answer


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["e-mail address", "not confirmed within 7 days", "deleted at once"]),
        ("ar", ["عنوان البريد الإلكتروني", "خلال 7 من الأيام", "فورًا"]),
    ],
)
def test_the_privacy_notice_says_what_alerts_keep_and_for_how_long(client, language, words):
    create_legal_pages()
    page = client.get(f"/{language}/pages/privacy/").text
    for word in words:
        assert word in page
