"""The read index's folder, and this process's view of it.

The folder holds whole builds side by side and a link, `current`, naming the one in use, so a rebuild is made
aside and swapped in at once while readers go on with the build they have open. Each build records in
`applied` the last change of the database's change log it holds. A process opens the current build once and
reloads it when the log has moved on; if no process has applied the new changes yet, it applies them itself.
Only one writer can hold a build at a time (tantivy's lock): a process that finds it taken leaves the changes
to the writer and only reloads.

A build is checked whole when a process opens it (archive.index.integrity). One found damaged, there or by a
failure while read, is replaced by a new build made in a thread, however long it takes, while the pages that need
the index answer 503; so do they while the folder cannot be written (read-only, full) and the build in use lacks
changes the database holds. Nothing is answered from a damaged build, nor from one whose folder refused the
changes a request needs.
"""

import functools
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import tantivy
from django.conf import settings

from archive import files
from archive.index import build_files, documents, failures, integrity, memory, refresh, repair, schema, suggestions
from archive.models import Change

CURRENT = "current"
BUILD_PREFIX = "build-"
# Builds kept besides the current one, for processes that have not yet moved to it.
OLD_BUILDS = 1
CATCH_UP_BATCH = 5000
WRITER_HEAP = 20_000_000
BUILD_HEAP = 200_000_000
# How long a catch-up asked for by a committing process waits for another process's writer to finish.
WRITER_WAIT_SECONDS = 10

log = logging.getLogger(__name__)
_lock = threading.RLock()
_opened = None


@dataclass
class Opened:
    folder: Path
    path: Path
    index: tantivy.Index
    seq: int


def folder():
    return Path(settings.ARCHIVE_INDEX_DIR)


def generation():
    """The archive's generation: the last change committed to the database (0 for none)."""
    return Change.objects.newest()[0]


def searcher(seq):
    """A searcher showing every change up to `seq`, the generation the caller read."""
    with _lock:
        opened = _open_at(seq)
        return failures.Guarded(opened.index.searcher(), functools.partial(_failed_while_read, opened))


def build(seq):
    """The build that answers for `seq`: a rebuild, or a database made anew under the index, starts another."""
    with _lock:
        return _open_at(seq).path


def latest_changes(seq):
    """When articles last changed as of `seq` or later (`build_files.last_changes`)."""
    with _lock:
        try:
            return build_files.last_changes(_open_at(seq).path)
        except (OSError, ValueError) as error:
            raise failures.Unavailable(f"the read index's latest changes cannot be read: {error}") from error


def _open_at(seq):
    opened = _open(seq)
    if opened.seq < seq:
        _catch_up(opened, seq, wait=False)
    return opened


def catch_up(wait=True):
    """Apply the changes this process committed, once they are committed (and any others still missing)."""
    with _lock:
        seq = generation()
        _catch_up(_open(seq), seq, wait=wait)


def close():
    """Forget the open build, so that the next use opens the folder afresh (after the setting changed)."""
    global _opened
    with _lock:
        _opened = None


def rebuild():
    """Make a new build of the whole index from the database and put it in use; return its article count."""
    with _lock, _rebuild_lock():
        count = _build()
        close()
        return count


def _open(seq):
    global _opened
    base = folder()
    if not _still_current(base):
        path = _current_path(base)
        if path is None:
            with _rebuild_lock():
                path = _current_path(base)
                if path is None:
                    _build()
                    path = _current_path(base)
        _opened = _open_build(base, path)
    if _opened.seq > seq and _opened.seq > generation():
        # The database was made anew under this index (a test database, a restored backup): start again from it.
        with _rebuild_lock():
            _build()
        _opened = None
        return _open(seq)
    return _opened


def _open_build(base, path):
    if not repair.known_damaged(path):
        try:
            integrity.check(path)
            index = tantivy.Index(schema.SCHEMA, path=str(path), reuse=True)
            index.register_tokenizer(schema.TEXT, schema.analyzer())
            return Opened(base, path, index, build_files.read_applied(path))
        except (integrity.Damaged, ValueError) as error:
            repair.found_damaged(path, error)
    repair.replace(functools.partial(_rebuild_unless_replaced, path))
    raise failures.Unavailable(f"the read index's build {path.name} is damaged")


def _rebuild_unless_replaced(damaged):
    with _rebuild_lock():
        # Another process may have replaced it while this one waited for the lock.
        if _current_path(folder()) == damaged:
            _build()


def _failed_while_read(opened, error):
    """Forget the build, so that the next request checks it whole before using it again."""
    global _opened
    log.error("The read index's build %s failed while read: %s", opened.path.name, error)
    with _lock:
        if _opened is opened:
            _opened = None


