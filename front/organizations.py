"""Organization pages: what each partner did, from every content app."""

from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events.models import Event
from initiatives.filters import OrganizationFilterForm
from initiatives.models import (
    Initiative,
    InitiativePartner,
    Organization,
    OrganizationKind,
    PartnerRole,
)
from resources.models import Resource
from sscportal.caching.values import EVERY_LANGUAGE, until_content_changes
from sscportal.text.collation import by_name
from sscportal.visibility import public
from statements.mentions import mentioned_in
from statements.models import Statement

from .opendata.links import OpenDataLinksMixin, feed

# An organization page shows this many items per list and links to the full lists.
PREVIEW = 20


def organizations_with_published_content():
    """Published organizations that some public item names: the index lists these."""
    has = [
        Exists(public(InitiativePartner.objects).filter(organization=OuterRef("pk"))),
        Exists(Event.objects.published().filter(organizers=OuterRef("pk"))),
        Exists(Statement.objects.published().filter(organization=OuterRef("pk"))),
        Exists(Resource.objects.published().filter(organizations=OuterRef("pk"))),
    ]
    condition = has[0] | has[1] | has[2] | has[3]
    return Organization.objects.published().filter(condition)


class OrganizationListView(OpenDataLinksMixin, ListView):
    template_name = "front/organizations/organization_list.html"
    context_object_name = "organizations"
    # The page shows them all; its download and API take these filters.
    filter_form = OrganizationFilterForm
    open_data = "organizations"

    @staticmethod
    def public_items():
        return organizations_with_published_content().order_by("key")

    def get_queryset(self):
        return self.public_items().select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_kind = {}
        # Each kind in the reader's alphabetical order (sscportal/text/collation.py).
        for organization in by_name(context["organizations"]):
            by_kind.setdefault(organization.kind, []).append(organization)
        # In the vocabulary's order (UN entities first), not alphabetically by code.
        context["groups"] = [
            (kind, by_kind[kind.value]) for kind in OrganizationKind if kind.value in by_kind
        ]
        return context


class OrganizationDetailView(DetailView):
    template_name = "front/organizations/organization_detail.html"
    context_object_name = "organization"

    def get_object(self, queryset=None):
        organizations = Organization.objects.select_related("country")
        if not self.request.user.is_staff:
            organizations = organizations.published()
        return get_object_or_404(organizations, key=self.kwargs["key"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        roles = public(InitiativePartner.objects).filter(organization=organization)
        counts = until_content_changes(
            f"organization-role-counts:{organization.pk}",
            lambda: dict(roles.order_by().values_list("role").annotate(n=Count("pk"))),
            language=EVERY_LANGUAGE,
        )
        published = Initiative.objects.published()
        context["roles"] = [
            {
                "role": role,
                "count": counts.get(role.value, 0),
                # Both conditions in one filter(): the same partner row has the role.
                "initiatives": published.filter(
                    partner_roles__organization=organization, partner_roles__role=role
                ).order_by("-start_date", "slug")[:PREVIEW],
            }
            for role in PartnerRole
        ]
        context["initiative_count"] = sum(counts.values())
        context["events"] = (
            Event.objects.published().for_list().filter(organizers=organization)[:PREVIEW]
        )
        context["resources"] = (
            Resource.objects.published()
            .for_list()
            .in_public_order()
            .filter(organizations=organization)[:PREVIEW]
        )
        context["statements"] = (
            Statement.objects.published().for_list().filter(organization=organization)[:PREVIEW]
        )
        context["mentioned_in"] = mentioned_in(organizations=organization)
        context["feeds"] = [
            feed(name, label, organization=organization.key)
            for name, label in (
                ("initiatives", _("Initiatives")),
                ("events", _("Events")),
                ("statements", _("Statements")),
                ("resources", _("Resources")),
            )
        ]
        # A draft organization (seen by staff) has no public calendar yet.
        if organization.is_published:
            context["calendar_url"] = reverse(
                "organizations:organization_calendar", args=[organization.key]
            )
        return context
