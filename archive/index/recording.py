"""The change log: every committed change to what readers see, recorded in its transaction, applied after it.

Writers call `record` inside their transaction; once it commits, this process brings its index up to date. Other
processes and hosts find the new changes in the log on their next request (`store.searcher`), so nothing that
was committed is lost when the index could not be written at the time.
"""

import logging
import threading
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

from archive.index import failures, store
from archive.models import ArticleTopic, Change, Mention

# Any constant: PostgreSQL's transaction-scoped lock that makes change numbers follow commit order.
_COMMIT_ORDER_LOCK = 7_310_001
_state = threading.local()
log = logging.getLogger(__name__)


def record(article_ids=()):
    """Note that these articles changed (or, with none, only what pages say of persons and topics)."""
    ids = list(dict.fromkeys(article_ids))
    if connection.vendor == "postgresql":
        # Numbers are drawn when a row is written but become visible at commit: without this, a change drawn
        # earlier could commit after a later one had been applied, and be skipped.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_COMMIT_ORDER_LOCK])
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        # A plain insert: an import records a change for every file, and building model instances for it cost
        # a sixth of the import's time.
        cursor.executemany(
            f"INSERT INTO {Change._meta.db_table} (article_id, at) VALUES (%s, %s)",
            [(pk, now) for pk in ids] or [(None, now)],
        )
    transaction.on_commit(_committed)


@contextmanager
def deferred():
    """Apply the changes once at the end rather than after every commit: for long runs of small transactions."""
    _state.deferred = getattr(_state, "deferred", 0) + 1
    try:
        yield
    finally:
        _state.deferred -= 1
        if not _state.deferred:
            catch_up()


def _committed():
    if not getattr(_state, "deferred", 0):
        catch_up()


def catch_up():
    """Bring this process's read index up to date, or say why it could not."""
    try:
        store.catch_up()
    except failures.Unavailable as error:
        # The change is committed, and in the log: the index takes it when it can be written again.
        log.warning("The read index did not take the committed changes: %s", error)


def saved_or_deleted(sender, instance, **kwargs):
    """Signal receiver for the models pages show: any save or delete, wherever it is made, is recorded."""
    record(_articles_of(instance))


def moving(sender, instance, update_fields=None, **kwargs):
    """Signal receiver before a row that belongs to an article is saved again: if it moves to another article
    (an editor changed its article in its form), the article it leaves is recorded too."""
    if instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and not {"article", "lead", "related", "suggested"} & set(update_fields):
        return
    former = sender._base_manager.filter(pk=instance.pk).order_by("pk").first()
    if former is not None and (left := set(_articles_of(former)) - set(_articles_of(instance))):
        record(left)


def _articles_of(instance):
    if instance._meta.model_name == "article":
        return [instance.pk]
    if instance._meta.model_name == "relatedlink":
        return [instance.lead_id, instance.related_id]
    if instance._meta.model_name == "hiddensuggestion":
        return [instance.article_id, instance.suggested_id]
    if hasattr(instance, "article_id"):
        return [instance.article_id]
    # Persons and topics: their names and descriptions show on pages, and the index documents of their articles
    # hold a person's every spelling and a topic's slug, so a save made anywhere (not only through the curation
    # in `archive.subjects.curation`) records those articles. After a delete they have none left: their mentions
    # went first.
    if instance._meta.model_name == "person":
        return Mention.objects.filter(person_id=instance.pk).values_list("article_id", flat=True)
    if instance._meta.model_name == "topic":
        return ArticleTopic.objects.filter(topic_id=instance.pk).values_list("article_id", flat=True)
    return []
