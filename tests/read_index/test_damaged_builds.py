"""A damaged build of the read index (a segment file cut short or garbled on disk) is never answered from: pages
that need it answer the site's 503 page while a new build is made from the database in the background, then answer
in full."""

import os
import time

import pytest

from archive.index import store
from tests.read_index.reading import LEAD, LEAD_SLUG, SIMILAR, titles
from tests.support.importing import import_path
from tests.support.locations import PAGES

ARTICLE = f"/articles/2016/04/22/{LEAD_SLUG}/"
# The Russian page's lead and its one similar item.
RUSSIAN = "Белорусские власти возобновили аресты оппозиции"
RUSSIAN_SIMILAR = "Лукашенко и Запад"
# Longer than a build of the seed page takes on a loaded machine; a build still missing by then has hung.
REBUILD_DEADLINE_SECONDS = 60
# Committed, so that the thread making a new build sees the archive; the contents of the tables the migrations fill
# (content types, the editors' group) are put back afterwards for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def damage(build, suffix, how):
    """Cut the first segment file with this suffix to half its size, or overwrite 64 bytes in its middle."""
    file = sorted(build.glob(f"*{suffix}"))[0]
    size = file.stat().st_size
    if how == "truncated":
        os.truncate(file, size // 2)
    else:
        with open(file, "r+b") as handle:
            handle.seek(size // 3)
            handle.write(bytes(64))


def assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "The archive is unavailable for a moment" in response.content.decode()


def answered_again(client, path):
    deadline = time.monotonic() + REBUILD_DEADLINE_SECONDS
    while (response := client.get(path)).status_code == 503:
        assert time.monotonic() < deadline, "no new build was made"
        time.sleep(0.1)
    return response


@pytest.mark.parametrize(("suffix", "how"), [(".term", "truncated"), (".store", "garbled"), (".fast", "garbled")])
def test_a_build_damaged_on_disk_answers_503_until_a_new_one_is_made_from_the_database(
    suffix, how, client, seeded, settings
):
    assert titles(client) == [SIMILAR, LEAD]
    damaged = (settings.ARCHIVE_INDEX_DIR / store.CURRENT).resolve()
    store.close()

    damage(damaged, suffix, how)

    assert_unavailable(client.get("/articles/"))
    assert answered_again(client, "/articles/").status_code == 200
    assert (settings.ARCHIVE_INDEX_DIR / store.CURRENT).resolve() != damaged
    assert titles(client) == [SIMILAR, LEAD]
    assert titles(client, person="nikolai-statkevich") == [SIMILAR]
    assert LEAD in client.get(ARTICLE).content.decode()


def test_a_build_that_cannot_take_changes_answers_503_until_it_can_and_then_shows_them(client, seeded, settings):
    """A folder in the writer's lock's place makes the build unwritable, as a read-only or full disk does: the
    import still commits, and the pages never show the archive without it."""
    assert titles(client) == [SIMILAR, LEAD]
    lock = settings.ARCHIVE_INDEX_DIR / store.CURRENT / ".tantivy-writer.lock"
    lock.unlink()
    lock.mkdir()

    assert import_path(PAGES / "russian_dateline.txt").status == "imported"
    assert_unavailable(client.get("/articles/"))

    lock.rmdir()
    assert titles(client) == [RUSSIAN_SIMILAR, SIMILAR, RUSSIAN, LEAD]
