"""The site through outages of what it stands on, each made for real by the test: a private PostgreSQL cluster
stopped and started under a serving gunicorn, a statement held up by a lock, a private Redis stopped and started.

The database down gives the site's own 503 page and pages come back by themselves when it returns; Redis down
costs only the shared cache. Only web requests have bounded database work: management commands keep none.
"""

import glob
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from archive.benchmarks.deployment import free_port, wait_for
from archive.benchmarks.environment import production_over_http
from tests.locations import ROOT, SEEDS

TIMEOUT_SECONDS = 60
LEAD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
UNAVAILABLE = "The archive is unavailable for a moment"
# Short, so that the test waits little for the statement to be cancelled; the site's default is five seconds.
STATEMENT_TIMEOUT_MS = 1000
CACHE_RETRY_SECONDS = 1


def site_environment(folder, **variables):
    """Production's settings over plain HTTP, on a database and read index of the test's own."""
    env = production_over_http()
    for inherited in ("DJANGO_SETTINGS_MODULE", "REDIS_URL"):
        env.pop(inherited, None)
    env.update(
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        ARCHIVE_INDEX_DIR=str(folder / "index"),
        **variables,
    )
    return env


def manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def prepared(env):
    """The environment, with its database migrated, the seed page imported and static files collected."""
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "import_articles", str(SEEDS))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    return env


class Site:
    """The archive under gunicorn with deploy/gunicorn.conf.py and one worker, so that each request after the first
    finds the database connection the one before left."""

    def __init__(self, env, folder):
        self.port = free_port()
        self.log = folder / f"gunicorn-{self.port}.log"
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "1"}
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "archive.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(self.port, deadline=TIMEOUT_SECONDS)

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.text = response.read().decode()
            return response
        finally:
            connection.close()

    def logged(self, pattern):
        return re.findall(pattern, self.log.read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=TIMEOUT_SECONDS)


def as_postgres(command):
    """initdb refuses to run as root: as root, the cluster's commands run as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    """A PostgreSQL cluster of the test's own, made with initdb in a temporary folder, on a free port."""

    def __init__(self):
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not binaries:
            pytest.fail("PostgreSQL's server is needed for the outage tests: apt-get install postgresql")
        self.bin = Path(binaries[-1]).parent
        # Not under the test's own temporary folder, which only root may enter.
        self.folder = Path(tempfile.mkdtemp(prefix="archive-cluster-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.port = free_port()
        self.run("initdb", "-D", str(self.folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "archive")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/archive"

    @property
    def conninfo(self):
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=archive"

    def run(self, program, *args):
        subprocess.run(as_postgres([str(self.bin / program), *args]), check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-o", options, "-w", "start"
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def remove(self):
        # Whether or not a failed test left it running.
        stop = [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"]
        subprocess.run(as_postgres(stop), capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster():
    made = Cluster()
    yield made
    made.remove()


@pytest.fixture(scope="module")
def site_on_cluster(cluster, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site-on-cluster")
    env = prepared(
        site_environment(folder, DATABASE_URL=cluster.url, ARCHIVE_WEB_STATEMENT_TIMEOUT_MS=str(STATEMENT_TIMEOUT_MS))
    )
    site = Site(env, folder)
    site.env = env
    yield site
    site.stop()


def assert_unavailable(response):
    assert response.status == 503
    assert UNAVAILABLE in response.text
    assert response.getheader("Retry-After") == "30"
    assert "no-store" in response.getheader("Cache-Control")


def test_pages_answer_the_sites_503_while_postgresql_is_down_and_come_back_by_themselves(cluster, site_on_cluster):
    """The worker's connection, kept across requests, dies with the server: the request that finds it dead gets the
    503 page, and so does the next, which cannot connect. The first request after the server is back is served."""
    assert site_on_cluster.get("/").status == 200
    assert site_on_cluster.get(LEAD).status == 200

    cluster.stop()
    try:
        assert_unavailable(site_on_cluster.get("/"))
        assert_unavailable(site_on_cluster.get("/articles/?q=Statkevich"))
        assert_unavailable(site_on_cluster.get(LEAD))
    finally:
        cluster.start()

    assert site_on_cluster.get("/").status == 200
    assert site_on_cluster.get(LEAD).status == 200
    assert site_on_cluster.logged(r"Internal Server Error") == []


def waiting_for_a_lock(cluster):
    """How many connections of the cluster are waiting for a lock, as the cluster sees it at this moment."""
    import psycopg

    with psycopg.connect(cluster.conninfo, autocommit=True) as observer:
        return observer.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'").fetchone()[0]


def test_a_web_requests_statement_is_cancelled_at_its_bound_and_a_commands_is_not(cluster, site_on_cluster):
    """A lock held on the change log, which every public page reads first: the page's statement is cancelled at
    the web's bound and answered with the 503 page; a command's statement goes on waiting until the lock goes."""
    import psycopg

    generation = "from archive.index import store; print(store.generation())"
    with psycopg.connect(cluster.conninfo) as holder:
        holder.execute("LOCK TABLE archive_change IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        assert_unavailable(site_on_cluster.get("/"))
        waited = time.monotonic() - started

        command = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", generation],
            cwd=ROOT,
            env=site_on_cluster.env,
            stdout=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while not waiting_for_a_lock(cluster):
            assert time.monotonic() < deadline and command.poll() is None
            time.sleep(0.05)
        time.sleep(3 * STATEMENT_TIMEOUT_MS / 1000)
        assert (command.poll(), waiting_for_a_lock(cluster)) == (None, 1)
    assert STATEMENT_TIMEOUT_MS / 1000 <= waited < 3 * STATEMENT_TIMEOUT_MS / 1000
    assert command.communicate(timeout=TIMEOUT_SECONDS)[0].strip().isdigit()
    assert site_on_cluster.get("/").status == 200


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


class Redis:
    """A redis-server of the test's own on a free port, keeping nothing on disk; the machine's Redis is not
    touched."""

    def __init__(self):
        if not shutil.which("redis-server"):
            pytest.fail("redis-server is needed for the outage tests: apt-get install redis-server")
        self.port = free_port()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.port)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=TIMEOUT_SECONDS)

    def pages_kept(self):
        import redis

        return len(redis.Redis(port=self.port).keys("*archive:page:*"))


@pytest.fixture
def redis_server():
    server = Redis()
    yield server
    if server.process.poll() is None:
        server.stop()


def test_with_redis_down_pages_are_served_without_the_shared_cache_which_is_used_again_when_it_returns(
    redis_server, tmp_path
):
    env = prepared(
        site_environment(
            tmp_path,
            DATABASE_URL=f"sqlite:///{tmp_path / 'archive.sqlite3'}",
            REDIS_URL=redis_server.url,
            ARCHIVE_PAGE_CACHE_SECONDS="3600",
            ARCHIVE_CACHE_RETRY_SECONDS=str(CACHE_RETRY_SECONDS),
        )
    )
    site = Site(env, tmp_path)
    try:
        assert site.get("/topics/").status == 200
        assert redis_server.pages_kept() == 1

        redis_server.stop()
        for path in ["/topics/", "/", "/people/", LEAD, "/articles/?q=Statkevich"] * 3:
            response = site.get(path)
            assert response.status == 200, response.text
        assert len(site.logged("The shared cache is unreachable")) == 1

        redis_server.start()
        time.sleep(CACHE_RETRY_SECONDS + 0.2)
        assert site.get("/people/").status == 200
        assert site.get("/topics/").status == 200
        assert redis_server.pages_kept() == 2
        assert len(site.logged("The shared cache is reachable again")) == 1
    finally:
        site.stop()
