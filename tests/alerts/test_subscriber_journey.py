"""A reader's whole journey, against a real SMTP server the test starts: subscribe
in Arabic, confirm by the mailed link, get the digest of what is new in Arabic,
unsubscribe in one click, and get nothing after."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from alerts import links
from alerts.models import Subscription
from tests.factories import (
    InitiativeCountryFactory,
    InitiativeFactory,
    ObservanceFactory,
    OrganizationFactory,
    StatementFactory,
    country,
)

from .conftest import html_of, text_of

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/ar/alerts/[a-z-]+/[^/\s]+/)")


def subscribe_link(page):
    """The page's "Get e-mail alerts" link."""
    match = re.search(r'<a href="(/[a-z]{2}/alerts/\?[^"]+)">', page)
    assert match, "no e-mail alerts link on the page"
    return html.unescape(match[1])


def digest(frequency="daily"):
    call_command("send_alert_digests", frequency=frequency, stdout=StringIO())


def test_an_arabic_subscriber_gets_the_new_item_in_arabic_and_unsubscribes_in_one_click(
    client, mailbox
):
    InitiativeCountryFactory(
        initiative=InitiativeFactory(title_ar="مبادرة قديمة"), country=country("EG")
    )
    url = subscribe_link(client.get("/ar/countries/eg/").text)
    assert url == "/ar/alerts/?follow=country%3Aeg"
    form = client.get(url)
    assert form.status_code == 200 and "مصر" in form.text

    answer = client.post(
        "/ar/alerts/",
        {"email": "Reader@Example.org", "frequency": "daily", "follow": "country:eg"},
    )
    assert answer.status_code == 302 and answer["Location"] == "/ar/alerts/check-your-email/"
    assert "تحقق من بريدك الإلكتروني" in client.get(answer["Location"]).text

    [confirmation] = mailbox.take()
    assert confirmation["To"] == "reader@example.org"
    assert confirmation["From"] == "alerts@sscportal.example"
    assert "تأكيد" in confirmation["Subject"] and "مصر" in confirmation["Subject"]
    assert 'dir="rtl"' in html_of(confirmation) and 'lang="ar"' in html_of(confirmation)
    confirm_path = LINK.search(text_of(confirmation))[1]
    assert confirm_path.startswith("/ar/alerts/confirm/")

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    assert "تأكيد الاشتراك" in client.get(confirm_path).text
    assert Subscription.objects.get().confirmed_at is None
    assert "تم تأكيد الاشتراك" in Client(enforce_csrf_checks=True).post(confirm_path).text
    assert Subscription.objects.get().is_active

    digest()
    assert mailbox.take() == [], "nothing new yet: no digest"

    new = InitiativeFactory(title_en="Solar pumps", title_ar="مضخات شمسية")
    InitiativeCountryFactory(initiative=new, country=country("EG"))
    InitiativeFactory(title_ar="مبادرة في بلد آخر")  # not about Egypt
    digest()
    [message] = mailbox.take()
    body, page = text_of(message), html_of(message)
    assert "مصر" in message["Subject"]
    assert "مضخات شمسية" in body and "http://testserver/ar/initiatives/" in body
    assert "مضخات شمسية" in page and 'dir="rtl"' in page
    assert "Solar pumps" not in body
    assert "مبادرة قديمة" not in body and "مبادرة في بلد آخر" not in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Folded when long, as mail headers are: unfolded, it is the one link.
    unsubscribe_url = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe_url in body

    # What a mail program does (RFC 8058): one POST, no cookie, no token.
    answer = Client(enforce_csrf_checks=True).post(
        unsubscribe_url.removeprefix("http://testserver"),
        {"List-Unsubscribe": "One-Click"},
    )
    assert answer.status_code == 200 and "تم إلغاء الاشتراك" in answer.text
    assert not Subscription.objects.exists()

    InitiativeCountryFactory(initiative=InitiativeFactory(), country=country("EG"))
    digest()
    assert mailbox.take() == []


def test_an_unsubscribed_address_kept_for_a_while_gets_no_digest(client, mailbox, settings):
    settings.ALERTS_UNSUBSCRIBED_DAYS = 30
    client.post(
        "/en/alerts/",
        {"email": "kept@example.org", "frequency": "weekly", "follow": "country:ke"},
    )
    confirm_path = re.search(r"http://testserver(\S+)", text_of(mailbox.take()[0]))[1]
    client.post(confirm_path)
    subscription = Subscription.objects.get()
    unsubscribe_path = links.link(subscription, links.UNSUBSCRIBE).removeprefix("http://testserver")
    page = client.get(unsubscribe_path)
    assert "Stop the alerts about" in page.text and Subscription.objects.get().is_active
    client.post(unsubscribe_path)
    assert Subscription.objects.get().unsubscribed_at is not None

    InitiativeCountryFactory(initiative=InitiativeFactory(), country=country("KE"))
    digest("weekly")
    assert mailbox.take() == []
    # The same link again says so, rather than failing.
    assert "Unsubscribed" in client.post(unsubscribe_path).text


def test_a_daily_run_leaves_weekly_subscribers_for_the_weekly_one(client, mailbox):
    client.post(
        "/en/alerts/",
        {"email": "weekly@example.org", "frequency": "weekly", "follow": "country:ke"},
    )
    client.post(re.search(r"http://testserver(\S+)", text_of(mailbox.take()[0]))[1])
    InitiativeCountryFactory(initiative=InitiativeFactory(title_en="Wells"), country=country("KE"))
    digest("daily")
    assert mailbox.take() == []
    digest("weekly")
    [message] = mailbox.take()
    assert "Wells" in text_of(message)
    # Sent once: the next week's run has nothing new.
    digest("weekly")
    assert mailbox.take() == []


def confirmed(client, mailbox, language, follow, filters=""):
    data = {"email": f"{language}@example.org", "frequency": "daily", "follow": follow}
    client.post(f"/{language}/alerts/", {**data, "filters": filters})
    client.post(re.search(r"http://testserver(\S+)", text_of(mailbox.take()[0]))[1])


def test_a_days_subscriber_gets_its_new_statement_and_not_another_days(client, mailbox):
    day, other = ObservanceFactory(year=2031), ObservanceFactory(year=2032)
    confirmed(client, mailbox, "ar", "day:2031")
    StatementFactory(observance=day, title_ar="رسالة الأمين العام")
    StatementFactory(observance=other, title_ar="رسالة يوم آخر")
    digest()
    [message] = mailbox.take()
    assert "رسالة الأمين العام" in text_of(message) and "رسالة يوم آخر" not in text_of(message)
    assert "2031" in message["Subject"]


def test_a_filtered_lists_subscriber_gets_only_what_the_filters_select(client, mailbox):
    sesric = OrganizationFactory(key="sesric")
    confirmed(client, mailbox, "en", "list:statements", "organization=sesric")
    StatementFactory(organization=sesric, title_en="SESRIC on trade")
    StatementFactory(title_en="Someone else on trade")
    digest()
    [message] = mailbox.take()
    assert "SESRIC on trade" in text_of(message)
    assert "Someone else" not in text_of(message)
    assert "organization=sesric" in html.unescape(html_of(message))
