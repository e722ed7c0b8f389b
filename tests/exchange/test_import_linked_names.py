"""An import refreshes each item's linked search names once, at the end, not
after every save of the item and of each of its links."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exchange.importer import import_content
from sscportal import content_types
from sscportal.search.links import refresh_linked_names

pytestmark = pytest.mark.django_db


def demo_text():
    with open("demo/content.json", encoding="utf-8") as handle:
        return handle.read()


def types_with_links():
    return [ct for ct in content_types.registered() if ct.search and ct.search.links]


def linked_names():
    return {
        ct.model._meta.label: dict(ct.model._base_manager.values_list("pk", "linked_names"))
        for ct in types_with_links()
    }


def test_the_imported_linked_names_are_those_a_full_refresh_gives():
    import_content(demo_text())
    imported = linked_names()
    assert any(names for by_pk in imported.values() for names in by_pk.values())
    for ct in types_with_links():
        refresh_linked_names(ct.model, ct.search.links)
    assert linked_names() == imported


def test_an_import_updates_linked_names_once_a_type():
    with CaptureQueriesContext(connection) as queries:
        import_content(demo_text())
    updates = [
        q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "linked_names" in q["sql"]
    ]
    # One UPDATE per type with links, not five per item as when each save refreshed.
    assert 0 < len(updates) <= len(types_with_links())
