"""The change log the read index and the page caches follow."""

from django.db import models
from django.utils import timezone


class Change(models.Model):
    """One committed change to what readers see, in commit order: the read index and the page caches follow it.

    Its id is the archive's generation. A row names the article whose index document must be made again, or no
    article when only names or descriptions changed; an article that was deleted is named all the same.
    """

    id = models.BigAutoField(primary_key=True)
    article_id = models.BigIntegerField(null=True, blank=True)
    # When the archive last changed, for Last-Modified.
    at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"change {self.id} ({self.article_id or 'names'})"
