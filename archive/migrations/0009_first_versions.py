"""Every article's present text becomes its first version, dated by the import history; editors may hide versions.

The history is read in one pass into a temporary table, and every version written by one insert joined to it, not
a statement per article, so that a large archive migrates in seconds on SQLite and PostgreSQL alike.
"""

import datetime

from django.contrib.auth.management import create_permissions
from django.db import migrations

COPIED = (
    "title, published_date, published_time, language, body, body_html, summary, photo_caption, photo_credit, "
    "photo_agency"
)
FIRSTS = "archive_first_versions"

INSERT = f"""INSERT INTO archive_articleversion
    (article_id, number, valid_from, cause, source_id, editor_name, hidden, hidden_reason, {COPIED})
    SELECT a.id, 1, COALESCE(f.valid_from, a.created_at), COALESCE(f.cause, 'edit'), f.source_id, '', %s, '',
        {", ".join(f"a.{column.strip()}" for column in COPIED.split(","))}
    FROM archive_article a LEFT JOIN {FIRSTS} f ON f.article_id = a.id"""

ARTICLE_ROW = """UPDATE archive_article SET version_count = 1, text_since =
    (SELECT valid_from FROM archive_articleversion v WHERE v.article_id = archive_article.id AND v.number = 1)"""


def first_versions(apps, schema_editor):
    """One insert of every article's version, joined to a table of what the import history says of each (a
    correlated query per article took minutes on PostgreSQL)."""
    connection = schema_editor.connection
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {FIRSTS} (article_id bigint PRIMARY KEY, source_id bigint, cause varchar(8), "
            "valid_from timestamp with time zone)"
        )
        cursor.executemany(
            f"INSERT INTO {FIRSTS} (article_id, source_id, cause, valid_from) VALUES (%s, %s, %s, %s)",
            [(pk, source, cause, adapt(moment)) for pk, (source, cause, moment) in _firsts(apps).items()],
        )
        cursor.execute(INSERT, [False])
        cursor.execute(ARTICLE_ROW)
        cursor.execute(f"DROP TABLE {FIRSTS}")


def _firsts(apps):
    """article id -> (file, cause, moment) of its present text: the last page that changed it, else the first file
    that showed it, else the first export that stated it."""
    ArticleSource = apps.get_model("archive", "ArticleSource")
    rows = ArticleSource.objects.values_list(
        "article_id", "source_id", "source__imported_at", "stated_by_id", "stated_by__imported_at"
    )
    own, stated = {}, {}
    for pk, source, moment, statement, stated_at in rows.iterator(chunk_size=5000):
        if statement is None:
            own[pk] = min(own.get(pk, (moment, source)), (moment, source))
        else:
            stated[pk] = min(stated.get(pk, (stated_at, statement)), (stated_at, statement))
    firsts = {pk: (source, "export", moment) for pk, (moment, source) in stated.items()}
    firsts |= {pk: (source, "import", moment) for pk, (moment, source) in own.items()}
    firsts |= {pk: (source, "import", moment) for source, moment, pk in _later_texts(apps)}
    return firsts


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
