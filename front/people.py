"""A person's page: the titles they held, what they said and where they spoke."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from events.models import Event
from people.models import Person
from statements.models import Statement

# A person's page lists this many of their most recent statements and events.
PREVIEW = 50


class PersonDetailView(DetailView):
    template_name = "front/people/person_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        people = Person.objects.all()
        if not self.request.user.is_staff:
            people = people.published()
        # Keys are lower-case: an address in capitals names no one (404), as for a
        # slug, rather than a second address of the same page.
        return get_object_or_404(people, key=self.kwargs["key"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        # A list, so that the template and the structured data read it once.
        context["titles"] = list(person.titles.select_related("organization"))
        statements = Statement.objects.published().filter(
            Q(person=person) | Q(delivered_by_person=person)
        )
        context["statement_count"] = statements.count()
        context["statements"] = statements.for_list()[:PREVIEW]
        events = Event.objects.published().filter(
            pk__in=Event.objects.filter(speakers__person=person).values("pk")
        )
        context["event_count"] = events.count()
        context["events"] = events.for_list()[:PREVIEW]
        context["preview"] = PREVIEW
        return context
