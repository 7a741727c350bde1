"""The one way the archive does work it may not keep: a dry run, an import's preview, a fingerprint that differs.

The work runs in a transaction (a savepoint inside another) that is rolled back at its end unless it is kept,
so that what was not kept leaves nothing behind, not even the callbacks it queued for a commit.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction


@dataclass
class Work:
    keep: bool


@contextmanager
def tentative(keep=True):
    """Yield the Work, whose `keep` the block may still change; roll everything back if it ends false."""
    work = Work(keep)
    with transaction.atomic():
        yield work
        # Marked only at the very end: a transaction marked for rollback refuses any further query.
        if not work.keep:
            transaction.set_rollback(True)
