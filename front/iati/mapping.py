"""What the site's records are in IATI's terms: identifiers and codes.

Each table maps one of the site's vocabularies to an IATI 2.03 codelist;
docs/OPEN_DATA.md gives the same mapping for readers, with the reasons.
"""

from django.conf import settings

from initiatives.models import CountryRole, Modality, OrganizationKind, PartnerRole, Stage

VERSION = "2.03"


def reporting_org_ref():
    return settings.IATI_REPORTING_ORG_REF


def activity_identifier(initiative):
    """The initiative's IATI activity identifier in the site's files.

    IATI's ruleset asks that an activity identifier begin with its reporting
    organisation's reference, and the site reports every activity: so the
    initiative's own identifier is used when it begins so, and otherwise the
    reference and the slug ("XI-IATI-SSCPORTAL-climate-smart-agriculture";
    a slug holds only letters, digits, "-" and "_", which the standard
    allows). An own identifier of another publisher is then given as an
    other-identifier (`other_activity_identifier`), so the two records join.
    """
    own = initiative.identifier
    if own and own.startswith(f"{reporting_org_ref()}-"):
        return own
    return f"{reporting_org_ref()}-{initiative.slug}"


def other_activity_identifier(initiative):
    """The initiative's own identifier when it is not the one the file uses, or None."""
    own = initiative.identifier
    return own if own and own != activity_identifier(initiative) else None


def organisation_identifier(organization):
    """An organization's identifier in the IATI files: its registered one
    (`XM-DAC-41119`) when the site holds it, so that it joins the same
    organization in other publishers' files; else derived like an activity's,
    the reporting organisation's reference and the key."""
    return organization.identifier or f"{reporting_org_ref()}-{organization.key}"


# OtherIdentifierType A9, Other Activity Identifier: the identifier the
# initiative's own publisher gives it.
OTHER_ACTIVITY_IDENTIFIER = "A9"
# SectorVocabulary 2, OECD DAC CRS Purpose Codes (3 digit): the sector
# categories the site records.
DAC_3_DIGIT = "2"

# OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing.
# A facilitator brings the partners of a (mostly triangular) initiative
# together and channels support on the funders' behalf without carrying out
# the work: IATI's nearest role is Extending ("manages the budget and
# direction of an activity on behalf of the funding organisation"). None of
# the site's roles says who is accountable (2).
PARTNER_ROLES = {
    PartnerRole.FUNDER: "1",
    PartnerRole.FACILITATOR: "3",
    PartnerRole.IMPLEMENTER: "4",
}
# A country that provides cooperation takes part through its government
# (OrganisationType 10), which carries out the exchange: Implementing. The
# site does not say that it pays, so it is not called Funding.
PROVIDER_COUNTRY_ROLE = "4"
GOVERNMENT = "10"
PROVIDING = (CountryRole.PROVIDER, CountryRole.BOTH)
RECEIVING = (CountryRole.RECIPIENT, CountryRole.BOTH)

# OrganisationType. Civil society organizations are left without a type: the
# site does not say whether one is international, national or regional, and
# IATI's codes for NGOs (21-24) all say which.
ORGANISATION_TYPES = {
    OrganizationKind.UN_ENTITY: "40",
    OrganizationKind.GOVERNMENT: "10",
    OrganizationKind.INTERGOVERNMENTAL: "40",
    OrganizationKind.DEVELOPMENT_BANK: "40",
    OrganizationKind.ACADEMIA: "80",
    OrganizationKind.PRIVATE_SECTOR: "70",
    OrganizationKind.OTHER: "90",
}

# ActivityStatus: 1 Pipeline/identification, 2 Implementation, 4 Closed
# (3, Finalisation, is a closed activity whose accounts are still open: the
# site does not know that much).
ACTIVITY_STATUS = {
    Stage.PLANNED: "1",
    Stage.ONGOING: "2",
    Stage.COMPLETED: "4",
}

# CollaborationType: 1 Bilateral, 8 Bilateral, triangular co-operation. Plain
# South-South cooperation is between a providing and a receiving country, with
# no multilateral in the middle: bilateral. A regional initiative may run
# through a regional body or between governments directly; the site does not
# say which, so it has no collaboration type.
COLLABORATION_TYPE = {
    Modality.BILATERAL: "1",
    Modality.TRIANGULAR: "8",
}
# ActivityScope 2, Regional.
ACTIVITY_SCOPE = {Modality.REGIONAL: "2"}

# ActivityDateType.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"
# DescriptionType 1, General.
GENERAL_DESCRIPTION = "1"
# RegionVocabulary 2, UN Statistical Division (M49).
M49_REGIONS = "2"
# TagVocabulary 2, Sustainable Development Goals.
SDG_GOALS = "2"
# BudgetType 1, Original; BudgetStatus 1, Indicative.
ORIGINAL_BUDGET, INDICATIVE = "1", "1"
