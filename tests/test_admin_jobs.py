"""The admin's pages of background imports: the job list, a job's page and the JSON its script polls, cancelling,
and what editors are told when no worker runs."""

import datetime

import pytest
import time_machine

from archive.importing import workers
from archive.models import ImportJob, JobRejection
from tests.support.editing import IMPORT_URL
from tests.support.jobs import queue_zip, staged_zip

STARTED = datetime.datetime(2026, 5, 4, 12, 0, tzinfo=datetime.UTC)
# The moment the tests look at the job: 30 seconds after it started, with 2 of its 8 files done.
LOOKED_AT = STARTED + datetime.timedelta(seconds=30)
PAGE = b"One commentary\n\nApril 22, 2016\n\nIts only paragraph.\n"
NO_WORKER = "No import worker is running, so imports wait in the queue"


@pytest.fixture
def running_job(editor):
    """A job of 8 files, 2 of them done (10 articles created, one file rejected), started 30 s ago."""
    staged = staged_zip([(f"{n}.txt", b"page") for n in range(8)])
    job = ImportJob.objects.create(
        created_by=editor,
        folder=staged.token,
        description="pages.zip",
        files_total=8,
        files_done=2,
        files_rejected=1,
        created=10,
        status=ImportJob.Status.RUNNING,
        worker="a-worker",
        started_at=STARTED,
    )
    JobRejection.objects.create(
        job=job, position=1, name="pages.zip/1.txt", line=3, error="no dateline", line_text="<b>A paragraph</b>"
    )
    return job


def test_a_job_page_shows_its_progress_and_its_rejections_with_their_line(editor_client, running_job):
    with time_machine.travel(LOOKED_AT, tick=False):
        workers.beat("a-worker")
        response = editor_client.get(f"/admin/archive/importjob/{running_job.pk}/change/")

    html = response.text
    assert response.status_code == 200
    assert '<progress id="job-progress" max="8" value="2">25 %</progress>' in html
    assert '<span data-field="files">2 of 8 files (25 %)</span>' in html
    assert '<dd data-field="remaining">1 min 30 s</dd>' in html
    assert (
        "<tr><td>pages.zip/1.txt</td><td>3</td><td>no dateline</td><td><code>&lt;b&gt;A paragraph&lt;/b&gt;</code>"
        "</td></tr>" in html
    )
    assert f'href="/admin/archive/importjob/{running_job.pk}/change/" id="job-refresh">Refresh</a>' in html
    assert f'data-progress-url="/admin/archive/importjob/{running_job.pk}/progress.json"' in html
    assert NO_WORKER not in html


def test_the_progress_json_gives_the_figures_the_page_shows(editor_client, running_job, django_assert_num_queries):
    with time_machine.travel(LOOKED_AT, tick=False):
        workers.beat("a-worker")
        # The session, its user and the user's permissions (two), the job, its rejections, whether a worker is alive.
        with django_assert_num_queries(7):
            response = editor_client.get(f"/admin/archive/importjob/{running_job.pk}/progress.json")

    progress = response.json()
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert {key: progress[key] for key in ("status", "finished", "files_total", "files_done", "percent")} == {
        "status": "running",
        "finished": False,
        "files_total": 8,
        "files_done": 2,
        "percent": 25,
    }
    assert (progress["created"], progress["files_rejected"], progress["remaining_seconds"]) == (10, 1, 90)
    assert progress["rejections"] == [
        {"name": "pages.zip/1.txt", "line": 3, "error": "no dateline", "line_text": "<b>A paragraph</b>"}
    ]
    assert progress["worker_running"] is True


def test_with_no_worker_running_the_import_page_and_the_job_page_say_so(editor_client, running_job):
    assert NO_WORKER in editor_client.get(IMPORT_URL).text
    assert NO_WORKER in editor_client.get(f"/admin/archive/importjob/{running_job.pk}/change/").text
    assert (
        editor_client.get(f"/admin/archive/importjob/{running_job.pk}/progress.json").json()["worker_running"] is False
    )


def test_with_a_worker_heard_from_lately_the_import_page_says_nothing_of_workers(editor_client):
    workers.beat("a-worker")
    assert NO_WORKER not in editor_client.get(IMPORT_URL).text


def test_cancelling_a_running_job_asks_its_worker_to_stop_before_the_next_file(editor_client, running_job):
    response = editor_client.post(f"/admin/archive/importjob/{running_job.pk}/cancel/")

    assert response.status_code == 302
    running_job.refresh_from_db()
    assert (running_job.status, running_job.cancel_requested) == ("running", True)


def test_a_cancelled_job_says_where_it_stopped(editor_client, running_job):
    ImportJob.objects.filter(pk=running_job.pk).update(status="cancelled", stopped_before="pages.zip/2.txt")

    html = editor_client.get(f"/admin/archive/importjob/{running_job.pk}/change/").text

    assert (
        "Cancelled after 2 of 8 files: those are imported; “pages.zip/2.txt” and the 5 files after it are not." in html
    )
    assert "data-progress-url" not in html


def test_the_job_list_shows_who_started_each_job_when_and_its_outcome(editor_client, running_job):
    html = editor_client.get("/admin/archive/importjob/").text

    assert "editor" in html
    assert "running: 10 created, 0 updated, 0 unchanged; 1 file rejected" in html


def test_staff_without_the_editors_permissions_may_not_see_jobs(client, django_user_model, running_job):
    client.force_login(django_user_model.objects.create_user("staff", password="x", is_staff=True))

    assert client.get(f"/admin/archive/importjob/{running_job.pk}/progress.json").status_code == 403
    assert client.post(f"/admin/archive/importjob/{running_job.pk}/cancel/").status_code == 403


def test_the_import_history_lists_a_jobs_files_each_linked_to_the_job(editor_client, editor):
    job = queue_zip([("a.txt", PAGE), ("b.txt", PAGE.replace(b"One", b"Another"))], user=editor)

    html = editor_client.get(f"/admin/archive/sourcefile/?job__id__exact={job.pk}").text

    assert html.count(f'<a href="/admin/archive/importjob/{job.pk}/change/">Import job {job.pk}</a>') == 2
    assert "pages.zip/a.txt" in html and "pages.zip/b.txt" in html


def test_a_job_page_reads_the_same_few_rows_however_many_files_it_rejected(
    editor_client, running_job, django_assert_num_queries
):
    JobRejection.objects.bulk_create(
        JobRejection(job=running_job, position=n, name=f"{n}.txt", line=1, error="no title") for n in range(2, 7)
    )
    workers.beat("a-worker")
    # The session, its user and the user's permissions (two), the job, its rejections, whether a worker is alive.
    with django_assert_num_queries(7):
        assert editor_client.get(f"/admin/archive/importjob/{running_job.pk}/change/").status_code == 200


def test_a_job_address_that_names_no_job_is_a_404(editor_client, running_job):
    assert editor_client.get("/admin/archive/importjob/not-a-number/change/").status_code == 404
    assert editor_client.get(f"/admin/archive/importjob/{running_job.pk + 1}/change/").status_code == 404
    assert editor_client.get(f"/admin/archive/importjob/{running_job.pk + 1}/progress.json").status_code == 404
