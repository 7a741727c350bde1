"""Imports in other processes, interrupted or at the same time as each other, on the suite's database engine
(tests/index_processes.py gives each test a database of its own that other processes can open).

An import killed with SIGKILL in the middle of a file leaves nothing of that file, and running it again completes
it; two imports of the same files at the same time make the archive that one import makes, byte for byte as
export_articles writes it.
"""

import re
import signal
import subprocess
import sys
import time

import pytest

from benchmarks import synthetic
from tests.support import index_processes
from tests.support.index_processes import ROOT, TIMEOUT_SECONDS, environment, finish, manage, start_import_on_cue

# Enough that importing their export takes seconds: the test kills the import while it writes.
ARTICLES = 1500


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    made = index_processes.Databases(tmp_path_factory.mktemp("imports"))
    yield made
    made.drop_all()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """A folder of synthetic pages in the seed format, five articles a page."""
    folder = tmp_path_factory.mktemp("pages")
    for name, data in synthetic.pages(ARTICLES):
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def reference(databases, pages, tmp_path_factory):
    """What one import of the pages makes, as export_articles writes it: a large JSON Lines export."""
    folder = tmp_path_factory.mktemp("reference")
    env = environment(databases.new(), folder / "index")
    manage(env, "import_articles", str(pages))
    manage(env, "export_articles", "-o", str(folder / "archive.jsonl"))
    return folder / "archive.jsonl"


def exported(env, path):
    manage(env, "export_articles", "-o", str(path))
    return path.read_bytes()


def undated(export):
    """An export with its versions' moments blanked: they are the moments each import ran, whatever it made."""
    return re.sub(rb'"since": "[^"]*"', b'"since": ""', export)


def table_counts(databases, url):
    """The number of rows of each of the archive's tables."""
    if databases.postgresql:
        listed = "SELECT tablename FROM pg_tables WHERE tablename LIKE 'archive_%' ORDER BY tablename"
    else:
        listed = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'archive_%' ORDER BY name"
    return {
        table: databases.rows(url, f'SELECT COUNT(*) FROM "{table}"')[0][0] for (table,) in databases.rows(url, listed)
    }


def writing(databases, url):
    """Whether a transaction is writing to the database: on PostgreSQL one that has written a row (it has a
    transaction id); on SQLite one that holds the write lock, which an import takes before its first row."""
    if databases.postgresql:
        name = databases._name(url)
        active = f"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '{name}' AND backend_xid IS NOT NULL"
        return databases.rows(url, active)[0][0] > 0
    import sqlite3

    probe = sqlite3.connect(databases._name(url), timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return True
    finally:
        probe.close()


def test_an_import_killed_in_the_middle_of_a_file_leaves_nothing_of_it_and_running_it_again_completes_it(
    databases, reference, tmp_path
):
    url = databases.new()
    env = environment(url, tmp_path / "index")
    before = table_counts(databases, url)
    importer = subprocess.Popen(
        [sys.executable, "manage.py", "import_articles", str(reference)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not writing(databases, url):
        assert importer.poll() is None and time.monotonic() < deadline, "the import ended before it was seen writing"
        time.sleep(0.01)
    # Well into the file: rows of many articles are written, none committed.
    time.sleep(0.2)
    importer.send_signal(signal.SIGKILL)

    assert importer.wait(timeout=TIMEOUT_SECONDS) == -signal.SIGKILL
    assert table_counts(databases, url) == before

    assert "created 1500, updated 0, unchanged 0, rejected 0" in manage(env, "import_articles", str(reference)).stdout
    assert exported(env, tmp_path / "again.jsonl") == reference.read_bytes()


def test_two_imports_of_the_same_pages_at_the_same_time_make_the_archive_one_import_makes(
    databases, pages, reference, tmp_path
):
    env = environment(databases.new(), tmp_path / "index")
    importers = [start_import_on_cue(env), start_import_on_cue(env)]

    for importer in importers:
        importer.stdin.write(f"{pages}\n")
        importer.stdin.flush()
    finished = [finish(importer) for importer in importers]

    assert [code for code, _, _ in finished] == [0, 0], finished
    assert undated(exported(env, tmp_path / "both.jsonl")) == undated(reference.read_bytes())
