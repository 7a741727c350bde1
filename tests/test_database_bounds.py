"""Only web requests have bounded database work: management commands keep none."""

import os
import subprocess
import sys

from django.conf import settings

from tests.support.locations import ROOT
from tests.support.outage_services import site_environment

# The bound each kind of process's connection has, read back by a script: (PostgreSQL's, SQLite's).
BOUND = {
    "postgresql": "SHOW statement_timeout",
    "sqlite": "PRAGMA busy_timeout",
}
READ_BOUND = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute({query!r})
    print(cursor.fetchone()[0])
"""


def test_only_what_serves_the_web_bounds_its_database_work(tmp_path):
    """On the suite's database: a process that loads the WSGI application, as gunicorn and runserver do, beside a
    management command."""
    vendor = "postgresql" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "sqlite"
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env = site_environment(tmp_path, DATABASE_URL=database)
    script = READ_BOUND.format(query=BOUND[vendor])

    web = subprocess.run(
        [sys.executable, "-c", "import archive.wsgi\n" + script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    command = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert (web.returncode, command.returncode) == (0, 0), web.stderr + command.stderr
    bounds = (web.stdout.strip(), command.stdout.strip())
    assert bounds == {"postgresql": ("5s", "0"), "sqlite": ("5000", "20000")}[vendor]
