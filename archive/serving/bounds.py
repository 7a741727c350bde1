"""Bounds on the database work of web requests.

Applied by the WSGI module, which only what serves the web imports (gunicorn, runserver): management commands
never import it, so an import or rebuild_index keeps the database's own unbounded statements and its patient
lock waits. The bounds are set once for each new connection rather than once per request: on PostgreSQL a
connection lives for CONN_MAX_AGE across requests, and a session setting lasts as long.
"""

from django.conf import settings
from django.db.backends.signals import connection_created


def bound_web_requests():
    connection_created.connect(bound_connection, dispatch_uid="archive.serving.bounds")


def bound_connection(sender, connection, **kwargs):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A cancelled statement is an OperationalError: the site's 503 page (middleware.DatabaseUnavailable).
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, false)", [str(settings.ARCHIVE_WEB_STATEMENT_TIMEOUT_MS)]
            )
        elif connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout = {int(settings.ARCHIVE_WEB_BUSY_TIMEOUT_MS)}")
