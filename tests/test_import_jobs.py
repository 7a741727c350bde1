"""Background import jobs, run by the job service as the worker runs them: each file its own transaction through
the one importer, the job's counts moving with it; cancelling; overlapping jobs; jobs of a worker gone silent."""

import datetime
from itertools import islice

import pytest
from django.db import OperationalError
from django.utils import timezone

from archive.importing import jobs, workers
from archive.importing.uploads import Staged
from archive.models import Article, ImportJob, SourceFile, WorkerHeartbeat
from benchmarks import synthetic
from tests.support.jobs import queue_zip, staged_zip

NO_DATELINE = b"A title without a dateline\n\nA paragraph where the dateline should be.\n"


@pytest.fixture
def pages():
    """Six synthetic pages of five articles each, every page after the first naming the lead before it."""
    return list(synthetic.pages(30))


def test_a_job_imports_every_page_of_its_zip_each_file_linked_to_it(db, pages, editor):
    job = queue_zip(pages, user=editor)

    job.refresh_from_db()
    assert (job.status, job.files_total, job.files_done, job.files_rejected) == ("done", 6, 6, 0)
    # Each page after the first lists the previous lead again, shortened: unchanged, not created twice.
    assert (job.created, job.updated, job.unchanged) == (30, 0, 5)
    assert Article.objects.count() == 30
    assert list(SourceFile.objects.order_by("name").values_list("name", "job", "imported_by")) == [
        (f"pages.zip/{name}", job.pk, editor.pk) for name, _ in pages
    ]
    assert job.started_at <= job.finished_at
    assert not Staged(job.folder).folder.exists()


def test_a_rejected_file_is_reported_with_its_line_while_the_others_are_imported(db, pages):
    job = queue_zip([*pages[:2], ("bad.txt", NO_DATELINE), *pages[2:3]])

    job.refresh_from_db()
    assert (job.status, job.files_done, job.files_rejected, job.created) == ("done", 4, 1, 15)
    assert list(job.rejections.values_list("position", "name", "line", "error", "line_text")) == [
        (
            2,
            "pages.zip/bad.txt",
            3,
            "the lead's title must be followed by its dateline; found 'A paragraph where the dateline should be.'",
            "A paragraph where the dateline should be.",
        )
    ]
    assert SourceFile.objects.count() == 3


def test_a_cancelled_job_keeps_the_files_it_committed_and_says_where_it_stopped(db, pages, monkeypatch):
    imported = []
    real_import = jobs.import_file

    def import_then_cancel(name, data, **kwargs):
        result = real_import(name, data, **kwargs)
        imported.append(name)
        if len(imported) == 2:
            jobs.cancel(kwargs["job"])
        return result

    monkeypatch.setattr(jobs, "import_file", import_then_cancel)
    job = queue_zip(pages)

    job.refresh_from_db()
    assert (job.status, job.files_done, job.stopped_before) == ("cancelled", 2, f"pages.zip/{pages[2][0]}")
    assert imported == [f"pages.zip/{name}" for name, _ in pages[:2]]
    assert SourceFile.objects.count() == 2
    assert Article.objects.count() == 10


def test_a_job_cancelled_while_queued_imports_nothing_and_its_upload_is_removed(db, pages):
    staged = staged_zip(pages)
    job = ImportJob.objects.create(folder=staged.token, description="pages.zip", files_total=6)

    jobs.cancel(job)
    jobs.run(job.pk, worker="a-worker")

    job.refresh_from_db()
    assert (job.status, job.files_done, job.stopped_before) == ("cancelled", 0, f"pages.zip/{pages[0][0]}")
    assert not staged.folder.exists()
    assert SourceFile.objects.count() == 0


def test_two_jobs_with_overlapping_files_import_each_file_once(db, pages):
    first = queue_zip(pages[:4], name="first.zip")
    second = queue_zip(pages[2:], name="second.zip")

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.files_done, first.files_skipped, first.created) == (4, 0, 20)
    assert (second.files_done, second.files_skipped, second.created) == (4, 2, 10)
    assert sorted(SourceFile.objects.values_list("name", "job")) == [
        *((f"first.zip/{name}", first.pk) for name, _ in pages[:4]),
        *((f"second.zip/{name}", second.pk) for name, _ in pages[4:]),
    ]
    assert Article.objects.count() == 30


def test_a_job_taken_up_again_goes_on_after_the_files_it_committed(db, pages):
    """As after its worker was killed: two files committed with the job's counts, the third never begun."""
    staged = staged_zip(pages)
    job = ImportJob.objects.create(folder=staged.token, description="pages.zip", files_total=6, worker="killed")
    job.status = ImportJob.Status.RUNNING
    job.save()
    for position, name, read in islice(staged.pages(), 2):
        jobs._step(job, position, name, read)

    assert workers.recover_orphans(lambda job_id: jobs.run(job_id, worker="another")) == [job.pk]

    job.refresh_from_db()
    assert (job.status, job.worker, job.files_done, job.created, job.unchanged) == ("done", "another", 6, 30, 5)
    assert SourceFile.objects.filter(job=job).count() == 6


def test_the_job_of_a_worker_still_heard_from_is_left_to_it(db, pages):
    staged = staged_zip(pages)
    job = ImportJob.objects.create(
        folder=staged.token, description="pages.zip", files_total=6, worker="alive", status=ImportJob.Status.RUNNING
    )
    workers.beat("alive")

    assert workers.recover_orphans(lambda job_id: pytest.fail("queued again")) == []
    job.refresh_from_db()
    assert (job.status, job.worker) == ("running", "alive")


def test_a_worker_counts_as_running_only_while_its_heartbeat_is_recent(db, settings):
    settings.ARCHIVE_WORKER_STALE_SECONDS = 15
    assert workers.any_running() is False
    workers.beat("a-worker")
    assert workers.any_running() is True
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - datetime.timedelta(seconds=16))
    assert workers.any_running() is False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_file_the_database_failed_under_is_tried_again_once_it_answers_and_imported_once(pages, monkeypatch):
    failures = []
    real_import = jobs.import_file

    def failing_once(name, data, **kwargs):
        if not failures:
            failures.append(name)
            raise OperationalError("server closed the connection unexpectedly")
        return real_import(name, data, **kwargs)

    monkeypatch.setattr(jobs, "import_file", failing_once)
    monkeypatch.setattr(jobs, "RETRY_SECONDS", 0)
    staged = staged_zip(pages[:3])
    job = ImportJob.objects.create(folder=staged.token, description="pages.zip", files_total=3)

    jobs.run(job.pk, worker="a-worker")

    job.refresh_from_db()
    assert failures == [f"pages.zip/{pages[0][0]}"]
    assert (job.status, job.files_done, job.created) == ("done", 3, 15)
    assert SourceFile.objects.count() == 3
