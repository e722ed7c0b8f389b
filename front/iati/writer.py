"""The IATI 2.03 XML of initiatives and organizations, one element at a time.

Each activity or organisation is built as an element and serialised on its
own, so a file of 100,000 initiatives is written (and sent) piece by piece
and never held whole. Elements come in the order the schema's sequences
require (front/iati/schema/2.03/). Texts come in every language that has them,
each narrative with its xml:lang; a text missing in a language is not filled
from the other (a reader of IATI data sees which languages the source has).
"""

import datetime
import xml.etree.ElementTree as ET

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from initiatives.models import Stage
from sscportal.configuration.site import absolute_url
from sscportal.text.languages import LANGUAGE_CODES
from sscportal.text.plain_text import plain_text
from sscportal.text.safety import strip_forbidden
from sscportal.visibility import public_rows

from . import mapping

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Text handed to the server at a time.
CHUNK = 64 * 1024
# DocumentCategory A12, "Activity web page"; the format of a page.
WEB_PAGE, HTML = "A12", "text/html"
# Narratives the site writes itself (translated in each language the catalogue has).
UNKNOWN_DATES = gettext_noop(
    "The dates of this initiative are not known; this is the day its record was created on the site."
)
UNKNOWN_PARTICIPANT = gettext_noop("Not recorded on the site")


def iso_datetime(moment):
    """xsd:dateTime, to the second, in UTC."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat()


def _text(value):
    return strip_forbidden(value or "").strip()


def texts(obj, field, rich=False):
    """{language: text} of `obj.<field>` in every language that has it."""
    found = {}
    for code in LANGUAGE_CODES:
        value = getattr(obj, f"{field}_{code}", "") or ""
        value = _text(plain_text(value) if rich else value)
        if value:
            found[code] = value
    return found


def narratives(parent, by_language):
    for code, text in by_language.items():
        ET.SubElement(parent, "narrative", {XML_LANG: code}).text = text


def own_message(message):
    """`message` (a gettext msgid) in each language whose catalogue translates it,
    and in the default language: a narrative the site writes itself."""
    found = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            text = gettext(message)
        if code == settings.LANGUAGE_CODE or text != message:
            found[code] = text
    return found


def reporting_org(parent, secondary):
    attributes = {"ref": mapping.reporting_org_ref(), "type": settings.IATI_REPORTING_ORG_TYPE}
    if secondary:
        # The site reproduces what others do: IATI calls that a secondary reporter.
        attributes["secondary-reporter"] = "1"
    element = ET.SubElement(parent, "reporting-org", attributes)
    narratives(
        element,
        {code: name for code, name in settings.IATI_REPORTING_ORG_NAME.items() if name.strip()},
    )


def activity(initiative, today):
    """The <iati-activity> of an initiative loaded with `activities_queryset`'s relations."""
    attributes = {
        "last-updated-datetime": iso_datetime(initiative.updated_at),
        XML_LANG: settings.LANGUAGE_CODE,
    }
    if initiative.budget_currency:
        attributes["default-currency"] = initiative.budget_currency
    root = ET.Element("iati-activity", attributes)
    ET.SubElement(root, "iati-identifier").text = mapping.activity_identifier(initiative)
    reporting_org(root, secondary=True)
    narratives(ET.SubElement(root, "title"), texts(initiative, "title"))
    _description(root, initiative)
    _participants(root, initiative)
    other = mapping.other_activity_identifier(initiative)
    if other:
        ET.SubElement(root, "other-identifier", ref=other, type=mapping.OTHER_ACTIVITY_IDENTIFIER)
    ET.SubElement(root, "activity-status", code=mapping.ACTIVITY_STATUS[initiative.stage])
    _dates(root, initiative, today)
    if initiative.modality in mapping.ACTIVITY_SCOPE:
        ET.SubElement(root, "activity-scope", code=mapping.ACTIVITY_SCOPE[initiative.modality])
    _recipients(root, initiative)
    _sectors(root, initiative)
    for goal in initiative.sdgs.all():
        tag = ET.SubElement(root, "tag", vocabulary=mapping.SDG_GOALS, code=str(goal.number))
        narratives(tag, texts(goal, "name"))
    if initiative.modality in mapping.COLLABORATION_TYPE:
        code = mapping.COLLABORATION_TYPE[initiative.modality]
        ET.SubElement(root, "collaboration-type", code=code)
    _budget(root, initiative)
    _pages(root, initiative)
    return root


