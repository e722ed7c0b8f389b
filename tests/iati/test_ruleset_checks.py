"""The checks tests/iati apply to the IATI files find what they look for: each is
given a document that breaks its rule (and the schema one that breaks it)."""

import datetime

from .iati_checks import (
    budget_errors,
    date_errors,
    identifier_errors,
    narrative_errors,
    parse,
    percentage_errors,
    schema_errors,
    start_date_errors,
)

TODAY = datetime.date(2026, 1, 1)


def activities(*bodies, ref="XI-IATI-SSCPORTAL"):
    inner = "".join(
        f'<iati-activity><reporting-org ref="{ref}" type="90"/>{body}</iati-activity>'
        for body in bodies
    )
    return parse(f'<iati-activities version="2.03">{inner}</iati-activities>'.encode())


def test_the_schema_refuses_an_activity_without_its_required_parts():
    document = activities("<iati-identifier>XI-IATI-SSCPORTAL-a</iati-identifier>")
    assert schema_errors(document, "iati-activities-schema.xsd")


def test_an_identifier_must_begin_with_the_reporting_organisations_ref_and_be_unique():
    document = activities(
        "<iati-identifier>XM-DAC-1-a</iati-identifier>",
        "<iati-identifier>XI-IATI-SSCPORTAL-b c</iati-identifier>",
        "<iati-identifier>XI-IATI-SSCPORTAL-d</iati-identifier>",
        "<iati-identifier>XI-IATI-SSCPORTAL-d</iati-identifier>",
    )
    assert len(identifier_errors(document)) == 3


def test_actual_dates_in_the_future_and_ends_before_starts_are_found():
    document = activities(
        '<iati-identifier>x-a</iati-identifier><activity-date type="2" iso-date="2027-01-01"/>',
        '<iati-identifier>x-b</iati-identifier><activity-date type="1" iso-date="2020-01-01"/>'
        '<activity-date type="3" iso-date="2019-01-01"/>',
    )
    assert len(date_errors(document, TODAY)) == 2


def test_a_known_start_must_be_given_as_type_1_or_2():
    document = activities(
        '<iati-identifier>x-a</iati-identifier><activity-date type="3" iso-date="2020-01-01"/>'
    )
    assert start_date_errors(document, {"x-a"}) == [
        "x-a: no start date (activity-date type 1 or 2)"
    ]


def test_percentages_must_add_up_to_100():
    document = activities(
        '<iati-identifier>x-a</iati-identifier><recipient-country code="KE" percentage="60"/>'
        '<recipient-region code="002" vocabulary="2" percentage="30"/>',
        '<iati-identifier>x-b</iati-identifier><recipient-country code="KE" percentage="100"/>'
        '<recipient-country code="UG"/>',
        '<iati-identifier>x-c</iati-identifier><sector code="111" vocabulary="2" percentage="50"/>'
        '<sector code="11110" percentage="100"/>',
        '<iati-identifier>x-d</iati-identifier><recipient-country code="KE"/>'
        '<recipient-country code="UG"/><sector code="111" vocabulary="2" percentage="100"/>',
    )
    assert [error.split(":")[0] for error in percentage_errors(document)] == ["x-a", "x-b", "x-c"]


def test_a_budget_needs_a_period_and_a_currency():
    document = activities(
        '<iati-identifier>x-a</iati-identifier><budget><period-start iso-date="2021-01-01"/>'
        '<period-end iso-date="2020-01-01"/><value value-date="2021-01-01">5</value></budget>'
    )
    assert len(budget_errors(document)) == 2


def test_narratives_in_one_language_twice_or_empty_are_found():
    document = activities(
        '<iati-identifier>x-a</iati-identifier><title><narrative xml:lang="en">A</narrative>'
        '<narrative xml:lang="en">B</narrative></title><participating-org role="1"/>'
        '<description><narrative xml:lang="ar"> </narrative></description>'
    )
    assert len(narrative_errors(document)) == 3
