"""Migrations for the generated search columns when their expression changes.

A language added to LANGUAGES (or a change to SEARCH_LANGUAGES) changes the
expression of every `search_document` and `search_text` column. Django writes
that as an AlterField, which it then refuses to apply ("Modifying
GeneratedFields is not supported"): PostgreSQL before 17 cannot change a
generated column's expression in place. So `makemigrations` (this project's,
sscportal/management/commands/) writes RebuildGeneratedField instead, which
drops the column and adds it again, computed afresh for every row.
"""

from django.db import migrations
from django.db.migrations.autodetector import MigrationAutodetector


class RebuildGeneratedField(migrations.AlterField):
    """AlterField for a generated column: drop it, add it with its new expression.

    The indexes on the column go with it (PostgreSQL drops them along), so the
    model's indexes that the table then lacks are created again.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._rebuild(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        # Backwards, from_state is the newer state: the same rebuild, the other way.
        self._rebuild(app_label, schema_editor, from_state, to_state)

    def _rebuild(self, app_label, schema_editor, from_state, to_state):
        to_model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, to_model):
            return
        from_model = from_state.apps.get_model(app_label, self.model_name)
        schema_editor.remove_field(from_model, from_model._meta.get_field(self.name))
        schema_editor.add_field(to_model, to_model._meta.get_field(self.name))
        connection = schema_editor.connection
        with connection.cursor() as cursor:
            present = connection.introspection.get_constraints(cursor, to_model._meta.db_table)
        for index in to_model._meta.indexes:
            if index.name not in present:
                schema_editor.add_index(to_model, index)

    def describe(self):
        return f"Rebuild generated field {self.name} on {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"rebuild_{self.model_name_lower}_{self.name_lower}"


class RebuildingAutodetector(MigrationAutodetector):
    """Django's autodetector, writing RebuildGeneratedField where AlterField cannot be applied."""

    def generate_altered_fields(self):
        super().generate_altered_fields()
        for app_label, operations in self.generated_operations.items():
            for position, operation in enumerate(operations):
                if type(operation) is migrations.AlterField and self._is_new_expression(
                    app_label, operation
                ):
                    rebuild = RebuildGeneratedField(
                        model_name=operation.model_name,
                        name=operation.name,
                        field=operation.field,
                        preserve_default=operation.preserve_default,
                    )
                    # What add_operation() recorded for the migration graph.
                    rebuild._auto_deps = operation._auto_deps
                    operations[position] = rebuild

    def _is_new_expression(self, app_label, operation):
        new = operation.field
        model_name = self.renamed_models.get(
            (app_label, operation.model_name_lower), operation.model_name_lower
        )
        old = self.from_state.models[app_label, model_name].get_field(operation.name)
        if not (old.generated and new.generated):
            return False
        return old.db_persist != new.db_persist or self.deep_deconstruct(
            old.expression
        ) != self.deep_deconstruct(new.expression)
