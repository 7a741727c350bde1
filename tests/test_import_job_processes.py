"""Import jobs run by `manage.py import_worker` in processes of their own, on the suite's database engine: a worker
killed with SIGKILL in the middle of a job, and another taking the job up; two workers running overlapping jobs at
the same time."""

import re
import signal
import zipfile

import pytest

from benchmarks import synthetic
from tests.support import index_processes
from tests.support.index_processes import TIMEOUT_SECONDS, manage
from tests.support.job_processes import job_state, queue, wait_for, worker_environment, workers_running

# Enough pages that the test sees the job part way through.
ARTICLES = 750
PAGES = ARTICLES // synthetic.ARTICLES_PER_PAGE


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    made = index_processes.Databases(tmp_path_factory.mktemp("jobs"))
    yield made
    made.drop_all()


def zip_of(path, pages):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in pages:
            archive.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def pages_zip(tmp_path_factory):
    return zip_of(tmp_path_factory.mktemp("zip") / "pages.zip", synthetic.pages(ARTICLES))


@pytest.fixture(scope="module")
def reference(databases, pages_zip, tmp_path_factory):
    """What one uninterrupted job of the zip makes, as export_articles writes it."""
    folder = tmp_path_factory.mktemp("reference")
    url = databases.new()
    env = worker_environment(url, folder)
    job = queue(env, pages_zip)
    manage(env, "import_worker", "--batch", "--interval", "0", "--no-startup-delay")
    assert job_state(databases, url, job) == ("done", PAGES, 0)
    return exported(env, folder / "archive.jsonl")


def exported(env, path):
    manage(env, "export_articles", "-o", str(path))
    return undated(path.read_bytes())


def undated(export):
    """An export with its versions' moments blanked: they are the moments each import ran, whatever it made."""
    return re.sub(rb'"since": "[^"]*"', b'"since": ""', export)


def count(databases, url, table):
    return databases.rows(url, f"SELECT COUNT(*) FROM {table}")[0][0]


def test_a_worker_killed_mid_job_leaves_every_committed_file_and_another_finishes_the_job_as_one_run_would(
    databases, pages_zip, reference, tmp_path
):
    url = databases.new()
    env = worker_environment(url, tmp_path)
    job = queue(env, pages_zip)
    with open(tmp_path / "worker.log", "w") as log, workers_running(env, log) as (worker,):
        wait_for(lambda: job_state(databases, url, job)[1] >= PAGES // 5, "a fifth of the job", worker)
        worker.send_signal(signal.SIGKILL)
        assert worker.wait(timeout=TIMEOUT_SECONDS) == -signal.SIGKILL

    status, done, _ = job_state(databases, url, job)
    assert status == "running" and done < PAGES
    # The job's count moves in each file's transaction: exactly the files it counts are in the history.
    assert count(databases, url, "archive_sourcefile") == done

    with open(tmp_path / "again.log", "w") as log, workers_running(env, log) as (again,):
        wait_for(lambda: job_state(databases, url, job)[0] == "done", "the job taken up again", again)

    assert job_state(databases, url, job) == ("done", PAGES, 0)
    assert exported(env, tmp_path / "after.jsonl") == reference


def test_two_workers_running_overlapping_jobs_at_once_import_each_file_once(databases, tmp_path):
    url = databases.new()
    # Neither worker is to be taken for gone while the other holds the database's write lock.
    env = worker_environment(url, tmp_path, stale_seconds=30)
    pages = list(synthetic.pages(ARTICLES))
    first = queue(env, zip_of(tmp_path / "first.zip", pages[: PAGES * 2 // 3]))
    second = queue(env, zip_of(tmp_path / "second.zip", pages[PAGES // 3 :]))

    with open(tmp_path / "workers.log", "w") as log, workers_running(env, log, count=2) as workers:
        wait_for(
            lambda: {job_state(databases, url, job)[0] for job in (first, second)} == {"done"}, "both jobs", workers[0]
        )

    states = [job_state(databases, url, job) for job in (first, second)]
    assert [(status, done) for status, done, _ in states] == [("done", PAGES * 2 // 3), ("done", PAGES * 2 // 3)]
    # The third of the pages both hold is imported by one job or the other, and skipped by the one that comes second.
    assert sum(skipped for _, _, skipped in states) == PAGES // 3
    assert count(databases, url, "archive_sourcefile") == PAGES
    assert count(databases, url, "archive_article") == ARTICLES
