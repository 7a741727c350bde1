"""Every article's present text becomes its first version, dated by the import history; editors may hide versions.

Written as a few statements over whole tables, not a loop over articles, so that a large archive migrates in
seconds on SQLite and PostgreSQL alike.
"""

import datetime

from django.contrib.auth.management import create_permissions
from django.db import migrations

COPIED = (
    "title, published_date, published_time, language, body, body_html, summary, photo_caption, photo_credit, "
    "photo_agency"
)

# The first file that showed the article itself, else the first export that stated it; moments come from it.
FIRST_SOURCE = """
    SELECT r.{column} FROM archive_articlesource r JOIN archive_sourcefile s ON s.id = r.{column}
    WHERE r.article_id = archive_articleversion.article_id AND {condition}
    ORDER BY s.imported_at, s.id LIMIT 1
"""

STATEMENTS = [
    f"""INSERT INTO archive_articleversion
        (article_id, number, valid_from, cause, editor_name, hidden, hidden_reason, {COPIED})
        SELECT id, 1, created_at, 'edit', '', %s, '', {COPIED} FROM archive_article""",
    f"""UPDATE archive_articleversion SET source_id = ({FIRST_SOURCE.format(column="source_id",
        condition="r.stated_by_id IS NULL")})""",
    f"""UPDATE archive_articleversion SET source_id = ({FIRST_SOURCE.format(column="stated_by_id",
        condition="r.stated_by_id IS NOT NULL")}), cause = 'export' WHERE source_id IS NULL""",
    """UPDATE archive_articleversion SET cause = 'import' WHERE source_id IS NOT NULL AND cause = 'edit'""",
    """UPDATE archive_articleversion SET valid_from =
        (SELECT imported_at FROM archive_sourcefile WHERE id = archive_articleversion.source_id)
        WHERE source_id IS NOT NULL""",
]

ARTICLE_ROW = """UPDATE archive_article SET version_count = 1, text_since =
    (SELECT valid_from FROM archive_articleversion v WHERE v.article_id = archive_article.id)"""


def first_versions(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(STATEMENTS[0], [False])
        for statement in STATEMENTS[1:]:
            cursor.execute(statement)
        cursor.executemany(
            "UPDATE archive_articleversion SET source_id = %s, valid_from = %s, cause = 'import' WHERE article_id = %s",
            [(source, connection.ops.adapt_datetimefield_value(moment), pk) for source, moment, pk in _later_texts(apps)],
        )
        cursor.execute(ARTICLE_ROW)


def _later_texts(apps):
    """(file, moment, article) for each article whose present text came from a later page than its first: the
    import history names every article a page changed, by the address it had then."""
    Article = apps.get_model("archive", "Article")
    SourceFile = apps.get_model("archive", "SourceFile")
    latest = {}
    pages = SourceFile.objects.exclude(raw_text="").order_by("imported_at", "pk")
    for pk, moment, summary in pages.values_list("pk", "imported_at", "summary").iterator(chunk_size=2000):
        for entry in summary.get("articles", ()):
            if entry.get("status") == "updated":
                latest[entry.get("url")] = (pk, moment)
    if not latest:
        return []
    wanted = {_address(url) for url in latest} - {None}
    days = {day for day, _ in wanted}
    ids = {
        (day, slug): pk
        for day, slug, pk in Article.objects.filter(published_date__in=days).values_list("published_date", "slug", "pk")
        if (day, slug) in wanted
    }
    return [(pk, moment, ids[key]) for url, (pk, moment) in latest.items() if (key := _address(url)) in ids]


def _address(url):
    parts = str(url).strip("/").split("/")
    try:
        return datetime.date(int(parts[1]), int(parts[2]), int(parts[3])), parts[4]
    except (IndexError, ValueError):
        return None


def editors_hide_versions(apps, schema_editor):
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="archive", codename__in=["view_articleversion", "change_articleversion"]
            )
        )


def forget_versions(apps, schema_editor):
    apps.get_model("archive", "ArticleVersion").objects.all().delete()
    apps.get_model("archive", "Article").objects.update(version_count=0, text_since=None)


class Migration(migrations.Migration):
    dependencies = [("archive", "0008_versions"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.RunPython(first_versions, forget_versions),
        migrations.RunPython(editors_hide_versions, migrations.RunPython.noop),
    ]
