"""An archive grown by copies, for benchmarks only: importing a million saved-page articles takes hours, so the
growth run imports a base of them once and then writes copies of every row that import made.

Copy k of base article n is article n + k * B (B the base's size): its title ends in that number, and its date and
time are the ones `commentary.dateline` gives article n + (k mod `DATED_COPIES`) * B, which is why B must be a
multiple of `STEP`. So the first ten copies follow each other in time at the base's seven articles a day (100,800
articles over forty years), and later ones fill the same forty years again (a million articles at seventy a day)
rather than run on for four centuries, whose years every list would name. Its persons, topics, similar items,
sources, versions and change-log rows are the base's, renumbered alike; only its words and the bytes its source
files keep are those of article n. The pages that would follow such an archive are `saved_pages.pages_after(B, 0,
count, *Base.next_shifts())`: their repeats name the last copy's articles, which hold the same text under the same
numbers and dates, and their new articles are numbered after all of them.
"""

import datetime
import re

from django.core.management.color import no_style
from django.db import connection, models, transaction

from archive.models import (
    Article,
    ArticleSource,
    ArticleTopic,
    ArticleVersion,
    Change,
    Mention,
    RelatedLink,
    SlugRedirect,
    SourceFile,
)
from benchmarks.commentary import ARTICLES_A_DAY

# Articles a day, hours and minutes of the synthetic datelines: a shift by a multiple of all three keeps them.
STEP = 420
DATED_COPIES = 10
# In the order a row's references need: a table only names tables written before it.
MODELS = (Article, SourceFile, ArticleVersion, ArticleSource, RelatedLink, Mention, ArticleTopic, SlugRedirect, Change)
NUMBERED = {Article: {"title", "title_key", "slug"}, ArticleVersion: {"title"}, SlugRedirect: {"old_slug"}}
NUMBER = re.compile(r"\d{7}")
ROWS_AT_ONCE = 2000


class Base:
    """The rows a base import wrote, read once, and the copies of them this archive holds."""

    def __init__(self, articles):
        if articles % STEP or Article.objects.count() != articles:
            raise ValueError(f"the base must be the whole archive and a multiple of {STEP} articles")
        self.articles = articles
        self.pages = SourceFile.objects.count()
        self.copies = 1
        self.tables = [_Table(model) for model in MODELS]

    def grow_to(self, articles):
        """Write copies until the archive holds `articles` articles, a multiple of the base's size."""
        if articles % self.articles:
            raise ValueError(f"{articles} is not a multiple of the base's {self.articles} articles")
        while self.copies * self.articles < articles:
            self._write_copy()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), MODELS):
                    cursor.execute(statement)
                # As autovacuum would, before anyone plans a query on tables this much larger.
                cursor.execute("ANALYZE")

    def next_shifts(self):
        """The number and date shifts that show the pages following this archive (see the module's docstring)."""
        last = self.copies - 1
        return last * self.articles, last % DATED_COPIES * self.articles

    def _write_copy(self):
        copy = _Copy(self, self.copies)
        with transaction.atomic():
            offsets = {}
            for table in self.tables:
                offsets[table.model] = table.next_id() - table.first_id
            for table in self.tables:
                table.write(copy, offsets)
        self.copies += 1


class _Copy:
    def __init__(self, base, number):
        self.number = number
        self.articles_on = number * base.articles
        self.pages_on = number * base.pages
        self.days_on = datetime.timedelta(days=number % DATED_COPIES * base.articles // ARTICLES_A_DAY)
        self.sha256_prefix = f"{number:06x}"


class _Table:
    def __init__(self, model):
        self.model = model
        self.fields = model._meta.concrete_fields
        self.rows = list(model.objects.order_by("pk").values_list(*(field.attname for field in self.fields)))
        self.first_id = self.rows[0][0] if self.rows else 0
        self.changes = [self._change(field) for field in self.fields]
        # What a copy keeps as it is, prepared for the database once.
        self.prepared = [
            [
                None if change else field.get_db_prep_save(value, connection)
                for field, change, value in zip(self.fields, self.changes, row, strict=True)
            ]
            for row in self.rows
        ]
        columns = ", ".join(connection.ops.quote_name(field.column) for field in self.fields)
        self.insert = (
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) "
            f"VALUES ({', '.join(['%s'] * len(self.fields))})"
        )

    def next_id(self):
        latest = self.model.objects.aggregate(latest=models.Max("pk"))["latest"]
        return (latest or 0) + 1

    def write(self, copy, offsets):
        changed = [(index, change) for index, change in enumerate(self.changes) if change]
        with connection.cursor() as cursor:
            for start in range(0, len(self.rows), ROWS_AT_ONCE):
                batch = []
                for row, prepared in zip(
                    self.rows[start : start + ROWS_AT_ONCE], self.prepared[start : start + ROWS_AT_ONCE], strict=True
                ):
                    values = list(prepared)
                    for index, change in changed:
                        field = self.fields[index]
                        values[index] = field.get_db_prep_save(change(row[index], copy, offsets), connection)
                    batch.append(values)
                cursor.executemany(self.insert, batch)

    def _change(self, field):
        """How a copy's value of `field` follows from the base's, or None when it is the same."""
        model = self.model
        if field.primary_key:
            return _offset(model)
        if field.is_relation and field.related_model in MODELS:
            return _offset(field.related_model)
        if model is Change and field.name == "article_id":
            return _offset(Article)
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return _later
        if field.name in NUMBERED.get(model, ()):
            return _renumbered
        if model is SourceFile and field.name == "name":
            return _renamed
        if model is SourceFile and field.name == "sha256":
            return _rehashed
        return None


def _offset(model):
    def change(value, copy, offsets):
        return None if value is None else value + offsets[model]

    return change


def _later(value, copy, offsets):
    return None if value is None else value + copy.days_on


def _renumbered(value, copy, offsets):
    return NUMBER.sub(lambda found: f"{int(found[0]) + copy.articles_on:07d}", value)


def _renamed(value, copy, offsets):
    return NUMBER.sub(lambda found: f"{int(found[0]) + copy.pages_on:07d}", value)


def _rehashed(value, copy, offsets):
    # Unique, as the column must be; no page of the copy is ever imported again, so no hash need match its bytes.
    return copy.sha256_prefix + value[len(copy.sha256_prefix) :]
