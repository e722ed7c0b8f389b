"""Checking IATI files: the official 2.03 schema (vendored in front/iati/schema/2.03/,
read offline) and the rules of IATI's Standard ruleset that the site's data can
satisfy, written here as functions that return what breaks them.

Rules checked (each function says its rule):
- every iati-identifier begins with its reporting-org's ref, holds no
  character IATI forbids, and is unique in the file;
- an activity whose dates are known has a start date (activity-date type 1 or 2);
- no actual date (type 2 or 4) is in the future;
- an end date is not before the start date of the same kind;
- recipient-country and recipient-region percentages, when given, add up to
  100, and then every recipient has one;
- sector percentages add up to 100 within each vocabulary, when given;
- a budget's period ends after it starts, and its value has a value-date and
  a currency (its own or the activity's default);
- every narrative of an element is in a different language, and a
  participating-org has a ref or a narrative.

Rules the site cannot satisfy, and so not checked: a budget's period at most
a year long (the site holds one amount for the whole initiative: cutting it
into years would invent figures); percentages for several recipients (the
site does not know the shares); transactions (it records none).
"""

import datetime
import re
from collections import Counter, defaultdict
from decimal import Decimal
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).resolve().parents[2] / "front" / "iati" / "schema" / "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORBIDDEN_IN_IDENTIFIERS = re.compile(r"[ /&|?]")


@cache
def schema(name):
    """The XSD `name` (iati-activities-schema.xsd...), with its includes, from disk."""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.parse(str(SCHEMA / name), parser))


def parse(content):
    return etree.fromstring(content, etree.XMLParser(no_network=True, huge_tree=True))


def schema_errors(document, name):
    """The schema's complaints about `document` (an lxml element), as strings."""
    validator = schema(name)
    if validator.validate(document.getroottree()):
        return []
    return [f"line {error.line}: {error.message}" for error in validator.error_log]


def identifier_errors(document):
    errors = []
    seen = Counter()
    for activity in document.iter("iati-activity"):
        identifier = activity.findtext("iati-identifier")
        reporting = activity.find("reporting-org").get("ref")
        seen[identifier] += 1
        if not identifier.startswith(f"{reporting}-"):
            errors.append(f"{identifier} does not begin with {reporting}")
        if FORBIDDEN_IN_IDENTIFIERS.search(identifier):
            errors.append(f"{identifier!r} holds a character IATI forbids")
    errors += [f"{identifier} appears {n} times" for identifier, n in seen.items() if n > 1]
    return errors


def date_errors(document, today):
    errors = []
    for activity in document.iter("iati-activity"):
        identifier = activity.findtext("iati-identifier")
        dates = {}
        for element in activity.findall("activity-date"):
            dates[element.get("type")] = datetime.date.fromisoformat(element.get("iso-date"))
        if not dates:
            errors.append(f"{identifier}: no activity-date")
        for kind in ("2", "4"):
            if kind in dates and dates[kind] > today:
                errors.append(f"{identifier}: actual date (type {kind}) in the future")
        for start, end in (("1", "3"), ("2", "4")):
            if start in dates and end in dates and dates[end] < dates[start]:
                errors.append(f"{identifier}: type {end} before type {start}")
    return errors


def start_date_errors(document, initiatives_with_dates):
    """An activity whose initiative has a start date carries it as type 1 or 2."""
    errors = []
    for activity in document.iter("iati-activity"):
        identifier = activity.findtext("iati-identifier")
        kinds = {element.get("type") for element in activity.findall("activity-date")}
        if identifier in initiatives_with_dates and not kinds & {"1", "2"}:
            errors.append(f"{identifier}: no start date (activity-date type 1 or 2)")
    return errors


def percentage_errors(document):
    errors = []
    for activity in document.iter("iati-activity"):
        identifier = activity.findtext("iati-identifier")
        recipients = activity.findall("recipient-country") + activity.findall("recipient-region")
        given = [element.get("percentage") for element in recipients]
        if any(value is not None for value in given):
            if None in given:
                errors.append(f"{identifier}: some recipients have a percentage, others not")
            elif sum(Decimal(value) for value in given) != 100:
                errors.append(f"{identifier}: recipient percentages do not add up to 100")
        by_vocabulary = defaultdict(list)
        for sector in activity.findall("sector"):
            by_vocabulary[sector.get("vocabulary", "1")].append(sector.get("percentage"))
        for vocabulary, values in by_vocabulary.items():
            if any(value is not None for value in values) and (
                None in values or sum(Decimal(value) for value in values) != 100
            ):
                errors.append(f"{identifier}: sector percentages ({vocabulary}) are not 100")
    return errors


def budget_errors(document):
    errors = []
    for activity in document.iter("iati-activity"):
        identifier = activity.findtext("iati-identifier")
        default_currency = activity.get("default-currency")
        for budget in activity.findall("budget"):
            start = datetime.date.fromisoformat(budget.find("period-start").get("iso-date"))
            end = datetime.date.fromisoformat(budget.find("period-end").get("iso-date"))
            if end <= start:
                errors.append(f"{identifier}: budget period ends before it starts")
            value = budget.find("value")
            if not (value.get("currency") or default_currency):
                errors.append(f"{identifier}: budget value without a currency")
            Decimal(value.text)  # a number, or this raises
    return errors


def narrative_errors(document):
    errors = []
    # From the narratives up to their parents: most elements have none.
    languages = defaultdict(list)
    for narrative in document.iter("narrative"):
        parent = narrative.getparent()
        languages[parent].append(narrative.get(XML_LANG))
        if not (narrative.text or "").strip():
            errors.append(f"{parent.tag}: an empty narrative")
    for parent, found in languages.items():
        if len(found) != len(set(found)):
            errors.append(f"{parent.tag}: two narratives in one language")
    for participant in document.iter("participating-org"):
        if not participant.get("ref") and participant.find("narrative") is None:
            errors.append("a participating-org with neither ref nor narrative")
    return errors


def ruleset_errors(document, today):
    return (
        identifier_errors(document)
        + date_errors(document, today)
        + percentage_errors(document)
        + budget_errors(document)
        + narrative_errors(document)
    )
