"""Revert and restore bring back the whole item, proven on every content type
(issue 28, part 5).

For every type with a history (sscportal.content_types), an item with every
field and relation of its exchange-format section filled is imported; saved
once through its admin change form unchanged; changed in every field and
relation; reverted through the history's admin revert view; then deleted and
restored through the admin's "Deleted items". After each step back, the
item's exchange-format export (built as exchange/exporter.py builds it) must
be the same text, byte for byte, as before.
"""

import copy
import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from exchange.document import FORMAT, VERSION, dumps
from exchange.importer import import_content
from sscportal import content_types

from ..admin_forms import change_form_data

pytestmark = pytest.mark.django_db


def _text(en, ar):
    return {"en": en, "ar": ar}


# Every field of every section filled (the demo content gives what they refer to).
BEFORE = {
    "organizations": [
        {
            "key": "whole-org",
            "status": "published",
            "name": _text("Whole Organization", "المنظمة الكاملة"),
            "acronym": _text("WO", "م ك"),
            "kind": "academia",
            "country": "KE",
            "website": "https://whole.example.org/",
            "description": _text("<p>An organization.</p>", "<p>منظمة.</p>"),
            "identifier": "XM-DAC-99999",
        }
    ],
    "people": [
        {
            "key": "whole-person",
            "status": "published",
            "name": _text("Whole Person", "شخص كامل"),
            "family_name": _text("Person", "كامل"),
            "titles": [
                {
                    "title": _text("Adviser", "مستشار"),
                    "organization": None,
                    "from": None,
                    "to": "2019-12-31",
                },
                {
                    "title": _text("Director", "مدير"),
                    "organization": "whole-org",
                    "from": "2020-01-01",
                    "to": "2024-06-30",
                },
            ],
        }
    ],
    "observances": [
        {
            "year": 2031,
            "status": "published",
            "date": "2031-09-12",
            "theme": _text("A theme", "موضوع"),
            "summary": _text("A summary.", "ملخص."),
            # Library files need the library: tests/media covers them.
            "banner": None,
        }
    ],
    "events": [
        {
            "files": [],
            "slug": "whole-event",
            "status": "published",
            "observance": 2031,
            "title": _text("Whole event", "حدث كامل"),
            "description": _text("<p>An event.</p>", "<p>حدث.</p>"),
            "venue": _text("New York", "نيويورك"),
            "starts_at": "2031-09-12T10:00:00-04:00",
            "ends_at": "2031-09-12T12:30:00-04:00",
            "timezone": "America/New_York",
            "online": True,
            "url": "https://whole.example.org/event",
            "country": "KE",
            "organizers": ["unossc", "whole-org"],
            "speakers": [
                {
                    "name": _text("First Speaker", "المتحدث الأول"),
                    "title": _text("Director", "مدير"),
                    "organization": "whole-org",
                    "person": "whole-person",
                },
                {
                    "name": _text("Second Speaker", "المتحدث الثاني"),
                    "title": _text("Minister", "وزير"),
                    "organization": "unossc",
                    "person": None,
                },
            ],
            "recording_url": "https://whole.example.org/recording",
        }
    ],
    "initiatives": [
        {
            "slug": "whole-initiative",
            "status": "published",
            "title": _text("Whole initiative", "مبادرة كاملة"),
            "summary": _text("A summary.", "ملخص."),
            "description": _text("<p>An initiative.</p>", "<p>مبادرة.</p>"),
            "modality": "triangular",
            "stage": "ongoing",
            "start_date": "2024-01-01",
            "end_date": "2026-12-31",
            "countries": [
                {"country": "CN", "role": "provider"},
                {"country": "KE", "role": "recipient"},
            ],
            "regions": [{"region": "002", "role": "recipient"}],
            "partners": [
                {"organization": "unossc", "role": "facilitator"},
                {"organization": "whole-org", "role": "implementer"},
            ],
            "sdgs": [2, 5],
            "source_url": "https://whole.example.org/initiative",
            "budget": {"amount": "1500000.00", "currency": "USD"},
            "identifier": "XM-DAC-99999-WHOLE",
            "planned_start_date": "2023-06-01",
            "planned_end_date": "2026-06-30",
            "groups": [{"group": "g77", "role": "recipient"}],
            "sectors": [
                {"code": "311", "percentage": "75.00"},
                {"code": "410", "percentage": "25.00"},
            ],
        }
    ],
    "statements": [
        {
            "slug": "whole-statement",
            "files": [],
            "status": "published",
            "title": _text("Whole statement", "بيان كامل"),
            "body": _text("<p>Words.</p>", "<p>كلمات.</p>"),
            "speaker": _text("A Speaker", "متحدث"),
            "speaker_title": _text("Director", "مدير"),
            "person": "whole-person",
            "organization": "whole-org",
            "kind": "speech",
            "delivered_on": "2031-09-12",
            "event": "whole-event",
            "original_language": "en",
            "source_url": "https://whole.example.org/statement",
            "observance": 2031,
            "issued_on": "2031-09-11",
            "document_symbol": "A/AC.1/2031/1",
            "delivered_by": _text("Read by a deputy", "ألقاها نائب"),
            "delivered_by_person": "whole-person",
            "text_kind": "excerpts",
            "outlet": _text("A newspaper", "صحيفة"),
            "byline": "A Reporter",
            "translations": {"ar": "official"},
            "mentions": {
                "countries": ["KE"],
                "initiatives": ["whole-initiative"],
                "organizations": ["whole-org"],
            },
            "video_url": "https://whole.example.org/video",
        }
    ],
    "resources": [
        {
            "slug": "whole-resource",
            "files": [],
            "status": "published",
            "kind": "report",
            "title": _text("Whole resource", "مورد كامل"),
            "summary": _text("A summary.", "ملخص."),
            "published_on": "2031-09-12",
            "links": [
                {"language": "ar", "url": "https://whole.example.org/report-ar.pdf"},
                {"language": "en", "url": "https://whole.example.org/report-en.pdf"},
            ],
            "observance": 2031,
            "event": "whole-event",
            "organizations": ["whole-org"],
            "initiatives": ["whole-initiative"],
            "countries": ["KE"],
            "document_symbol": "A/86/1",
            "isbn": "978-92-1-101437-2",
        }
    ],
    "pages": [
        {
            "slug": "whole-page",
            "status": "published",
            "title": _text("Whole page", "صفحة كاملة"),
            "body": _text("<p>A page.</p>", "<p>صفحة.</p>"),
            "parent": "about-the-day",
            "order": 3,
        }
    ],
}

