"""A change renews the cached pages that show it, and only those; once per
transaction (issue 29, part 1).

Tested by key: a page whose key is the same after a change is served from the
cache as it was; one whose key changed is rendered again.
"""

import pytest
from django.core.management import call_command
from django.test import RequestFactory

from sscportal.caching import pages, versions
from statements.models import Statement

from .. import factories

pytestmark = pytest.mark.django_db

STATEMENT = "unesco-dg-message-2005"


def page_key(url):
    """The page cache's key for an anonymous reader's request of `url`."""
    request = RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip")
    return pages.AnonymousPageCacheMiddleware._page_key(request, pages._resolved(request))


def keys(*urls):
    return {url: page_key(url) for url in urls}


def renewed(before):
    """The urls of `before` ({url: key}) whose key is another now."""
    return {url for url, key in before.items() if page_key(url) != key}


def country_pages_it_names(statement):
    """The countries whose pages show `statement` (statements/content.py, country_pages)."""
    found = Statement.objects.filter(pk=statement.pk)
    codes = set()
    for lookup in ("mentioned_countries", "event__country", "organization__country"):
        codes.update(code for code in found.values_list(f"{lookup}__iso2", flat=True) if code)
    return {f"/en/countries/{code.lower()}/" for code in codes}


@pytest.fixture
def statement(demo_content):
    statement = Statement.objects.get(slug=STATEMENT)
    statement.mentioned_countries.set([factories.country("KE")])
    return statement


def test_saving_a_statement_renews_its_pages_and_leaves_the_others(statement):
    named = country_pages_it_names(statement)
    assert "/en/countries/ke/" in named and "/en/countries/gh/" not in named
    shown = {
        f"/en/statements/{STATEMENT}/",
        "/en/statements/",
        "/ar/statements/",
        "/en/",  # home shows the latest statements
        *named,
    }
    not_shown = {
        "/en/initiatives/",
        "/en/initiatives/?sdg=3",
        "/ar/initiatives/",
        "/en/countries/",
        "/en/countries/gh/",
    }
    before = keys(*shown, *not_shown)
    statement.title_en = "Corrected"
    statement.save()
    assert renewed(before) == shown


def test_a_mention_removed_or_added_renews_both_countries(statement):
    before = keys("/en/countries/ke/", "/en/countries/gh/", "/en/countries/br/")
    statement.mentioned_countries.set([factories.country("GH")])  # Kenya out, Ghana in
    assert renewed(before) == {"/en/countries/ke/", "/en/countries/gh/"}


def test_a_change_to_what_the_list_shows_renews_it(demo_content):
    before = keys("/en/initiatives/", "/en/countries/", f"/en/statements/{STATEMENT}/")
    factories.InitiativeFactory()
    assert renewed(before) == set(before)  # every page may show an initiative, or count it


def test_a_deleted_statement_renews_the_pages_of_its_countries(statement):
    before = keys("/en/countries/ke/", "/en/countries/gh/")
    statement.delete()
    assert renewed(before) == {"/en/countries/ke/"}


@pytest.fixture
def bumps(monkeypatch):
    """Every bump made, as the fields it renewed (and whether everything was)."""
    made = []
    bump_now = versions._bump_now

    def counted(fields, *, everything=False):
        made.append((set(fields), everything))
        bump_now(fields, everything=everything)

    monkeypatch.setattr(versions, "_bump_now", counted)
    return made


def test_an_import_bumps_once_when_it_commits(db, bumps):
    call_command("import_content", "demo/content.json", verbosity=0)
    assert Statement.objects.count() == 5  # dozens of items, each with its lists
    assert len(bumps) == 1
    fields, _ = bumps[0]
    assert {"statements.Statement", "initiatives.Initiative", "events.Event"} <= fields


def test_a_rolled_back_transaction_bumps_nothing(db, bumps):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        factories.StatementFactory()
        raise RuntimeError("rolled back")
    assert bumps == []


def test_a_save_outside_a_transaction_bumps_at_once(db, bumps):
    factories.StatementFactory()
    assert len(bumps) == 1


@pytest.fixture
def drafts(db):
    return [factories.StatementFactory(status="draft") for _ in range(4)]


def test_publishing_many_in_the_admin_bumps_once(client, admin_user, drafts, bumps):
    client.force_login(admin_user)
    response = client.post(
        "/en/admin/statements/statement/",
        {"action": "publish_selected", "_selected_action": [d.pk for d in drafts]},
    )
    assert response.status_code == 302
    assert Statement.objects.filter(status="published").count() == 4
    assert len(bumps) == 1


def test_deleting_many_in_the_admin_bumps_once(client, admin_user, drafts, bumps):
    client.force_login(admin_user)
    response = client.post(
        "/en/admin/statements/statement/",
        {"action": "delete_selected", "_selected_action": [d.pk for d in drafts], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Statement.objects.exists()
    assert len(bumps) == 1
