"""The full-text index: an FTS5 table on SQLite, a tsvector table with a GIN index on PostgreSQL."""

from django.db import migrations

from archive import search


def create_index(apps, schema_editor):
    index = search.BACKENDS[schema_editor.connection.vendor](schema_editor.connection)
    index.create()
    # Only the columns that exist since 0001 are read, so the current models can fill an index made here.
    alias = schema_editor.connection.alias
    ids = apps.get_model("archive", "Article").objects.using(alias).values_list("pk", flat=True)
    search.reindex(list(ids), using=alias)


def drop_index(apps, schema_editor):
    search.BACKENDS[schema_editor.connection.vendor](schema_editor.connection).drop()


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_editors_group")]

    operations = [migrations.RunPython(create_index, drop_index)]