# Every field but the key changed (the key is changed afterwards, see `rename`).
CHANGES = {
    "organizations": {
        "status": "draft",
        "name": _text("Changed Organization", "منظمة معدلة"),
        "acronym": _text("CO", "م م"),
        "kind": "government",
        "country": "EG",
        "website": "https://changed.example.org/",
        "description": _text("<p>Changed.</p>", "<p>معدل.</p>"),
        "identifier": "XM-DAC-88888",
    },
    "people": {
        "status": "draft",
        "name": _text("Changed Person", "شخص معدل"),
        "family_name": _text("Changed", "معدل"),
        "titles": [
            {
                "title": _text("Minister", "وزير"),
                "organization": "unossc",
                "from": "2025-01-01",
                "to": None,
            }
        ],
    },
    "observances": {
        "status": "draft",
        "date": "2031-09-13",
        "theme": _text("Another theme", "موضوع آخر"),
        "summary": _text("Another summary.", "ملخص آخر."),
        "banner": None,
    },
    "events": {
        "status": "draft",
        "files": [],
        "observance": 2023,
        "title": _text("Changed event", "حدث معدل"),
        "description": _text("<p>Changed.</p>", "<p>معدل.</p>"),
        "venue": _text("Nairobi", "نيروبي"),
        # Dates alone: the time is no longer known.
        "starts_at": "2023-09-12",
        "ends_at": "2023-09-13",
        "timezone": "Africa/Nairobi",
        "online": False,
        "url": "https://changed.example.org/event",
        "country": "EG",
        "organizers": ["sesric"],
        "speakers": [
            {
                "name": _text("Other Speaker", "متحدث آخر"),
                "title": None,
                "organization": None,
                "person": "nebil-dabur",
            }
        ],
        "recording_url": "https://changed.example.org/recording",
    },
    "initiatives": {
        "status": "draft",
        "title": _text("Changed initiative", "مبادرة معدلة"),
        "summary": _text("Changed.", "معدل."),
        "description": _text("<p>Changed.</p>", "<p>معدل.</p>"),
        "modality": "bilateral",
        "stage": "completed",
        "start_date": "2020-01-01",
        "end_date": "2021-12-31",
        "countries": [{"country": "EG", "role": "both"}],
        "regions": [{"region": "142", "role": "provider"}],
        "partners": [{"organization": "sesric", "role": "funder"}],
        "sdgs": [17],
        "source_url": "https://changed.example.org/initiative",
        "budget": {"amount": "20.00", "currency": "EUR"},
        "identifier": "XM-DAC-88888-CHANGED",
        "planned_start_date": "2019-01-01",
        "planned_end_date": "2020-12-31",
        "groups": [{"group": "oic", "role": "both"}],
        "sectors": [{"code": "140", "percentage": None}],
    },
    "statements": {
        "status": "draft",
        "files": [],
        "title": _text("Changed statement", "بيان معدل"),
        "body": _text("<p>Other words.</p>", "<p>كلمات أخرى.</p>"),
        "speaker": _text("Another Speaker", "متحدث آخر"),
        "speaker_title": _text("Minister", "وزير"),
        "person": "nebil-dabur",
        "organization": "unossc",
        "kind": "message",
        "delivered_on": "2023-09-12",
        "event": "high-level-panel-2023",
        "original_language": "ar",
        "source_url": "https://changed.example.org/statement",
        "observance": 2023,
        "issued_on": "2023-09-10",
        "document_symbol": "A/78/1",
        "delivered_by": _text("Read by the Director", "ألقاها المدير"),
        "delivered_by_person": None,
        "text_kind": "news-report",
        "outlet": _text("Another newspaper", "صحيفة أخرى"),
        "byline": "Another Reporter",
        "translations": {"en": "machine"},
        "mentions": {
            "countries": ["EG", "CN"],
            "initiatives": ["sesric-statistics-research-training-oic"],
            "organizations": ["sesric"],
        },
        "video_url": "https://changed.example.org/video",
    },
    "resources": {
        "status": "draft",
        "files": [],
        "kind": "podcast",
        "title": _text("Changed resource", "مورد معدل"),
        "summary": _text("Changed.", "معدل."),
        "published_on": "2023-09-12",
        "links": [{"language": "fr", "url": "https://changed.example.org/fr.mp3"}],
        "observance": 2023,
        "event": "high-level-panel-2023",
        "organizations": ["sesric", "unossc"],
        "initiatives": ["sesric-statistics-research-training-oic"],
        "countries": ["EG"],
        "document_symbol": "A/78/39",
        "isbn": "0-306-40615-2",
    },
    "pages": {
        "status": "draft",
        "title": _text("Changed page", "صفحة معدلة"),
        "body": _text("<p>Changed.</p>", "<p>معدل.</p>"),
        "parent": None,
        "order": 9,
    },
}


