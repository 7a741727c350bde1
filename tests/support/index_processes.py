"""Other processes on the archive, for the tests of the read index (tests/read_index/).

Each test gets a database of its own that other processes can open: a SQLite file when the suite runs on SQLite,
a PostgreSQL database of its own when it runs on PostgreSQL, made from a template migrated once, with the
gazetteer loaded. Processes are `manage.py` commands, `manage.py shell` scripts and a gunicorn server, each told
the database and the read index folder through the environment, as two hosts would be.
"""

import html
import http.client
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing
from pathlib import Path

import dj_database_url
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# Long enough for a slow machine; a process that takes longer has hung.
TIMEOUT_SECONDS = 60


def environment(database_url, index_dir):
    """The environment of a process on this database and index folder: no shared cache, pages built each time."""
    env = {name: value for name, value in os.environ.items() if name not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DATABASE_URL=database_url, ARCHIVE_INDEX_DIR=str(index_dir), ARCHIVE_PAGE_CACHE_SECONDS="0")
    return env


def manage(env, *args):
    """Run `manage.py` with these arguments to its successful end; the finished process, its output as text."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def shell_json(env, code):
    """Run a Python script in `manage.py shell` and read back the JSON it prints last."""
    output = manage(env, "shell", "--no-imports", "-c", code).stdout
    return json.loads(output.strip().splitlines()[-1])


class Databases:
    """Databases of their own for other processes, made from one migrated template with the gazetteer loaded."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.postgresql = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        self.made = []
        self.template = self._url(f"archive_index_template_{uuid.uuid4().hex[:12]}")
        if self.postgresql:
            self._execute(f'CREATE DATABASE "{self._name(self.template)}"')
            self.made.append(self.template)
        env = environment(self.template, self.folder / "template.index")
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_gazetteer", "--verbosity", "0")

    def new(self):
        """The URL of a new database, a copy of the template."""
        url = self._url(f"archive_index_{uuid.uuid4().hex[:12]}")
        self._copy(url)
        return url

    def remake(self, url):
        """Make this database anew, empty but for the gazetteer, under the same URL: a restored backup, say."""
        self._drop(url)
        self._copy(url)

    def last_change(self, url):
        """The database's generation as the test sees it from outside: the last id of its change log."""
        return self.rows(url, "SELECT COALESCE(MAX(id), 0) FROM archive_change")[0][0]

    def rows(self, url, sql):
        if self.postgresql:
            import psycopg

            with psycopg.connect(self._conninfo(self._name(url))) as connection:
                return connection.execute(sql).fetchall()
        with closing(sqlite3.connect(self._name(url))) as connection:
            return connection.execute(sql).fetchall()

    def drop(self, url):
        self._drop(url)
        self.made.remove(url)

    def drop_all(self):
        for url in reversed(self.made):
            self._drop(url)
        self.made = []

    def _copy(self, url):
        if self.postgresql:
            self._execute(f'CREATE DATABASE "{self._name(url)}" TEMPLATE "{self._name(self.template)}"')
        else:
            # The backup API copies what the template's write-ahead log holds too.
            source, target = sqlite3.connect(self._name(self.template)), sqlite3.connect(self._name(url))
            with closing(source), closing(target):
                source.backup(target)
        if url not in self.made:
            self.made.append(url)

    def _drop(self, url):
        if self.postgresql:
            self._execute(f'DROP DATABASE IF EXISTS "{self._name(url)}" WITH (FORCE)')
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self._name(url)}{suffix}").unlink(missing_ok=True)

    def _url(self, name):
        if not self.postgresql:
            return f"sqlite:///{self.folder / name}.sqlite3"
        database = settings.DATABASES["default"]
        user = database.get("USER") or ""
        password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
        at = f"{user}{password}@" if user else ""
        return f"postgres://{at}{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}/{name}"

    @staticmethod
    def _name(url):
        return dj_database_url.parse(url)["NAME"]

    def _conninfo(self, name):
        database = settings.DATABASES["default"]
        parts = {
            "host": database.get("HOST") or "127.0.0.1",
            "port": database.get("PORT") or 5432,
            "user": database.get("USER") or "",
            "password": database.get("PASSWORD") or "",
            "dbname": name,
        }
        return " ".join(f"{key}='{value}'" for key, value in parts.items() if value != "")

    def _execute(self, sql):
        import psycopg

        with psycopg.connect(self._conninfo("postgres"), autocommit=True) as connection:
            connection.execute(sql)