def _description(root, initiative):
    # One general description per language: the long text where there is one,
    # else the summary; the title only when neither exists in any language
    # (the schema requires a description, the site does not).
    found = {**texts(initiative, "summary"), **texts(initiative, "description", rich=True)}
    found = {code: found[code] for code in LANGUAGE_CODES if code in found}
    element = ET.SubElement(root, "description", type=mapping.GENERAL_DESCRIPTION)
    narratives(element, found or texts(initiative, "title"))


def _participants(root, initiative):
    partners = public_rows(initiative.partner_roles.all())
    for partner in sorted(
        partners, key=lambda row: (mapping.PARTNER_ROLES[row.role], row.organization.key)
    ):
        organization = partner.organization
        attributes = {
            "ref": mapping.organisation_identifier(organization),
            "role": mapping.PARTNER_ROLES[partner.role],
        }
        if organization.kind in mapping.ORGANISATION_TYPES:
            attributes["type"] = mapping.ORGANISATION_TYPES[organization.kind]
        element = ET.SubElement(root, "participating-org", attributes)
        narratives(element, texts(organization, "name") or texts(organization, "acronym"))
    countries = list(initiative.country_roles.all())
    governments = [link for link in countries if link.role in mapping.PROVIDING]
    if not partners and not governments:
        # The schema requires a participant: the governments of the countries
        # that take part, whatever their role, are the ones the site can name.
        governments = countries
    for link in governments:
        element = ET.SubElement(
            root,
            "participating-org",
            role=mapping.PROVIDER_COUNTRY_ROLE,
            type=mapping.GOVERNMENT,
        )
        narratives(element, texts(link.country, "name"))
    if not partners and not governments:
        # No organization and no country: a participant said to be unknown.
        element = ET.SubElement(root, "participating-org", role=mapping.PROVIDER_COUNTRY_ROLE)
        narratives(element, own_message(UNKNOWN_PARTICIPANT))


def _dates(root, initiative, today):
    def date(value, kind):
        ET.SubElement(root, "activity-date", {"iso-date": value.isoformat(), "type": kind})

    planned_start, planned_end = initiative.planned_start_date, initiative.planned_end_date
    start, end = initiative.start_date, initiative.end_date
    if planned_start:
        date(planned_start, mapping.PLANNED_START)
    if start:
        # An actual date is one that has passed, of an initiative under way or
        # done; a start still to come is a plan, given once.
        if initiative.stage != Stage.PLANNED and start <= today:
            date(start, mapping.ACTUAL_START)
        elif not planned_start:
            date(start, mapping.PLANNED_START)
    if planned_end:
        date(planned_end, mapping.PLANNED_END)
    if end:
        if initiative.stage == Stage.COMPLETED and end <= today:
            date(end, mapping.ACTUAL_END)
        elif not planned_end:
            date(end, mapping.PLANNED_END)
    if not (start or end or planned_start or planned_end):
        # The schema requires a date. The only one the site has is when the
        # record was made, given as the planned start and said to be that.
        made = timezone.localdate(initiative.created_at)
        element = ET.SubElement(
            root,
            "activity-date",
            {"iso-date": made.isoformat(), "type": mapping.PLANNED_START},
        )
        narratives(
            element,
            own_message(UNKNOWN_DATES),
        )