def document(sections):
    return json.dumps({"format": FORMAT, "version": VERSION, **sections}, ensure_ascii=False)


def changed_document():
    sections = copy.deepcopy(BEFORE)
    for name, items in sections.items():
        items[0].update(copy.deepcopy(CHANGES[name]))
    return document(sections)


def sections():
    """(content type, its section) of every type with a history and an exchange section."""
    return [
        (ct, ct.exchange)
        for ct in content_types.registered()
        if not ct.reference and ct.exchange is not None and ct.exchange.name in BEFORE
    ]


def test_every_type_with_a_history_is_proven_here():
    proven = {ct.exchange.name for ct, _section in sections()}
    with_history = {ct.exchange.name for ct in content_types.registered() if not ct.reference}
    assert proven == with_history
    for _ct, section in sections():
        assert set(BEFORE[section.name][0]) == set(section.fields), section.name
        assert set(CHANGES[section.name]) == set(section.fields) - {section.key}, section.name


ITEMS = {}
# Files from the media library, which an import finds by checksum in the
# library: left empty here, their history is tested in tests/media.
LIBRARY_KEYS = {"files", "banner"}


def exported(section, pk):
    """The item's text in the exchange format, as export_content writes it."""
    item = section.export_queryset().get(pk=pk)
    return dumps({name: field.read(item, name) for name, field in section.fields.items()})


