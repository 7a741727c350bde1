"""Replacing a damaged build in the background: a new build of 100,000 articles takes longer than gunicorn lets a
request run, so it is made in a thread of the process that found the damage, while pages answer 503."""

import logging
import threading
import time

from django.db import connections

from archive.index import failures

# After a failed attempt (the folder read-only or full), how long before the next.
RETRY_SECONDS = 5
# What commands wait for another process's write lock on SQLite (Django's default, 5 s, is the web's).
BUILD_BUSY_TIMEOUT_MS = 20_000

log = logging.getLogger(__name__)
_lock = threading.Lock()
_thread = None
_last_failure = None
# Builds this process found damaged, so that each request does not read them whole again.
_damaged = set()


def known_damaged(path):
    return path in _damaged


def found_damaged(path, error):
    log.error("The read index's build %s is damaged (%s): a new one is being made", path.name, error)
    _damaged.add(path)


def replace(rebuild):
    """Run `rebuild` in a thread, unless one is under way in this process or the last attempt failed just now."""
    global _thread
    with _lock:
        if _thread is not None and _thread.is_alive():
            return
        if _last_failure is not None and time.monotonic() - _last_failure < RETRY_SECONDS:
            return
        _thread = threading.Thread(target=_run, args=(rebuild,), name="read-index-rebuild", daemon=True)
        _thread.start()


def _run(rebuild):
    global _last_failure
    try:
        _unbounded()
        rebuild()
        log.warning("The read index has a whole build again")
    except (OSError, failures.Unavailable) as error:
        _last_failure = time.monotonic()
        log.error("The read index could not be rebuilt: %s", error)
    finally:
        # The thread's own database connection, which nothing else would close.
        connections.close_all()


def _unbounded():
    """A build reads the whole archive, as `rebuild_index` does: it is no request, and keeps none of the bounds a
    web process sets on its connections' statements and lock waits."""
    connection = connections["default"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET statement_timeout = 0")
        elif connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout = {BUILD_BUSY_TIMEOUT_MS}")
