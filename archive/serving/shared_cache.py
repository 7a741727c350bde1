"""The shared cache in Redis, an optimisation the site can lose.

While Redis cannot be reached every operation is a miss or does nothing, so pages are built as without a cache.
The outage is logged once (by each process) rather than once per request, Redis is left alone for a few seconds
at a time instead of being asked and waited for on every request, and its return is logged too.
"""

import functools
import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

log = logging.getLogger(__name__)
# Operations that never reach Redis: closing gives a connection back to the pool.
UNGUARDED = {"close"}


class SharedCache(RedisCache):
    """django-redis with IGNORE_EXCEPTIONS always on, and OPTIONS["RETRY_SECONDS"]: how long after a failure
    Redis is tried again (default 5)."""

    def __init__(self, server, params):
        options = params.get("OPTIONS", {})
        super().__init__(server, {**params, "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True}})
        self.retry_seconds = options.get("RETRY_SECONDS", 5)
        self._lock = threading.Lock()
        # While Redis is unreachable, the moment (time.monotonic()) it is tried again; None while it answers.
        self._retry_at = None

    @property
    def client(self):
        return _Guarded(super().client, self)

    def attempt(self):
        """Whether to ask Redis now; when not, the operation fails at once as if Redis had not answered."""
        with self._lock:
            return self._retry_at is None or time.monotonic() >= self._retry_at

    def failed(self, error):
        with self._lock:
            if self._retry_at is None:
                log.warning("The shared cache is unreachable; pages are served without it until it returns: %s", error)
            self._retry_at = time.monotonic() + self.retry_seconds

    def answered(self):
        with self._lock:
            if self._retry_at is not None:
                log.warning("The shared cache is reachable again and in use.")
            self._retry_at = None


class _Guarded:
    """The django-redis client, each operation of which tells the cache whether Redis answered."""

    def __init__(self, client, cache):
        self._client = client
        self._cache = cache

    def __getattr__(self, name):
        operation = getattr(self._client, name)
        if name in UNGUARDED or not callable(operation):
            return operation

        @functools.wraps(operation)
        def guarded(*args, **kwargs):
            if not self._cache.attempt():
                raise ConnectionInterrupted(connection=None)
            try:
                result = operation(*args, **kwargs)
            except ConnectionInterrupted as interrupted:
                self._cache.failed(interrupted.__cause__)
                raise
            self._cache.answered()
            return result

        return guarded