def _recipients(root, initiative):
    countries = [link for link in initiative.country_roles.all() if link.role in mapping.RECEIVING]
    regions = [link for link in initiative.region_roles.all() if link.role in mapping.RECEIVING]
    # The site does not know how an initiative is shared among several
    # recipients; a single one has all of it.
    whole = {"percentage": "100"} if len(countries) + len(regions) == 1 else {}
    for link in countries:
        element = ET.SubElement(root, "recipient-country", code=link.country.iso2, **whole)
        narratives(element, texts(link.country, "name"))
    for link in regions:
        element = ET.SubElement(
            root,
            "recipient-region",
            code=link.region.code,
            vocabulary=mapping.M49_REGIONS,
            **whole,
        )
        narratives(element, texts(link.region, "name"))


def _sectors(root, initiative):
    """One <sector> per DAC 3-digit category, with its share when the site knows
    it (then every share is known and they add up to 100: the model checks);
    a single sector without a share is the whole of the activity."""
    shares = list(initiative.sector_shares.all())
    for share in shares:
        attributes = {"vocabulary": mapping.DAC_3_DIGIT, "code": share.sector.code}
        if share.percentage is not None:
            attributes["percentage"] = format(share.percentage.normalize(), "f")
        elif len(shares) == 1:
            attributes["percentage"] = "100"
        element = ET.SubElement(root, "sector", attributes)
        narratives(element, texts(share.sector, "name"))


def _budget(root, initiative):
    # A budget needs its period: given only when both ends are known, actual
    # or else planned.
    begins = initiative.start_date or initiative.planned_start_date
    ends = initiative.end_date or initiative.planned_end_date
    if initiative.budget_amount is None or not (begins and ends and begins <= ends):
        return
    start = begins.isoformat()
    budget = ET.SubElement(root, "budget", type=mapping.ORIGINAL_BUDGET, status=mapping.INDICATIVE)
    ET.SubElement(budget, "period-start", {"iso-date": start})
    ET.SubElement(budget, "period-end", {"iso-date": ends.isoformat()})
    value = ET.SubElement(
        budget, "value", {"currency": initiative.budget_currency, "value-date": start}
    )
    value.text = str(initiative.budget_amount)


def _pages(root, initiative):
    """A link to the initiative's page in each language."""
    titles = texts(initiative, "title")
    for code in LANGUAGE_CODES:
        with translation.override(code):
            url = absolute_url(reverse("initiatives:initiative_detail", args=[initiative.slug]))
        link = ET.SubElement(root, "document-link", url=url, format=HTML)
        title = titles.get(code) or next(iter(titles.values()))
        ET.SubElement(ET.SubElement(link, "title"), "narrative", {XML_LANG: code}).text = title
        ET.SubElement(link, "category", code=WEB_PAGE)
        ET.SubElement(link, "language", code=code)


def organisation(organization):
    attributes = {
        "last-updated-datetime": iso_datetime(organization.updated_at),
        XML_LANG: settings.LANGUAGE_CODE,
    }
    root = ET.Element("iati-organisation", attributes)
    identifier = ET.SubElement(root, "organisation-identifier")
    identifier.text = mapping.organisation_identifier(organization)
    narratives(
        ET.SubElement(root, "name"), texts(organization, "name") or texts(organization, "acronym")
    )
    # The organisation is described by the site, not by itself.
    reporting_org(root, secondary=True)
    return root


def document(root_name, elements):
    """The file as chunks of UTF-8: `root_name` holding each element of `elements`."""
    opening = ET.Element(
        root_name,
        {"version": mapping.VERSION, "generated-datetime": iso_datetime(timezone.now())},
    )
    # The root's start tag as ElementTree writes it, without its end.
    start = ET.tostring(opening, encoding="unicode").removesuffix(" />") + ">\n"
    buffer = ['<?xml version="1.0" encoding="UTF-8"?>\n', start]
    size = 0
    for element in elements:
        text = ET.tostring(element, encoding="unicode")
        buffer.append(text)
        buffer.append("\n")
        size += len(text)
        if size >= CHUNK:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    buffer.append(f"</{root_name}>\n")
    yield "".join(buffer).encode()
