"""Pages imported as `import_articles` imports them, timed, with the process's memory along the way."""

import resource
import threading
import time
from dataclasses import dataclass

from django.core.management.base import CommandError

from archive.importing.folders import CATCH_UP_SECONDS
from archive.importing.loader import import_file
from archive.importing.outcomes import REJECTED
from archive.index import recording, store


def rss_mib(kind="RssAnon"):
    """Resident memory in MiB: by default the process's own data. `RssFile` is the read index's files mapped into
    memory: pages of the file system's cache, which follow the index's size on disk and are given back under
    pressure."""
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields[kind].split()[0]) / 1024


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Timed:
    pages: int
    seconds: float
    # The process's own data at a quarter, half, three quarters and the end of the pages.
    samples: list
    mapped_mib: float
    peak_mib: float
    # The most of each seen along the way (`Peaks`).
    own_peak_mib: float = 0.0
    mapped_peak_mib: float = 0.0


class Peaks(threading.Thread):
    """The most resident memory of each kind seen while it runs, read every 20 ms: the kernel's peak
    (`peak_rss_mib`) counts both kinds at once, and the index's files mapped into memory, which the file system
    gives back under pressure, can outgrow the process's own data many times over."""

    def __init__(self):
        super().__init__(daemon=True)
        self.own = self.mapped = 0.0
        self._done = threading.Event()

    def run(self):
        while not self._done.wait(0.02):
            self.own, self.mapped = max(self.own, rss_mib()), max(self.mapped, rss_mib("RssFile"))

    def stop(self):
        self._done.set()
        self.join()


def run(pages, count):
    """Import `count` pages from the iterable of (name, bytes) `pages`. The read index follows every few seconds
    and at the end, and the time counted includes it."""
    checkpoints = {round(count * share / 4) for share in (1, 2, 3)}
    samples, elapsed, last_catch_up = [], 0.0, time.monotonic()
    peaks = Peaks()
    peaks.start()
    with recording.deferred():
        for number, (name, data) in enumerate(pages):
            started = time.perf_counter()
            result = import_file(name, data)
            if time.monotonic() - last_catch_up > CATCH_UP_SECONDS:
                store.catch_up()
                last_catch_up = time.monotonic()
            elapsed += time.perf_counter() - started
            if result.status == REJECTED:
                raise CommandError(f"synthetic page {name} was rejected: {result.error}")
            if number in checkpoints:
                samples.append(rss_mib())
        started = time.perf_counter()
    elapsed += time.perf_counter() - started
    samples.append(rss_mib())
    peaks.stop()
    return Timed(count, elapsed, samples, rss_mib("RssFile"), peak_rss_mib(), peaks.own, peaks.mapped)
