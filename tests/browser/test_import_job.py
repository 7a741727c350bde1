"""An editor uploads a zip of 2,000 pages in Chromium, confirms it, and watches its job's progress bar move to the
end while a worker imports it; the page's figures are the database's.

The site runs under gunicorn and the worker in a process of its own, on a database both can open
(tests/index_processes.py), as in production: the live server of the other browser tests shares the test
process's database, which a worker process cannot open."""

import socket
import subprocess
import sys
import time
import zipfile

import pytest
from playwright.sync_api import expect

from tests.support import index_processes
from tests.support.editing import PASSWORD
from tests.support.index_processes import ROOT, TIMEOUT_SECONDS, manage
from tests.support.job_processes import worker_environment, workers_running

PAGES = 2000
EDITOR = (
    "from django.contrib.auth.models import Group, User; "
    f"editor = User.objects.create_user('editor', password='{PASSWORD}', is_staff=True); "
    "editor.groups.add(Group.objects.get(name='Editors'))"
)


def generated_page(number):
    """A page of one article and nothing else, so that the job's articles are its pages."""
    dateline = f"{2000 + number // 365}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    return (
        f"Generated commentary number {number}\n\n{dateline}\n\nThe text of generated commentary {number}.\n".encode()
    )


@pytest.fixture
def pages_zip(tmp_path):
    path = tmp_path / "year.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(PAGES):
            archive.writestr(f"pages/{number:04d}.txt", generated_page(number))
    return path


@pytest.fixture
def site(tmp_path):
    """(address, database URL, databases) of the site under gunicorn with an import worker beside it."""
    (tmp_path / "databases").mkdir()
    databases = index_processes.Databases(tmp_path / "databases")
    url = databases.new()
    env = worker_environment(url, tmp_path)
    manage(env, "shell", "--no-imports", "-c", EDITOR)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(tmp_path / "site.log", "w") as log, workers_running(env, log):
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for_port(port, server)
            yield f"http://127.0.0.1:{port}", url, databases
        finally:
            server.terminate()
            server.wait(timeout=TIMEOUT_SECONDS)
    databases.drop_all()


def _wait_for_port(port, server):
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while True:
        assert server.poll() is None, "gunicorn exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, "gunicorn did not listen"
            time.sleep(0.1)


def test_an_editor_watches_the_job_of_a_2000_page_zip_advance_to_the_end(site, page, pages_zip, artifacts):
    address, url, databases = site
    page.goto(f"{address}/admin/login/?next=/admin/")
    page.locator("#id_username").fill("editor")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Import pages").click()
    page.get_by_label("Pages").set_input_files(pages_zip)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".import-rest")).to_have_text(
        "And 1980 more files, not shown here: the import reads them as it reads those above."
    )
    page.get_by_role("button", name="Confirm import", exact=True).click()

    bar = page.locator("#job-progress")
    expect(bar).to_have_attribute("max", str(PAGES))
    seen = []
    deadline = time.monotonic() + TIMEOUT_SECONDS * 5
    while not seen or seen[-1] != PAGES:
        assert time.monotonic() < deadline, f"the bar stopped at {seen[-1:]}"
        value = int(bar.get_attribute("value"))
        if not seen or value != seen[-1]:
            seen.append(value)
        time.sleep(0.2)
    page.screenshot(path=artifacts / "editor-import-job.png", full_page=True)

    assert seen == sorted(seen)
    assert len([value for value in seen if 0 < value < PAGES]) >= 3, seen
    # The read index follows the last files before the job is done; the page then loads itself again, whole.
    expect(page.locator('[data-field="status"]')).to_have_text("done", timeout=TIMEOUT_SECONDS * 1000)
    expect(page.locator("#job-refresh")).to_have_count(0)
    ((created, done, rejected),) = databases.rows(
        url, "SELECT created, files_done, files_rejected FROM archive_importjob"
    )
    articles = databases.rows(url, "SELECT COUNT(*) FROM archive_article")[0][0]
    assert (created, done, rejected, articles) == (PAGES, PAGES, 0, PAGES)
    expect(page.locator('[data-field="created"]')).to_have_text(str(PAGES))
    expect(page.locator('[data-field="files"]')).to_have_text(f"{PAGES} of {PAGES} files (100 %)")
