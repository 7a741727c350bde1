"""When each record last changed: its datestamp, the moment `from` and `until` select by.

A record shows an article's own fields, its persons and topics, and the addresses of the articles it relates to.
Its datestamp is therefore the latest of the article's `updated_at`, the time of every change-log row naming it
(the log names an article whenever one of its mentions, topics or links is saved or deleted, or a person or
topic it names is renamed), and the same two times of each article it links to or is listed under (whose address
its record carries). Datestamps are whole seconds, UTC, as the granularity Identify declares.

The datestamps of the whole archive are worked out once per generation of the archive, in three queries each
reading a table once (articles, the change log grouped by article, links), and kept in the process as two sorted
arrays: each page of a list is then a binary search, so a harvest of N pages costs one pass over the archive, not N.
"""

import datetime
import functools
import threading
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from django.db.models import Max

from archive.models import Article, Change, RelatedLink

FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_lock = threading.Lock()
_current = None


def seconds(moment):
    return int(moment.timestamp())


def text(stamp):
    """A datestamp as the protocol writes it: `2016-04-22T15:26:00Z`."""
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC).strftime(FORMAT)


@dataclass(frozen=True)
class Window:
    """One page of a list: (datestamp, article id) pairs in order, the whole list's size, and whether more follow."""

    entries: list
    total: int
    more: bool


@dataclass(frozen=True)
class Datestamps:
    key: tuple
    stamps: array
    ids: array

    def of(self, article):
        """An article's datestamp; one saved since these were worked out has its own update time."""
        try:
            return self.stamps[self.ids.index(article.pk)]
        except ValueError:
            return seconds(article.updated_at)

    @functools.cached_property
    def _places(self):
        # Each article's place in datestamp order, worked out once a generation: a set's members are then put in
        # order for what the set holds, not for what the archive holds.
        return {pk: place for place, pk in enumerate(self.ids)}

    def earliest(self):
        return self.stamps[0] if self.stamps else None

    def window(self, first=None, last=None, *, after=None, members=None, limit):
        """The records stamped from `first` to `last` (inclusive, either open) that come after the (stamp, id)
        `after`, at most `limit` of them; with `members`, only those article ids."""
        stamps, ids = self.stamps, self.ids
        if members is not None:
            kept = sorted(self._places[pk] for pk in members if pk in self._places)
            stamps, ids = [stamps[k] for k in kept], [ids[k] for k in kept]
        low = 0 if first is None else bisect_left(stamps, first)
        high = len(stamps) if last is None else bisect_right(stamps, last)
        start = low if after is None else max(low, _past(stamps, ids, *after))
        stop = min(high, start + limit)
        return Window([(stamps[k], ids[k]) for k in range(start, stop)], max(high - low, 0), stop < high)


def _past(stamps, ids, stamp, pk):
    """The position just past (stamp, pk) in lists sorted by stamp, then id."""
    low = bisect_left(stamps, stamp)
    high = bisect_right(stamps, stamp, low)
    return bisect_right(ids, pk, low, high)


def current():
    """The datestamps of the archive as it is now, worked out again only when the archive has changed."""
    global _current
    # The time too: a database made anew (a test's, a restored backup) can reach the same number again.
    key = Change.objects.newest()
    with _lock:
        if _current is None or _current.key != key:
            _current = _build(key)
        return _current


def _build(key):
    own = {pk: seconds(moment) for pk, moment in Article.objects.values_list("pk", "updated_at")}
    logged = Change.objects.filter(article_id__isnull=False).values("article_id").annotate(last=Max("at"))
    for pk, moment in logged.values_list("article_id", "last"):
        # The log names deleted articles too.
        if pk in own:
            own[pk] = max(own[pk], seconds(moment))
    latest = dict(own)
    for lead, related in RelatedLink.objects.order_by().values_list("lead_id", "related_id"):
        latest[lead] = max(latest[lead], own[related])
        latest[related] = max(latest[related], own[lead])
    order = sorted((stamp, pk) for pk, stamp in latest.items())
    return Datestamps(key, array("q", (stamp for stamp, _ in order)), array("q", (pk for _, pk in order)))