def export_all():
    return {
        section.name: exported(section, ITEMS[section.name])
        for _ct, section in sections()
        if section.name in ITEMS
    }


def assert_same(name, after, before):
    """Byte for byte; on failure, the fields that differ first."""
    old, new = json.loads(before), json.loads(after)
    differing = {
        field: (old[field], new.get(field)) for field in old if old[field] != new.get(field)
    }
    assert not differing, f"{name}: {differing}"
    assert after == before, name


def admin_url(model, *parts):
    opts = model._meta
    return "/".join([f"/en/admin/{opts.app_label}/{opts.model_name}", *map(str, parts)]) + "/"


def rename(section, pk):
    """Change the item's key (an import cannot: the key is what it matches by)."""
    item = section.model.objects.get(pk=pk)
    value = getattr(item, section.key)
    if isinstance(value, int):  # an observance's year, and its date with it
        item.year, item.date = value + 1, item.date.replace(year=value + 1)
    else:
        setattr(item, section.key, f"{value}-renamed")
    item.save()


@pytest.fixture
def publisher():
    client = Client()
    client.force_login(User.objects.create_superuser("pub", password="a long password pub"))
    return client


@pytest.fixture
def whole_items(demo_content):
    import_content(document(BEFORE))
    ITEMS.clear()
    for _ct, section in sections():
        key = BEFORE[section.name][0][section.key]
        ITEMS[section.name] = section.model.objects.get(**{section.key: key}).pk
    yield ITEMS
    ITEMS.clear()


def latest_record(section):
    return section.model.history.filter(id=ITEMS[section.name]).latest()


def test_an_unchanged_admin_save_changes_nothing(publisher, whole_items):
    before = export_all()
    for _ct, section in sections():
        url = admin_url(section.model, ITEMS[section.name], "change")
        response = publisher.post(url, change_form_data(publisher, url))
        assert response.status_code == 302, (section.name, response.content[:3000])
    assert export_all() == before


def test_revert_and_restore_bring_back_every_field_and_relation(publisher, whole_items):
    before = export_all()
    # The versions to go back to: written by the import, then by the admin.
    imported = {section.name: latest_record(section) for _ct, section in sections()}
    for _ct, section in sections():
        url = admin_url(section.model, ITEMS[section.name], "change")
        assert publisher.post(url, change_form_data(publisher, url)).status_code == 302
    saved = {section.name: latest_record(section) for _ct, section in sections()}

    for versions in (saved, imported):
        import_content(changed_document())
        for _ct, section in sections():
            rename(section, ITEMS[section.name])
        changed = export_all()
        for _ct, section in sections():
            old = json.loads(before[section.name])
            new = json.loads(changed[section.name])
            assert [
                name
                for name in section.fields
                if name not in LIBRARY_KEYS and old[name] == new[name]
            ] == [], section.name
        # Back through the history page's revert button, item by item.
        for _ct, section in sections():
            url = admin_url(
                section.model, ITEMS[section.name], "history", versions[section.name].history_id
            )
            response = publisher.post(url, change_form_data(publisher, url))
            assert response.status_code == 302, (section.name, response.content[:3000])
        after = export_all()
        for _ct, section in sections():
            assert_same(section.name, after[section.name], before[section.name])


