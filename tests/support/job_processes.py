"""Import workers in processes of their own, on a database other processes can open (tests/index_processes.py)."""

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.support.index_processes import ROOT, TIMEOUT_SECONDS, environment, manage

# A worker silent for two seconds is taken for gone: a test waits that long, not the site's fifteen seconds.
STALE_SECONDS = 2


def worker_environment(database_url, folder, stale_seconds=STALE_SECONDS):
    env = environment(database_url, Path(folder) / "index")
    env.update(ARCHIVE_IMPORT_UPLOAD_DIR=str(Path(folder) / "uploads"), ARCHIVE_WORKER_STALE_SECONDS=str(stale_seconds))
    return env


def queue(env, *paths):
    """Queue a job of these files; its number."""
    return int(manage(env, "queue_import", *map(str, paths)).stdout.strip())


def start_worker(env, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", "import_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


@contextmanager
def workers_running(env, log, count=1):
    """Start `count` workers; stop those still running when the block ends, however it ends."""
    started = [start_worker(env, log) for _ in range(count)]
    try:
        yield started
    finally:
        for worker in started:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=TIMEOUT_SECONDS)


def job_state(databases, url, job_id):
    """(status, files done, files skipped) of a job, read from outside."""
    sql = f"SELECT status, files_done, files_skipped FROM archive_importjob WHERE id = {int(job_id)}"
    return tuple(databases.rows(url, sql)[0])


def wait_for(condition, what, worker=None):
    deadline = time.monotonic() + TIMEOUT_SECONDS * 3
    while not condition():
        assert worker is None or worker.poll() is None, f"the worker exited while waiting for {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
