"""The benchmark corpus (exchange/corpus.py): groups, sectors, identifiers and
planned dates in plausible proportions, and linked names as a save makes them."""

from collections import Counter
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from exchange import corpus
from exchange.document import dumps
from exchange.exporter import export_content
from exchange.importer import import_content
from initiatives.models import (
    Initiative,
    InitiativeGroup,
    InitiativeSector,
    Organization,
    validate_iati_identifier,
)
from sscportal import content_types
from sscportal.search.links import refresh_linked_names
from statements.models import Statement

pytestmark = pytest.mark.django_db

SIZE = 600


@pytest.fixture
def generated():
    corpus.generate(
        initiatives=SIZE, events=10, statements=40, organizations=60, log=lambda *a: None
    )


def share(rows, total=SIZE):
    return len(rows) / total


def test_initiatives_name_groups_and_sectors(generated):
    named = set(InitiativeGroup.objects.values_list("initiative", flat=True))
    assert 0.04 < share(named) < 0.14
    groups = Counter(InitiativeGroup.objects.values_list("group__code", flat=True))
    assert groups["oic"] > groups["asean"]

    with_sectors = set(InitiativeSector.objects.values_list("initiative", flat=True))
    assert 0.7 < share(with_sectors) < 0.9
    counts = Counter(InitiativeSector.objects.values_list("initiative", flat=True))
    assert 1 in counts.values() and 2 in counts.values()
    # Where shares are given, they add up to 100.
    totals = (
        InitiativeSector.objects.exclude(percentage=None)
        .values("initiative")
        .annotate(total=Sum("percentage"))
    )
    assert totals and {row["total"] for row in totals} == {Decimal(100)}


def test_identifiers_and_dates_have_their_shapes(generated):
    initiatives = Initiative.objects.all()
    own = [i.identifier for i in initiatives if i.identifier]
    assert 0.05 < share(own) < 0.15
    for identifier in own:
        validate_iati_identifier(identifier)

    planned = [i for i in initiatives if i.planned_start_date]
    assert 0.25 < share(planned) < 0.5
    assert all(i.planned_end_date >= i.planned_start_date for i in planned)
    only_planned = [i for i in planned if i.start_date is None]
    assert only_planned and all(i.stage == "planned" for i in only_planned)
    undated = [i for i in initiatives if not (i.start_date or i.planned_start_date)]
    assert 0.01 < share(undated) < 0.08

    organizations = Organization.objects.all()
    published = organizations.filter(status="published")
    assert 0.8 < published.count() / organizations.count() < 1
    identified = published.exclude(identifier="")
    assert identified.exists()
    for identifier in identified.values_list("identifier", flat=True):
        validate_iati_identifier(identifier)
    with pytest.raises(ValidationError):
        validate_iati_identifier("not an identifier")


def test_linked_names_are_what_a_save_would_write(generated):
    for content_type in (content_types.of(Initiative), content_types.of(Statement)):
        model, links = content_type.model, content_type.search.links
        generated_names = dict(model._base_manager.values_list("pk", "linked_names"))
        assert all(generated_names.values())
        # Row by row, as after a save.
        for pk in list(generated_names)[:25]:
            refresh_linked_names(model, links, [pk])
        again = dict(model._base_manager.values_list("pk", "linked_names"))
        assert again == generated_names


def test_without_linked_names_the_search_column_is_left_empty_but_analyzed():
    with CaptureQueriesContext(connection) as queries:
        corpus.generate(
            initiatives=5,
            events=1,
            statements=1,
            organizations=2,
            log=lambda *a: None,
            linked_names=False,
        )
    assert set(Initiative.objects.values_list("linked_names", flat=True)) == {""}
    # What reads the corpus next in the same transaction (the IATI test's
    # export) is planned with statistics too.
    assert "ANALYZE" in [query["sql"] for query in queries]


def test_statistics_are_gathered_before_the_linked_names_and_progress_is_told():
    # Without statistics on the rows just inserted, PostgreSQL planned each
    # row's names as a walk over a whole index: quadratic (exchange/corpus.py).
    lines = []
    with CaptureQueriesContext(connection) as queries:
        corpus.generate(initiatives=5, events=1, statements=3, organizations=2, log=lines.append)
    sql = [query["sql"] for query in queries]
    analyze = sql.index("ANALYZE")
    updates = [n for n, text in enumerate(sql) if 'SET "linked_names"' in text]
    assert updates and analyze < min(updates)
    assert any(line.startswith("linked names: 3 statements (") for line in lines)


def test_its_export_imports_again():
    # A statement made at an event of the Day must be dated near the Day (the
    # exchange format's rule): the corpus gave such statements any date, so
    # its own export, the file the import is measured with, was refused.
    corpus.generate(initiatives=40, events=8, statements=60, organizations=20, log=lambda *a: None)
    assert Statement.objects.filter(event__isnull=False).exists()

    report = import_content(dumps(export_content()))

    assert not report.errors
