"""Organization pages: what each partner did, from every content app."""

from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from events.models import Event
from initiatives.models import (
    Initiative,
    InitiativePartner,
    Organization,
    OrganizationKind,
    PartnerRole,
)
from resources.models import Resource
from sscportal.caching.values import until_content_changes
from statements.mentions import mentioned_in
from statements.models import Statement

# An organization page shows this many items per list and links to the full lists.
PREVIEW = 20


def organizations_with_published_content():
    """Published organizations that some public item names: the index lists these."""
    has = [
        Exists(
            InitiativePartner.objects.filter(
                organization=OuterRef("pk"), initiative__status="published"
            )
        ),
        Exists(Event.objects.published().filter(organizers=OuterRef("pk"))),
        Exists(Statement.objects.published().filter(organization=OuterRef("pk"))),
        Exists(Resource.objects.published().filter(organizations=OuterRef("pk"))),
    ]
    condition = has[0] | has[1] | has[2] | has[3]
    return Organization.objects.published().filter(condition)


class OrganizationListView(ListView):
    template_name = "front/organization_list.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return (
            organizations_with_published_content()
            .select_related("country")
            .order_by("kind", "name_en", "key")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_kind = {}
        for organization in context["organizations"]:
            by_kind.setdefault(organization.kind, []).append(organization)
        # In the vocabulary's order (UN entities first), not alphabetically by code.
        context["groups"] = [
            (kind, by_kind[kind.value]) for kind in OrganizationKind if kind.value in by_kind
        ]
        context["section"] = "organizations"
        return context


class OrganizationDetailView(DetailView):
    template_name = "front/organization_detail.html"
    context_object_name = "organization"

    def get_object(self, queryset=None):
        organizations = Organization.objects.select_related("country")
        if not self.request.user.is_staff:
            organizations = organizations.published()
        return get_object_or_404(organizations, key=self.kwargs["key"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        roles = InitiativePartner.objects.filter(
            organization=organization, initiative__status="published"
        )
        counts = until_content_changes(
            f"organization-role-counts:{organization.pk}",
            lambda: dict(roles.order_by().values_list("role").annotate(n=Count("pk"))),
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
        context["section"] = "organizations"
        return context
