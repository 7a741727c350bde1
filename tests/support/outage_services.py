"""What the outage tests stand the site on: production's settings on a database of the test's own, the site
under gunicorn, and a private PostgreSQL cluster and Redis each test can stop and start."""

import glob
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from benchmarks.deployment import free_port, wait_for
from benchmarks.environment import production_over_http
from tests.support.locations import ROOT, SEEDS

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


def assert_unavailable(response):
    assert response.status == 503
    assert UNAVAILABLE in response.text
    assert response.getheader("Retry-After") == "30"
    assert "no-store" in response.getheader("Cache-Control")


class Redis:
    """A redis-server of the test's own on a free port, keeping nothing on disk; the machine's Redis is not
    touched. `config`, a configuration file, is read first: the options given here then win."""

    def __init__(self, config=None):
        if not shutil.which("redis-server"):
            pytest.fail("redis-server is needed for the outage tests: apt-get install redis-server")
        self.port = free_port()
        self.config = [str(config)] if config else []
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", *self.config, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.port)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=TIMEOUT_SECONDS)

    def pages_kept(self):
        import redis

        return len(redis.Redis(port=self.port).keys("*archive:page:*"))
