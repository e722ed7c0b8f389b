"""Exchange format version 2: initiatives that name regions, and budgets."""

import json
from decimal import Decimal

import pytest

from exchange.exporter import export_content
from exchange.importer import import_content
from initiatives.models import Initiative

from .test_exchange import database_state, errors_of

pytestmark = pytest.mark.django_db


def document(**initiative):
    item = {
        "slug": "transport-latin-america",
        "status": "published",
        "title": {"en": "Sustainable transport"},
        "modality": "triangular",
        "stage": "ongoing",
        "countries": [{"country": "CN", "role": "provider"}],
        **initiative,
    }
    return {"format": "sscportal-content", "version": 2, "initiatives": [item]}


def test_regions_and_budget_survive_a_round_trip_through_an_empty_database(django_db_blocker):
    import_content(
        json.dumps(
            document(
                regions=[
                    {"region": "419", "role": "recipient"},
                    {"region": "002", "role": "both"},
                ],
                budget={"amount": "1500000.50", "currency": "USD"},
            )
        )
    )
    initiative = Initiative.objects.get()
    assert initiative.budget_amount == Decimal("1500000.50")
    assert initiative.budget_currency == "USD"
    exported = export_content()["initiatives"][0]
    # Sorted by code, written with their leading zeros, as the standard writes them.
    assert exported["regions"] == [
        {"region": "002", "role": "both"},
        {"region": "419", "role": "recipient"},
    ]
    assert exported["budget"] == {"amount": "1500000.50", "currency": "USD"}
    first = database_state()
    Initiative.objects.all().delete()
    import_content(first)
    assert database_state() == first


def test_without_regions_or_budget_the_export_says_so():
    import_content(json.dumps(document()))
    exported = export_content()["initiatives"][0]
    assert exported["regions"] == []
    assert exported["budget"] is None


@pytest.mark.parametrize(
    ("regions", "error"),
    [
        ([{"region": "2", "role": "recipient"}], 'initiatives[0].regions[0].region: "2" is not'),
        ([{"region": 2, "role": "recipient"}], "initiatives[0].regions[0].region: 2 is not"),
        ([{"region": "999", "role": "recipient"}], 'unknown M49 region code "999"'),
        ([{"region": "002", "role": "donor"}], 'initiatives[0].regions[0].role: "donor"'),
        (
            [{"region": "002", "role": "recipient"}, {"region": "002", "role": "both"}],
            "initiatives[0].regions[1]: ",
        ),
    ],
)
def test_a_bad_region_is_refused_with_its_path(regions, error):
    errors = errors_of(document(regions=regions))
    assert any(error in message for message in errors), errors


@pytest.mark.parametrize(
    ("budget", "error"),
    [
        ({"amount": 1500000, "currency": "USD"}, "initiatives[0].budget.amount: 1500000 is not"),
        ({"amount": "1,500,000", "currency": "USD"}, "initiatives[0].budget.amount"),
        ({"amount": "-5", "currency": "USD"}, "initiatives[0].budget.amount"),
        ({"amount": "10.005", "currency": "USD"}, "initiatives[0].budget.amount"),
        ({"amount": "10", "currency": "usd"}, 'budget.currency: "usd" is not an ISO 4217'),
        ({"amount": "10", "currency": "XYZ"}, 'budget.currency: "XYZ" is not an ISO 4217'),
        ({"amount": "10"}, "initiatives[0].budget: must be"),
        ({"amount": "10", "currency": "USD", "note": "x"}, "initiatives[0].budget: must be"),
    ],
)
def test_a_bad_budget_is_refused_with_its_path(budget, error):
    errors = errors_of(document(budget=budget))
    assert any(error in message for message in errors), errors


def test_the_benchmark_corpus_has_regional_initiatives_and_budgets():
    from exchange import corpus
    from initiatives.models import InitiativeRegion

    corpus.generate(initiatives=200, events=1, statements=1, organizations=2, log=lambda *a: None)
    assert InitiativeRegion.objects.count() > 5
    budgets = Initiative.objects.exclude(budget_amount=None)
    assert 20 < budgets.count() < 120
    assert budgets.values("budget_currency").distinct().count() > 1