class Server:
    """The site served by gunicorn (one worker) on a Unix socket, as a host serves readers."""

    def __init__(self, env, folder):
        self.socket = Path(folder) / f"gunicorn-{uuid.uuid4().hex[:8]}.sock"
        self.log = Path(folder) / f"{self.socket.stem}.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "archive.wsgi",
                    "--bind",
                    f"unix:{self.socket}",
                    "--workers",
                    "1",
                    "--timeout",
                    str(TIMEOUT_SECONDS),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_listening()

    def _wait_until_listening(self):
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log.read_text()}"
            try:
                with socket.socket(socket.AF_UNIX) as probe:
                    probe.connect(str(self.socket))
                return
            except (FileNotFoundError, ConnectionRefusedError):
                assert time.monotonic() < deadline, f"gunicorn did not listen:\n{self.log.read_text()}"
                time.sleep(0.05)

    def get(self, path):
        """(status, body) of a GET of this path."""
        connection = _UnixHTTPConnection(str(self.socket))
        try:
            connection.request("GET", path, headers={"Host": "localhost"})
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def listed(self, path):
        """(count, titles) of a list page as the server renders it."""
        status, page = self.get(path)
        assert status == 200, page
        count = int(re.search(r'<p class="result-count">(\d+) article', page).group(1))
        titles = re.findall(r'class="item-title"[^>]*><a href="[^"]*">(.*?)</a>', page)
        return count, [html.unescape(re.sub(r"</?mark>", "", title)) for title in titles]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost", timeout=TIMEOUT_SECONDS)
        self.socket_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(TIMEOUT_SECONDS)
        self.sock.connect(self.socket_path)


# What a process's read index holds and what the database says, for every filter the list offers.
CENSUS = """
import datetime
import json
from django.db.models import Count
from archive.index import build_files, lookup, store
from archive.index.filters import Filters
from archive.models import PUBLIC_DECISIONS, Article, ArticleTopic, Mention, RelatedLink

current = store.folder() / store.CURRENT
# Read before any lookup: a lookup would bring a lagging index up to date itself.
applied = int((current / build_files.APPLIED).read_text()) if current.exists() else None
generation = store.generation()

def count(**filters):
    return lookup.count(Filters(**filters))

persons = dict(
    Mention.objects.filter(decision__in=PUBLIC_DECISIONS)
    .values_list("person__slug").annotate(n=Count("article_id", distinct=True)).order_by()
)
topics = dict(
    ArticleTopic.objects.filter(decision__in=PUBLIC_DECISIONS)
    .values_list("topic__slug").annotate(n=Count("article_id", distinct=True)).order_by()
)
years = dict(Article.objects.values_list("published_date__year").annotate(n=Count("id")).order_by())
every = 65000
facets = lookup.counts(Filters(), {"persons": every, "topics": every, "year": every})
print(json.dumps({
    "applied": applied,
    "generation": generation,
    "articles": [Article.objects.count(), count()],
    "leads": [RelatedLink.objects.values("lead_id").distinct().count(), count(leads_only=True)],
    "persons": sorted([slug, n, count(persons=(slug,))] for slug, n in persons.items()),
    "topics": sorted([slug, n, count(topics=(slug,))] for slug, n in topics.items()),
    "years": sorted(
        [year, n, count(date_after=datetime.date(year, 1, 1), date_before=datetime.date(year, 12, 31))]
        for year, n in years.items()
    ),
    "facets": {name: sorted(map(list, buckets)) for name, buckets in facets.items()},
}))
"""


# Waits for a folder's name on its standard input, then imports it as `manage.py import_articles` does: so that
# two such processes, started and set up, can be set off at the same moment.
IMPORT_ON_CUE = """
import sys
from django.core.management import call_command

print("ready", flush=True)
call_command("import_articles", sys.stdin.readline().strip())
"""


def start_import_on_cue(env):
    process = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", IMPORT_ON_CUE],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "ready\n", process.stderr.read()
    return process


def finish(process):
    """Wait for a started process to end; its (return code, stdout, stderr)."""
    stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    return process.returncode, stdout, stderr