@pytest.mark.parametrize("name", list(BEFORE))
def test_delete_and_restore_bring_back_every_field_and_relation(publisher, whole_items, name):
    """The item comes back whole, and so do the links other items had to it."""
    section = next(section for _ct, section in sections() if section.name == name)
    pk = ITEMS[name]
    protecting = {
        # Rows of other items pointing to an organization or a person protect it
        # from deletion.
        "organizations": ("statements", "events", "initiatives", "people"),
        "people": ("statements", "events"),
    }
    if name in protecting:
        for other in protecting[name]:
            model = next(s.model for _ct, s in sections() if s.name == other)
            model.objects.filter(pk=ITEMS.pop(other)).delete()
    before = export_all()
    response = publisher.post(admin_url(section.model, pk, "delete"), {"post": "yes"})
    assert response.status_code == 302, response.content[:3000]
    assert not section.model.objects.filter(pk=pk).exists()
    record = section.model.history.get(id=pk, history_type="-")
    response = publisher.post(
        admin_url(section.model, "deleted", record.history_id, "restore"), follow=True
    )
    assert response.status_code == 200
    assert "was restored" in response.text
    after = export_all()
    for _ct, other in sections():
        if other.name in ITEMS:
            assert_same(other.name, after[other.name], before[other.name])


def test_a_restore_leaves_an_item_saved_since_without_it_and_says_so(publisher, whole_items):
    from events.models import Event
    from statements.models import Statement

    publisher.post(admin_url(Event, ITEMS["events"], "delete"), {"post": "yes"})
    record = Event.history.get(id=ITEMS["events"], history_type="-")
    # The statement is saved after the deletion: its editor saw it without the event.
    statement_url = admin_url(Statement, ITEMS["statements"], "change")
    data = change_form_data(publisher, statement_url)
    data["title_en"] = "Saved after the event was deleted"
    assert publisher.post(statement_url, data).status_code == 302
    response = publisher.post(
        admin_url(Event, "deleted", record.history_id, "restore"), follow=True
    )
    text = response.text
    assert "1 item that pointed to it when it was deleted points to it again: resource" in text
    assert "was saved since without it, and is left as it is: statement “Saved after" in text
    assert Statement.objects.get(pk=ITEMS["statements"]).event is None


def test_every_many_to_many_field_is_kept_in_the_history():
    """The defect: a statement's mentions were not, so revert and restore cleared them."""
    for ct in content_types.registered():
        if ct.reference:
            continue
        kept = set(ct.history_m2m)
        for field in ct.model._meta.many_to_many:
            through = field.remote_field.through
            assert field.name in kept or through in ct.parts, f"{ct.name}.{field.name}"


def test_an_import_and_an_admin_save_each_write_one_record(publisher, whole_items):
    """Links are recorded on the item's record, not in a record per list changed."""
    for _ct, section in sections():
        assert section.model.history.filter(id=ITEMS[section.name]).count() == 1, section.name
        url = admin_url(section.model, ITEMS[section.name], "change")
        assert publisher.post(url, change_form_data(publisher, url)).status_code == 302
        assert section.model.history.filter(id=ITEMS[section.name]).count() == 2, section.name


def test_versions_saved_before_mentions_were_kept_get_the_present_ones(whole_items):
    import importlib

    from django.apps import apps
    from django.db import connection

    from statements.models import Statement

    migration = importlib.import_module("statements.migrations.0008_history_of_mentions")
    statement = Statement.objects.get(pk=ITEMS["statements"])
    record = statement.history.latest()
    for name in migration.MENTIONS:
        getattr(record, name).all().delete()  # as a version saved before the migration
    with connection.schema_editor() as editor:
        migration.record_present_mentions(apps, editor)
    assert [c.country.iso2 for c in record.mentioned_countries.all()] == ["KE"]
    assert [i.initiative.slug for i in record.mentioned_initiatives.all()] == ["whole-initiative"]
    assert [o.organization.key for o in record.mentioned_organizations.all()] == ["whole-org"]
