"""A database made anew under an index that holds more of the change log than the database has is detected, and
the index rebuilt."""

from archive.index import store
from tests.read_index.reading import applied
from tests.support import index_processes
from tests.support.locations import PAGES


def test_a_database_made_anew_under_an_old_index_is_detected_and_the_index_rebuilt(
    database, databases, tmp_path, seed_page_path
):
    """Three pages (5 articles) imported, then the database made anew, empty but for the gazetteer, and one page
    without similar articles imported: its change log is shorter than the one the index holds."""
    index_dir = tmp_path / "index"
    env = index_processes.environment(database, index_dir)
    index_processes.manage(
        env, "import_articles", str(seed_page_path), str(PAGES / "english_photo.txt"), str(PAGES / "iso_datelines.txt")
    )
    assert index_processes.shell_json(env, index_processes.CENSUS)["articles"] == [5, 5]
    old_generation, old_build = databases.last_change(database), (index_dir / store.CURRENT).resolve()
    assert applied(index_dir) == old_generation

    databases.remake(database)
    index_processes.manage(env, "import_articles", str(PAGES / "no_similar.txt"))

    census = index_processes.shell_json(env, index_processes.CENSUS)
    assert census["generation"] == databases.last_change(database) < old_generation
    assert census["applied"] == census["generation"]
    assert (index_dir / store.CURRENT).resolve() != old_build
    assert census["articles"] == [1, 1]
    assert census["leads"] == [0, 0]
    assert census["persons"] == census["topics"] == []
    assert census["years"] == [[2016, 1, 1]]
