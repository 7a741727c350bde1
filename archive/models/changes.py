"""The change log the read index and the page caches follow."""

import datetime

from django.db import connection, models
from django.utils import timezone


class ChangeLog(models.Manager):
    def newest(self):
        """(generation, when it was committed), in one query; (0, None) for an archive that never changed."""
        # Asked by every request, a page found in the cache included, for which building this query through the
        # ORM took ten times as long as the database took to answer it.
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('id')}, {quote('at')} FROM {quote(self.model._meta.db_table)} ORDER BY 1 DESC LIMIT 1"
            )
            row = cursor.fetchone()
        if row is None:
            return (0, None)
        seq, at = row
        # SQLite hands back the UTC time the ORM wrote without its zone.
        return seq, timezone.make_aware(at, datetime.UTC) if timezone.is_naive(at) else at


class Change(models.Model):
    """One committed change to what readers see, in commit order: the read index and the page caches follow it.

    Its id is the archive's generation. A row names the article whose index document must be made again, or no
    article when only names or descriptions changed; an article that was deleted is named all the same.
    """

    id = models.BigAutoField(primary_key=True)
    article_id = models.BigIntegerField(null=True, blank=True)
    # When the archive last changed, for Last-Modified.
    at = models.DateTimeField(default=timezone.now)

    objects = ChangeLog()

    def __str__(self):
        return f"change {self.id} ({self.article_id or 'names'})"
