"""The site with its PostgreSQL cluster stopped and started under a serving gunicorn, and with a statement held up
by a lock: the site's own 503 page, and pages back by themselves when the database returns."""

import subprocess
import sys
import time

import pytest

from benchmarks.services import Cluster
from tests.support.locations import ROOT
from tests.support.outage_services import (
    LEAD,
    STATEMENT_TIMEOUT_MS,
    TIMEOUT_SECONDS,
    Site,
    assert_unavailable,
    prepared,
    site_environment,
)


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
