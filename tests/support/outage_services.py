"""What the outage tests stand the site on: production's settings on a database of the test's own, the site
under gunicorn, and a private PostgreSQL cluster and Redis each test can stop and start."""

import http.client
import re
import subprocess
import sys

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


def assert_unavailable(response):
    assert response.status == 503
    assert UNAVAILABLE in response.text
    assert response.getheader("Retry-After") == "30"
    assert "no-store" in response.getheader("Cache-Control")
