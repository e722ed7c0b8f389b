"""Embargoed publishing: a draft goes public at its time, by the job, with its history,
its feed and its list page following (sscportal/scheduling.py)."""

import datetime
import io
import threading

import feedparser
import pytest
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client
from django.utils import timezone

from initiatives.models import Country
from sscportal.scheduling import SCHEDULER_USERNAME, run_due
from statements.models import Statement

from .. import factories
from ..admin_forms import change_form_data
from .test_workflow import change_url, member

pytestmark = pytest.mark.django_db

FEED = "/en/statements/feed/"
LIST = "/en/statements/"


@pytest.fixture
def roles():
    call_command("setup_roles", verbosity=0)


@pytest.fixture
def publisher(roles):
    return member("publisher", "Publishers")


@pytest.fixture
def editor(roles):
    return member("editor", "Editors")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def job():
    """Run the command as the timer does; what it printed."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()


def feed_titles(client):
    response = client.get(FEED)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return [entry.title for entry in feed.entries]


def time_passes(statement, field="publish_at"):
    """The scheduled time comes: moved into the past without a save (no signal, no
    cache bump), so only the job can make the site notice."""
    past = timezone.now() - datetime.timedelta(seconds=5)
    Statement.objects.filter(pk=statement.pk).update(**{field: past})


def schedule_form(client, item, when, field="publish_at", **changes):
    data = change_form_data(client, change_url(item))
    local = timezone.localtime(when)
    data[f"{field}_0"] = local.date().isoformat()
    data[f"{field}_1"] = local.time().strftime("%H:%M:%S")
    data.update(changes)
    return data


def test_a_publisher_schedules_a_draft_a_minute_ahead_and_it_stays_unpublished(publisher):
    statement = factories.StatementFactory(status="draft", title_en="Embargoed message")
    client = signed_in(publisher)
    when = (timezone.now() + datetime.timedelta(minutes=1)).replace(microsecond=0)

    response = client.post(change_url(statement), schedule_form(client, statement, when))

    assert response.status_code == 302, response.context and response.context["errors"]
    statement.refresh_from_db()
    assert statement.publish_at == when.replace(second=when.second)
    assert statement.status == "draft"
    reader = Client()
    assert reader.get(statement.get_absolute_url()).status_code == 404
    assert "Embargoed message" not in feed_titles(reader)
    assert job() == ""  # its minute has not come
    assert reader.get(statement.get_absolute_url()).status_code == 404


def test_the_job_publishes_a_due_draft_and_the_feed_and_list_follow():
    statement = factories.StatementFactory(
        status="draft",
        title_en="Message of the Secretary-General",
        publish_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    reader = Client()
    # Both pages are in the page cache before the time comes.
    assert "Message of the Secretary-General" not in feed_titles(reader)
    assert "Message of the Secretary-General" not in reader.get(LIST).text
    assert reader.get(LIST)["X-Page-Cache"] == "hit"
    time_passes(statement)

    printed = job()

    assert f"published statement {statement.pk} “Message of the Secretary-General”" in printed
    statement.refresh_from_db()
    assert statement.status == "published"
    assert statement.publish_at is None  # acted on: an old schedule never acts again
    assert "Message of the Secretary-General" in feed_titles(reader)
    assert "Message of the Secretary-General" in reader.get(LIST).text
    assert reader.get(statement.get_absolute_url()).status_code == 200


def test_the_history_names_the_scheduler():
    statement = factories.StatementFactory(status="draft", publish_at=timezone.now())
    time_passes(statement)

    job()

    latest = statement.history.latest()
    assert latest.status == "published"
    assert latest.history_user is not None
    assert latest.history_user.username == SCHEDULER_USERNAME
    assert not latest.history_user.is_active
    assert not latest.history_user.has_usable_password()


def test_running_the_job_twice_does_nothing_the_second_time():
    statement = factories.StatementFactory(status="draft", publish_at=timezone.now())
    time_passes(statement)
    assert job()
    records = statement.history.count()

    assert job() == ""

    assert statement.history.count() == records


def test_unpublish_at_takes_a_published_item_down():
    statement = factories.StatementFactory(
        title_en="Superseded note", unpublish_at=timezone.now() + datetime.timedelta(hours=1)
    )
    reader = Client()
    assert "Superseded note" in feed_titles(reader)
    time_passes(statement, "unpublish_at")

    assert "unpublished statement" in job()

    statement.refresh_from_db()
    assert (statement.status, statement.unpublish_at) == ("draft", None)
    assert "Superseded note" not in feed_titles(reader)
    assert reader.get(statement.get_absolute_url()).status_code == 404


def test_a_draft_without_a_time_and_a_published_item_with_a_past_publish_at_are_left_alone():
    draft = factories.StatementFactory(status="draft")
    published = factories.StatementFactory(publish_at=timezone.now())
    time_passes(published)

    assert job() == ""

    assert Statement.objects.get(pk=draft.pk).status == "draft"
    assert Statement.objects.get(pk=published.pk).status == "published"


def test_every_publishable_type_is_scheduled():
    day = factories.ObservanceFactory(status="draft", publish_at=timezone.now())
    event = factories.EventFactory(status="draft", publish_at=timezone.now())
    person = factories.PersonFactory(status="draft", publish_at=timezone.now())
    organization = factories.OrganizationFactory(status="draft", publish_at=timezone.now())

    changes = run_due(now=timezone.now() + datetime.timedelta(seconds=1))

    assert {change.item.pk for change in changes if type(change.item) is type(day)} == {day.pk}
    for item in (day, event, person, organization):
        item.refresh_from_db()
        assert item.status == "published"


def test_an_editor_cannot_set_a_publication_time(editor):
    statement = factories.StatementFactory(status="draft")
    client = signed_in(editor)
    page = client.get(change_url(statement)).text
    assert 'name="publish_at_0"' not in page  # shown read-only

    when = timezone.now() + datetime.timedelta(days=1)
    data = schedule_form(client, statement, when)
    client.post(change_url(statement), data)

    statement.refresh_from_db()
    assert statement.publish_at is None


def test_an_editor_keeps_a_schedule_a_publisher_set(publisher, editor):
    when = timezone.now() + datetime.timedelta(days=1)
    statement = factories.StatementFactory(status="draft", publish_at=when)
    client = signed_in(editor)
    data = change_form_data(client, change_url(statement))
    data.update(title_en="Corrected", publish_at_0="", publish_at_1="")

    assert client.post(change_url(statement), data).status_code == 302

    statement.refresh_from_db()
    assert (statement.title_en, statement.publish_at) == ("Corrected", when)


def test_a_past_time_is_refused_with_what_to_do_instead(publisher):
    statement = factories.StatementFactory(status="draft")
    client = signed_in(publisher)
    past = timezone.now() - datetime.timedelta(hours=1)

    response = client.post(change_url(statement), schedule_form(client, statement, past))

    assert response.status_code == 200
    assert "To publish now, set the status to Published" in response.text
    statement.refresh_from_db()
    assert statement.publish_at is None


def test_unpublishing_before_publishing_is_refused(publisher):
    statement = factories.StatementFactory(status="draft")
    client = signed_in(publisher)
    later = timezone.now() + datetime.timedelta(days=2)
    data = schedule_form(client, statement, later)
    sooner = timezone.localtime(later - datetime.timedelta(days=1))
    data.update(unpublish_at_0=sooner.date().isoformat(), unpublish_at_1="10:00:00")

    response = client.post(change_url(statement), data)

    assert response.status_code == 200
    assert "Unpublish after the time of publication" in response.text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_list_shows_and_filters_scheduled_items_with_the_venues_time(
    publisher, language, django_assert_max_num_queries
):
    event = factories.EventFactory(timezone="America/New_York")
    when = datetime.datetime(2031, 9, 10, 14, 0, tzinfo=datetime.UTC)
    factories.StatementFactory(
        status="draft", title_en="Scheduled one", title_ar="", event=event, publish_at=when
    )
    factories.StatementFactory(title_en="Unscheduled one", title_ar="")
    factories.StatementFactory.create_batch(5)
    client = signed_in(publisher)

    with django_assert_max_num_queries(30):
        response = client.get(f"/{language}/admin/statements/statement/?scheduled=publish")

    assert response.status_code == 200
    assert "Scheduled one" in response.text
    assert "Unscheduled one" not in response.text
    assert "14:00 UTC" in response.text  # the editor's zone: settings.TIME_ZONE
    assert "10:00 EDT" in response.text  # the venue's
    assert "America/New_York" in response.text
    if language == "ar":
        assert "سيُنشر" in response.text


def test_the_admin_home_lists_scheduled_items_of_every_type(publisher):
    soon = timezone.now() + datetime.timedelta(days=1)
    factories.StatementFactory(status="draft", title_en="The message", publish_at=soon)
    factories.ResourceFactory(status="draft", title_en="The report", publish_at=soon)
    factories.EventFactory(title_en="The side event", unpublish_at=soon)

    page = signed_in(publisher).get("/en/admin/").text

    assert "Publishing schedule" in page
    for title in ("The message", "The report", "The side event"):
        assert title in page
    assert "To be unpublished" in page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_days_hub_tells_staff_only_what_is_to_be_published(publisher, language):
    day = factories.ObservanceFactory()
    when = datetime.datetime(2031, 9, 12, 13, 0, tzinfo=datetime.UTC)
    factories.StatementFactory(
        status="draft",
        title_en="SG message",
        title_ar="رسالة الأمين العام",
        observance=day,
        publish_at=when,
    )
    url = f"/{language}/events/{day.year}/"
    reader = Client()
    for _ in range(2):  # the second from the page cache
        public_page = reader.get(url)
        assert "SG message" not in public_page.text
        assert "رسالة الأمين العام" not in public_page.text
    assert public_page["X-Page-Cache"] == "hit"

    staff_page = signed_in(publisher).get(url)

    assert "no-store" in staff_page["Cache-Control"]
    title = "رسالة الأمين العام" if language == "ar" else "SG message"
    assert title in staff_page.text
    assert "13:00" in staff_page.text
    expected = "سيُنشر" if language == "ar" else "to be published on"
    assert expected in staff_page.text
    # The staff render was not stored for readers.
    assert "SG message" not in reader.get(url).text


@pytest.fixture
def reference_data_back(reference_rows, django_db_blocker):
    """A test with committed rows ends by emptying the database: the reference
    data comes back for the tests after it. Set up before transactional_db,
    so it is torn down after its flush."""
    yield
    with django_db_blocker.unblock():
        if not Country.objects.exists():
            reference_rows.copy_in()


@pytest.mark.django_db(transaction=True)
def test_a_run_skips_an_item_another_run_is_changing(reference_data_back, transactional_db):
    statement = factories.StatementFactory(status="draft", publish_at=timezone.now())
    time_passes(statement)
    locked, release = threading.Event(), threading.Event()

    def other_run():
        # Another run, in its own connection, in the middle of its transaction.
        try:
            with transaction.atomic():
                Statement.objects.select_for_update().get(pk=statement.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_run)
    thread.start()
    try:
        assert locked.wait(10)
        assert run_due() == []  # at once: skipped, not waited for
    finally:
        release.set()
        thread.join()
    assert [change.item.pk for change in run_due()] == [statement.pk]
    assert run_due() == []
