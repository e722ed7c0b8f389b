"""The lists whose rows can be taken away: each is its list page's view, which
declares its parameters (`filter_form`) and its published items in order
(`public_items`); the download and the feed filter with that same form, so a
filter has one implementation whatever the output."""

from dataclasses import dataclass

from sscportal import content_types

from ..countries.views import CountryListView
from ..events.views import ObservanceListView
from ..initiatives import InitiativeListView
from ..organizations import OrganizationListView
from ..resources import ResourceListView
from ..statements.views import StatementListView


@dataclass(frozen=True)
class PublicList:
    name: str
    view: type

    @property
    def filter_form(self):
        return self.view.filter_form

    @property
    def section(self):
        """Its type's section of the exchange format: the columns come from it."""
        return content_types.of(self.public_items().model).exchange

    @property
    def label(self):
        return content_types.of(self.public_items().model).label

    def public_items(self):
        return self.view.public_items()

    def filtered(self, query):
        """The published items `query` (a QueryDict) selects, in the list's order,
        and the form that read it."""
        form = self.filter_form(query)
        return form.filter(self.public_items()), form


LISTS = {
    public_list.name: public_list
    for public_list in (
        PublicList("initiatives", InitiativeListView),
        PublicList("statements", StatementListView),
        PublicList("events", ObservanceListView),
        PublicList("resources", ResourceListView),
        PublicList("organizations", OrganizationListView),
        PublicList("countries", CountryListView),
    )
}
