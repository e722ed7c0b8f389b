"""One person for each distinct speaker, "delivered by" and event speaker named
in free text so far, linked from the rows that name them.

Names are matched after folding (people/names.py: case, spaces, accents,
Arabic spelling variants, honorifics). The free texts are kept as they were:
nothing written is lost, and the pages show the person's name from now on.
A person is public when a public statement or event names them; titles
("Director General, SESRIC") come from the speakers' titles, without dates,
which no free text gave.
"""

from django.db import migrations

from events.content import EVENTS
from people.names import SamePeople, fold, key_for, most_given, name_part
from sscportal.search.links import refresh_linked_names
from sscportal.text.languages import LANGUAGE_CODES
from statements.content import STATEMENTS

PUBLISHED = "published"


def _texts(row, field, transform=lambda text: text):
    return {code: transform(getattr(row, f"{field}_{code}") or "") for code in LANGUAGE_CODES}


def create_people(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    EventSpeaker = apps.get_model("events", "EventSpeaker")
    Person = apps.get_model("people", "Person")
    PersonTitle = apps.get_model("people", "PersonTitle")

    same = SamePeople()
    # (model, pk, foreign key to set, name number); per name number, what it says.
    links, titles, public = [], {}, set()

    def add(model, pk, link, name, title=None, organization=None, published=False):
        number = same.add(name)
        if number is None:
            return
        links.append((model, pk, link, number))
        if title and any(fold(text) for text in title.values()):
            titles[number] = (title, organization)
        if published:
            public.add(number)

    for statement in Statement.objects.filter(person__isnull=True).order_by("pk"):
        add(
            Statement,
            statement.pk,
            "person",
            _texts(statement, "speaker"),
            _texts(statement, "speaker_title"),
            statement.organization_id,
            statement.status == PUBLISHED,
        )
    for statement in Statement.objects.filter(delivered_by_person__isnull=True).order_by("pk"):
        name = _texts(statement, "delivered_by", name_part)
        add(
            Statement,
            statement.pk,
            "delivered_by_person",
            name,
            published=statement.status == PUBLISHED,
        )
    speakers = EventSpeaker.objects.filter(person__isnull=True).select_related("event")
    for speaker in speakers.order_by("event__pk", "order", "pk"):
        add(
            EventSpeaker,
            speaker.pk,
            "person",
            _texts(speaker, "name"),
            _texts(speaker, "title"),
            speaker.organization_id,
            speaker.event.status == PUBLISHED,
        )

    taken = set(Person.objects.values_list("key", flat=True))
    person_of = {}
    for number, members in same.persons().items():
        names = [same.names[i] for i in members]
        name = {code: most_given(names, code) for code in LANGUAGE_CODES}
        person = Person.objects.create(
            key=key_for(name, taken),
            status=PUBLISHED if public.intersection(members) else "draft",
            **{f"name_{code}": text for code, text in name.items()},
        )
        seen = set()
        for i in members:
            if i not in titles:
                continue
            title, organization = titles[i]
            # One title said two ways ("Director General, SESRIC" and "... of
            # SESRIC") is one when some language says it alike.
            said = {(code, fold(title[code]), organization) for code in LANGUAGE_CODES}
            said = {entry for entry in said if entry[1]}
            if said & seen:
                continue
            seen |= said
            PersonTitle.objects.create(
                person=person,
                organization_id=organization,
                **{f"title_{code}": text.strip() for code, text in title.items()},
            )
        person_of[number] = person
    rows = {}
    for model, pk, link, number in links:
        rows.setdefault((model, link, person_of[same.person_of(number)].pk), []).append(pk)
    for (model, link, person), pks in rows.items():
        # update(): the rows' "updated" dates stay those of their last edit.
        model.objects.filter(pk__in=pks).update(**{f"{link}_id": person})
    # The people's names in every language now find what they said and spoke at.
    refresh_linked_names(Statement, STATEMENTS.search.links)
    refresh_linked_names(apps.get_model("events", "Event"), EVENTS.search.links)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0011_speaker_person"),
        ("events", "0009_speaker_person"),
        ("people", "0001_people"),
    ]

    operations = [migrations.RunPython(create_people, migrations.RunPython.noop)]
