"""Cards drawn once and kept in this process's memory, so that a list page joins finished fragments: every list an
article appears in (the archive's, its year's and month's, each of its persons' and topics') shows the same card.

A card is kept under the digest of the index's card it was drawn from (`Card.stamp`) and all else it was drawn with:
whatever it shows (title, dateline, summary, a person's or topic's name) is in those bytes, and every change to any
of it writes the article's document again, so a kept card is never out of date. The least recently shown go first.
"""

import threading
from collections import OrderedDict

# About 3 KB a card of a dozen persons: some 15 MB a process.
KEPT = 5000


class Kept:
    def __init__(self, size=KEPT):
        self.size = size
        self._fragments = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, draw):
        """The fragment kept under `key`, or the one `draw()` makes, then kept."""
        with self._lock:
            fragment = self._fragments.get(key)
            if fragment is not None:
                self._fragments.move_to_end(key)
                return fragment
        fragment = draw()
        with self._lock:
            self._fragments[key] = fragment
            if len(self._fragments) > self.size:
                self._fragments.popitem(last=False)
        return fragment


cards = Kept()
