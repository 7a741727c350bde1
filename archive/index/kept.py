"""What a process keeps in its memory of what it worked out, the least recently used going first: answers that stay
true for as long as what they are kept under (a card's digest, a generation of the archive) does."""

import threading
from collections import OrderedDict


class Kept:
    def __init__(self, size):
        self.size = size
        self._kept = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, work_out):
        """What is kept under `key`, or what `work_out()` gives, then kept."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        found = work_out()
        with self._lock:
            self._kept[key] = found
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return found
