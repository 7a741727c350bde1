"""Files and folders imported from the command line, one file after another, the read index following along."""

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from archive.importing.loader import import_file
from archive.importing.outcomes import REJECTED
from archive.index import recording

IMPORTABLE = {".txt", ".jsonl"}
CATCH_UP_SECONDS = 5


@dataclass
class Totals:
    files: int = 0
    rejected: int = 0
    articles: Counter = field(default_factory=Counter)


def iter_files(paths):
    """Yield the importable files named by paths, folders walked in name order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMPORTABLE)
        else:
            yield path


def import_paths(paths, *, on_rejected, on_progress):
    """Import every file the paths name; call on_rejected(path, result) for each file refused and
    on_progress(totals, seconds) every few seconds, then return the totals."""
    totals = Totals()
    started = last_report = time.monotonic()
    # The index follows once every few seconds and at the end, not after each of thousands of files.
    with recording.deferred():
        for path in iter_files(paths):
            # An export, which may hold the whole archive, is read as a stream from its path.
            data = path if path.suffix.lower() == ".jsonl" else path.read_bytes()
            result = import_file(str(path), data)
            totals.files += 1
            if result.status == REJECTED:
                totals.rejected += 1
                on_rejected(path, result)
            totals.articles.update(result.counts)
            if time.monotonic() - last_report > CATCH_UP_SECONDS:
                recording.catch_up()
                last_report = time.monotonic()
                on_progress(totals, last_report - started)
    return totals