def _still_current(base):
    """Whether the open build is still the folder's current one: one system call, where checking a build whole
    takes several, and every question a page asks the index comes here."""
    if _opened is None or _opened.folder != base:
        return False
    try:
        return os.readlink(base / CURRENT) == _opened.path.name
    except OSError:
        return False


def _current_path(base):
    link = base / CURRENT
    path = Path(os.path.realpath(link)) if link.is_symlink() else None
    if path is None or not (path / build_files.APPLIED).exists() or build_files.read_version(path) != schema.VERSION:
        return None
    return path


def _catch_up(opened, seq, *, wait):
    try:
        applied = build_files.read_applied(opened.path)
        if applied < seq:
            writer = _writer(opened.index, wait)
            if writer is not None:
                try:
                    applied = _apply_changes(opened, writer)
                finally:
                    # Each commit adds a small segment; waiting for the merges it started keeps their number low.
                    # The writer is then spent, and dropping it releases its lock on the build.
                    writer.wait_merging_threads()
                    memory.give_back()
        opened.index.reload()
    except (OSError, ValueError) as error:
        raise failures.Unavailable(f"the read index cannot take changes up to {seq}: {error}") from error
    opened.seq = max(applied, build_files.read_applied(opened.path))


def _writer(index, wait):
    deadline = time.monotonic() + (WRITER_WAIT_SECONDS if wait else 0)
    while True:
        try:
            return index.writer(WRITER_HEAP, 1)
        except ValueError as error:
            if "LockBusy" not in str(error):
                raise
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)


def _apply_changes(opened, writer):
    """Apply the change log past what the build holds, in batches, each committed with its position."""
    applied = build_files.read_applied(opened.path)
    while batch := list(
        Change.objects.filter(id__gt=applied).order_by("id").values_list("id", "article_id")[:CATCH_UP_BATCH]
    ):
        ids = sorted({article_id for _, article_id in batch if article_id is not None})
        rows = []
        if ids:
            opened.index.reload()
            searcher = opened.index.searcher()
            rows = refresh.refreshed_rows(searcher, ids, build_files.frequencies(opened.path))
            gone = sorted({*ids, *(row.pk for row in rows)})
            # By query: a term of an unsigned field given from Python does not match the indexed one.
            writer.delete_documents_by_query(tantivy.Query.term_set_query(schema.SCHEMA, "id", gone))
        for row in rows:
            writer.add_document(schema.document(row))
        writer.commit()
        # Before the position: a process that reads the position finds the moments of the changes it covers.
        opened.index.reload()
        build_files.write_last_changes(opened.path, opened.index.searcher())
        applied = batch[-1][0]
        build_files.write_applied(opened.path, applied)
    return applied


def _build():
    base = folder()
    # Read first: a change committed while the build reads the articles is then applied again, which is harmless.
    seq = generation()
    path = base / f"{BUILD_PREFIX}{time.time_ns()}"
    try:
        return _build_into(base, path, seq)
    except (OSError, ValueError) as error:
        # What a full disk left of the build would keep it full.
        shutil.rmtree(path, ignore_errors=True)
        raise failures.Unavailable(f"the read index could not be built in {base}: {error}") from error


def _build_into(base, path, seq):
    base.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema.SCHEMA, path=str(_fresh(path)), reuse=False)
    index.register_tokenizer(schema.TEXT, schema.analyzer())
    found = suggestions.of_archive(documents.all_rows())
    writer = index.writer(BUILD_HEAP, 2)
    count = 0
    for row in documents.all_rows():
        found.attach(row)
        writer.add_document(schema.document(row))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    build_files.write_last_changes(path, index.searcher())
    build_files.write_frequencies(path, found)
    build_files.write_version(path, schema.VERSION)
    build_files.write_applied(path, seq)
    link = base / f".{CURRENT}-{path.name}"
    link.symlink_to(path.name)
    os.replace(link, base / CURRENT)
    _remove_old_builds(base, keep=path)
    log.info("read index rebuilt: %s articles at change %s", count, seq)
    return count


def _fresh(path):
    path.mkdir(parents=True)
    return path


def _remove_old_builds(base, keep):
    builds = sorted((p for p in base.iterdir() if p.name.startswith(BUILD_PREFIX) and p != keep), reverse=True)
    for old in builds[OLD_BUILDS:]:
        shutil.rmtree(old, ignore_errors=True)


def _rebuild_lock():
    """One build at a time across processes; a process that waited finds the build made and uses it."""
    return files.exclusive(folder() / "rebuild.lock")
