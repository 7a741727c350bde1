"""What the fault runs stand the archive on: a private PostgreSQL cluster holding a copy of the corpus, a private
Redis with deploy/redis.conf, and two hosts, each nginx and gunicorn as deploy/ configures them with an index folder
of its own; host A's on a small tmpfs of its own, which the run can make read-only or fill."""

import errno
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connections

from benchmarks.deployment import Deployment
from benchmarks.environment import production_over_http

# Three builds of 100,000 articles fit (the one in use, the one kept for processes moving off it, a new one).
TMPFS_SIZE = "640m"
PAGES_PER_BATCH = 100
RESULT_COUNT = re.compile(r'<p class="result-count">(\d+) article')
TIMEOUT_SECONDS = 600


def copy_database(source_url, cluster):
    """The database at `source_url` restored into the cluster's database, with pg_dump and pg_restore; this
    process's own connection then goes to the copy."""
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "corpus.dump"
        subprocess.run([str(cluster.bin / "pg_dump"), "-Fc", "-f", str(dump), source_url], check=True)
        restore = [str(cluster.bin / "pg_restore"), "--no-owner", "-j", "2", "-d", cluster.url, str(dump)]
        subprocess.run(restore, check=True)
    connections["default"].close()
    connections["default"].settings_dict.update(HOST="127.0.0.1", PORT=cluster.port, NAME="archive")


class Tmpfs:
    """A tmpfs mounted on a folder of its own (mounting needs root)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(self.folder)], check=True)
        self.filler = self.folder / "filler"

    def read_only(self, on):
        subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.folder)], check=True)

    def fill(self):
        """Take every free byte, so that the next write fails with ENOSPC; the bytes it took."""
        chunk = bytes(1 << 20)
        with open(self.filler, "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(chunk)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
        return self.filler.stat().st_size

    def empty(self):
        self.filler.unlink()

    def unmount(self):
        subprocess.run(["umount", str(self.folder)], check=False)


def host_environment(folder, database_url, redis_url, index_dir):
    env = production_over_http(
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_PROXY="1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        ARCHIVE_INDEX_DIR=str(index_dir),
        ARCHIVE_EXPORT_DIR=str(Path(folder) / "exports"),
        # Every request that reaches gunicorn builds its page: the faults are met, not hidden by the page cache.
        ARCHIVE_PAGE_CACHE_SECONDS="0",
    )
    return env


class Host(Deployment):
    """One application host: nginx and gunicorn (deploy/) with the index folder `env` names."""

    def __init__(self, folder, env, workers=2):
        self.log = Path(folder) / "gunicorn.log"
        super().__init__(folder, env, workers, output=None)
        # The archive's own settings, as deployed, whatever settings this command runs under.
        self.env.pop("DJANGO_SETTINGS_MODULE", None)

    def start(self):
        self.output = open(self.log, "w")  # noqa: SIM115 (open while gunicorn runs)
        return super().start()

    def stop(self):
        super().stop()
        self.output.close()

    def logged(self, text):
        """How many lines of gunicorn's output (its own and the archive's log) hold this text."""
        return sum(text in line for line in self.log.read_text().splitlines())

    def manage_output(self, *args, check=True):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=TIMEOUT_SECONDS,
        )
        if check and done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def start_import(self, folder):
        return subprocess.Popen(
            [sys.executable, "manage.py", "import_articles", str(folder)],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def workers(self):
        """The pids of gunicorn's workers, the master's children."""
        master = self.processes[0].pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return sorted(int(pid) for pid in children)

    def index_build(self):
        return (Path(self.env["ARCHIVE_INDEX_DIR"]) / "current").resolve()

    def status_and_count(self, path):
        """(status, the list's count or None) of a page asked of gunicorn directly."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.app_port}{path}", timeout=60) as response:
                found = RESULT_COUNT.search(response.read().decode())
                return response.status, found and int(found[1])
        except urllib.error.HTTPError as error:
            return error.code, None

    def wait_until(self, path, count, deadline=TIMEOUT_SECONDS, build_other_than=None):
        """Seconds until the list at `path` answers 200 with `count` articles (from a build other than this)."""
        started = time.monotonic()
        while self.index_build() == build_other_than or self.status_and_count(path) != (200, count):
            if time.monotonic() - started > deadline:
                raise RuntimeError(f"{path} did not show {count} articles within {deadline} s")
            time.sleep(0.5)
        return time.monotonic() - started

    def logged_statuses(self):
        """{status: count} of every answer gunicorn logged."""
        statuses = re.findall(r'" (\d{3}) ', self.access_log.read_text()) if self.access_log.exists() else []
        return {status: statuses.count(status) for status in sorted(set(statuses))}


def write_batch(folder, generator, corpus, batch):
    """Batch `batch` of new pages past the corpus of `corpus` articles that `generator` (a module of `corpora`)
    made, in a folder; the articles it brings. Consecutive batches share articles: the later lists some of the
    earlier's again."""
    folder = Path(folder)
    folder.mkdir(parents=True)
    made, added = generator.pages_after(corpus, batch * PAGES_PER_BATCH, PAGES_PER_BATCH)
    for name, data in made:
        (folder / name).write_bytes(data)
    return added
