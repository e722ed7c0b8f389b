"""/api/v1/changes/: what became public, changed while public, or stopped being public."""

import datetime

import pytest
from django.utils import timezone

from events.models import Observance
from initiatives.models import Initiative

from .. import factories

pytestmark = pytest.mark.django_db


def log(api, since=None):
    query = {"since": since.isoformat()} if since else {}
    return [(e["type"], e["key"], e["action"]) for e in api.all("/api/v1/changes/", query)]


def test_an_item_created_published_is_created(api, db):
    start = timezone.now()
    initiative = factories.InitiativeFactory()
    assert log(api, start) == [("initiatives", initiative.slug, "created")]


def test_each_save_while_public_is_an_update(api, db):
    initiative = factories.InitiativeFactory()
    start = timezone.now()
    initiative.title_en = "Renamed"
    initiative.save()
    initiative.save()
    assert log(api, start) == [("initiatives", initiative.slug, "updated")] * 2


def test_unpublishing_and_deleting_withdraw(api, db):
    kept, deleted = factories.StatementFactory(), factories.StatementFactory()
    start = timezone.now()
    kept.status = "draft"
    kept.save()
    deleted.delete()
    assert log(api, start) == [
        ("statements", kept.slug, "withdrawn"),
        ("statements", deleted.slug, "withdrawn"),
    ]


def test_a_draft_never_appears_and_its_publication_is_its_creation(api, db):
    start = timezone.now()
    draft = factories.InitiativeFactory(status="draft")
    draft.title_en = "Still a draft"
    draft.save()
    draft.delete()
    other = factories.InitiativeFactory(status="draft")
    assert log(api, start) == []
    other.status = "published"
    other.save()
    other.save()
    assert log(api, start) == [
        ("initiatives", other.slug, "created"),
        ("initiatives", other.slug, "updated"),
    ]


def test_withdrawn_then_published_again_is_created_again(api, db):
    page = factories.PageFactory()
    start = timezone.now()
    page.status = "draft"
    page.save()
    page.status = "published"
    page.save()
    assert log(api, start) == [("pages", page.slug, "withdrawn"), ("pages", page.slug, "created")]


def test_a_new_key_withdraws_the_old_one_and_creates_the_new(api, db):
    organization = factories.OrganizationFactory(key="old-key")
    start = timezone.now()
    organization.key = "new-key"
    organization.save()
    assert log(api, start) == [
        ("organizations", "old-key", "withdrawn"),
        ("organizations", "new-key", "created"),
    ]


def test_keys_are_written_as_items_write_them(api, db):
    start = timezone.now()
    factories.ObservanceFactory(year=2031)
    [entry] = api.json("/api/v1/changes/", {"since": start.isoformat()})["results"]
    assert entry["key"] == 2031
    assert entry["type"] == "observances"
    assert datetime.datetime.fromisoformat(entry["at"]) >= start


def test_every_content_type_is_in_the_log(api, demo_content):
    types = {entry[0] for entry in log(api)}
    assert types == {
        "organizations",
        "initiatives",
        "people",
        "observances",
        "events",
        "statements",
        "resources",
        "pages",
    }


def test_the_log_is_oldest_first_and_since_is_inclusive(api, db):
    first = factories.InitiativeFactory()
    second = factories.InitiativeFactory()
    entries = api.json("/api/v1/changes/")["results"]
    moments = [entry["at"] for entry in entries]
    assert moments == sorted(moments)
    assert [e["key"] for e in entries] == [first.slug, second.slug]
    at_second = entries[1]["at"]
    assert [e["key"] for e in api.json("/api/v1/changes/", {"since": at_second})["results"]] == [
        second.slug
    ]


def test_a_mirror_that_replays_the_log_holds_the_public_items(api, demo_content):
    # What a harvester does: apply every entry in order, then compare with the lists.
    Observance.objects.filter(year=2005).update(status="draft")  # not saved: not in the log
    factories.InitiativeFactory(status="draft")
    doomed = Initiative.objects.get(slug="china-unossc-digital-trade-global-south")
    doomed.status = "draft"
    doomed.save()
    mirror = set()
    for entry in api.all("/api/v1/changes/"):
        key = (entry["type"], entry["key"])
        if entry["action"] == "withdrawn":
            mirror.discard(key)
        else:
            mirror.add(key)
    public = {
        (name, item[key])
        for name, key in [("initiatives", "slug"), ("statements", "slug"), ("pages", "slug")]
        for item in api.all(f"/api/v1/{name}/")
    }
    assert public <= mirror
    assert ("initiatives", "china-unossc-digital-trade-global-south") not in mirror
    assert ("initiatives", "sri-lanka-sdg-acceleration-exchange") not in mirror


def test_the_log_is_paginated(api, db):
    factories.InitiativeFactory.create_batch(5)
    page = api.json("/api/v1/changes/", {"page_size": "2", "page": "2"})
    assert page["count"] == 5
    assert len(page["results"]) == 2
    assert page["next"] == "http://testserver/api/v1/changes/?page_size=2&page=3"
