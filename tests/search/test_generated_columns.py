"""A generated search column whose expression changes (a language added) is rebuilt.

Django writes such a change as an AlterField and then refuses to apply it;
the project's makemigrations writes RebuildGeneratedField instead.
"""

import pytest
from django.db import connection, models
from django.db.migrations.state import ModelState, ProjectState
from django.db.models import F
from django.db.models.functions import Lower, Upper

from pages.models import Page
from sscportal.search.operations import RebuildGeneratedField, RebuildingAutodetector


def _state(expression, verbose_name="generated"):
    state = ProjectState()
    state.add_model(
        ModelState(
            "shelf",
            "book",
            [
                ("id", models.AutoField(primary_key=True)),
                ("title", models.TextField()),
                (
                    "shouted",
                    models.GeneratedField(
                        expression=expression,
                        output_field=models.TextField(),
                        db_persist=True,
                        verbose_name=verbose_name,
                    ),
                ),
            ],
        )
    )
    return state


def _operations(before, after):
    changes = RebuildingAutodetector(before, after)._detect_changes()
    return [operation for migration in changes["shelf"] for operation in migration.operations]


def test_a_new_expression_is_written_as_a_rebuild():
    (operation,) = _operations(_state(Upper(F("title"))), _state(Lower(F("title"))))
    assert type(operation) is RebuildGeneratedField
    assert operation.describe() == "Rebuild generated field shouted on book"


def test_any_other_change_to_a_generated_field_stays_an_alter_field():
    before, after = _state(Upper(F("title"))), _state(Upper(F("title")), verbose_name="loud")
    (operation,) = _operations(before, after)
    assert type(operation).__name__ == "AlterField"


@pytest.mark.django_db
def test_the_rebuilt_column_is_computed_again_and_keeps_its_indexes():
    from django.db.migrations.loader import MigrationLoader

    before = MigrationLoader(connection).project_state()
    field = before.models["pages", "page"].fields["search_text"].clone()
    operation = RebuildGeneratedField(model_name="page", name="search_text", field=field)
    after = before.clone()
    operation.state_forwards("pages", after)
    Page.objects.create(slug="a-page", title_en="A Page")
    # The insert's deferred foreign-key checks must run before the table is altered.
    connection.check_constraints()
    with connection.schema_editor() as editor:
        operation.database_forwards("pages", editor, before, after)
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    assert {"page_trigram_gin", "page_search_gin"} <= set(indexes)
    assert Page.objects.filter(search_text__startswith="a page").exists()
