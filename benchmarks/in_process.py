"""Pages timed through Django's WSGI handler in this process: what a page costs without an HTTP server."""

import io
import statistics
import sys
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from archive.models import Article


def measure(pages, warmup, runs):
    """The lines of a table: the median time of each page through Django's WSGI handler, with no page cache."""
    rows = timed(pages, warmup, runs)
    lines = [
        f"{Article.objects.count():,} articles on {connection.vendor}; in process through Django's WSGI handler "
        f"(no HTTP server), ARCHIVE_PAGE_CACHE_SECONDS=0, DEBUG={settings.DEBUG}; "
        f"{warmup} warm-up and {runs} timed requests a page",
        "| page | URL | bytes | SQL queries | median | fastest | slowest |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, url, size, count, timings in rows:
        lines.append(
            f"| {label} | `{url}` | {size:,} | {count} | {statistics.median(timings):,.1f} ms "
            f"| {min(timings):,.1f} ms | {max(timings):,.1f} ms |"
        )
    return lines


def timed(pages, warmup, runs):
    """(label, URL, bytes, SQL queries, timings in ms) of each page through Django's WSGI handler, with no page
    cache.

    The handler rather than the test client, so that the database connection is opened, kept and closed around
    each request as under gunicorn.
    """
    rows = []
    with override_settings(ARCHIVE_PAGE_CACHE_SECONDS=0, SECURE_SSL_REDIRECT=False):
        handler = WSGIHandler()
        for label, url in pages:
            for _ in range(warmup - 1):
                call(handler, url)
            # Counted on the last warm-up request, not a timed one: recording the SQL has a cost of its own.
            with CaptureQueriesContext(connection) as queries:
                size = len(call(handler, url))
            # Taken now: the next request's request_started signal empties the log the capture reads from.
            count = len(queries)
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                call(handler, url)
                timings.append((time.perf_counter() - started) * 1000)
            rows.append((label, url, size, count, timings))
    return rows


def call(handler, url):
    """The page's body, from the handler as a WSGI server would call it; anything but a 200 stops the benchmark."""
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    statuses = []
    response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(response)
    finally:
        # Closing is what sends request_finished, which closes or keeps the database connection.
        response.close()
    if not statuses[0].startswith("200"):
        raise CommandError(f"{url} answered {statuses[0]}")
    return body


def measure_in_each_language(pages, warmup, runs, prefix="/ru"):
    """The lines of a table: each reader's page in English and under `prefix`, timed in turn (one English request,
    one in the other language, and so on), so that whatever else the machine does weighs on both alike."""
    rows = []
    with override_settings(ARCHIVE_PAGE_CACHE_SECONDS=0, SECURE_SSL_REDIRECT=False):
        handler = WSGIHandler()
        for label, url in pages:
            pair = (url, prefix + url)
            for _ in range(warmup):
                for address in pair:
                    call(handler, address)
            timings = {address: [] for address in pair}
            for _ in range(runs):
                for address in pair:
                    started = time.perf_counter()
                    call(handler, address)
                    timings[address].append((time.perf_counter() - started) * 1000)
            rows.append((label, url, *(statistics.median(timings[address]) for address in pair)))
    lines = [
        f"{Article.objects.count():,} articles on {connection.vendor}; in process, ARCHIVE_PAGE_CACHE_SECONDS=0, "
        f"DEBUG={settings.DEBUG}; {warmup} warm-up and {runs} timed requests a page and language, in turn",
        f"| page | URL | English median | `{prefix}` median | `{prefix}` / English |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for label, url, english, other in rows:
        lines.append(f"| {label} | `{url}` | {english:,.1f} ms | {other:,.1f} ms | {other / english:.3f} |")
    return lines
