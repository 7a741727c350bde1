"""Other processes and other hosts see a committed change, each on a database of the test's own."""

import itertools
from pathlib import Path

import pytest

from tests.read_index.reading import LEAD, SIMILAR, applied
from tests.support import index_processes


@pytest.mark.parametrize("shared", [True, False], ids=["one-index-folder", "a-folder-each"])
def test_a_page_served_by_another_process_shows_a_command_line_import_at_once(
    shared, database, databases, servers, tmp_path, seed_page_path
):
    """Host A serves the list; host B imports the seed page from the command line and exits.

    Sharing A's index folder, B brings it up to date before it exits, and A only reloads it. With a folder of its
    own, A finds B's changes in the database's change log on its next request and applies them itself.
    """
    served, imported = tmp_path / "a.index", tmp_path / ("a.index" if shared else "b.index")
    server = servers(index_processes.environment(database, served), tmp_path)
    assert server.listed("/articles/?person=nikolai-statkevich") == (0, [])
    assert applied(served) == 0

    done = index_processes.manage(
        index_processes.environment(database, imported), "import_articles", str(seed_page_path)
    )

    assert done.stdout == "created 2, updated 0, unchanged 0, rejected 0 (files read: 1)\n"
    generation = databases.last_change(database)
    assert generation == 2  # a database of its own: the change log holds only the two articles the import made
    assert applied(imported) == generation
    assert applied(served) == (generation if shared else 0)
    assert server.listed("/articles/?person=nikolai-statkevich") == (1, [SIMILAR])
    assert server.listed("/articles/?q=Statkevich") == (1, [SIMILAR])
    assert server.listed("/articles/") == (2, [SIMILAR, LEAD])
    assert applied(served) == generation


def write_pages(folder, name, count):
    """`count` pages, each a lead of 2019 on the economy and a similar item of 2018 on the elections; page n's
    lead names the (n mod 4)th of four persons, its item the next one."""
    folder.mkdir()
    names = ["Lukashenko", "Statkevich", "Putin", "Neklyaev"]
    for number in range(count):
        (folder / f"{name}-{number:02}.txt").write_text(
            f"{name} commentary {number}\n\nMarch {number % 28 + 1}, 2019 10:{number:02}\n\n"
            f"{names[number % 4]} spoke of the economy and its growth.\n\nSimilar articles\n\n"
            f"{name} item {number}\nMay {number % 28 + 1}, 2018\n"
            f"An item on {names[(number + 1) % 4]}, the elections and the vote.\n"
        )


def test_two_processes_importing_at_the_same_time_lose_no_change(database, databases, tmp_path):
    """Two processes, set up and then set off together, import 25 pages each: 50 articles each, as every page
    has a lead and a similar item of its own.

    When both have finished, the index needs no reader to complete it (its build holds the database's last
    change) and it counts, for every person, topic and year, for leads and in all, what the database counts.
    Lukashenko and Statkevich are named by 7 leads and 6 items of a folder's 25 pages (or 6 and 7), Putin and
    Neklyaev by 6 and 6: 26, 26, 24 and 24 articles in the two folders.
    """
    write_pages(tmp_path / "alpha", "Alpha", 25)
    write_pages(tmp_path / "beta", "Beta", 25)
    env = index_processes.environment(database, tmp_path / "index")
    # The index is made before the imports, as on a host that has served pages already.
    assert index_processes.shell_json(env, index_processes.CENSUS)["articles"] == [0, 0]
    first, second = index_processes.start_import_on_cue(env), index_processes.start_import_on_cue(env)

    for process, folder in [(first, "alpha"), (second, "beta")]:
        process.stdin.write(f"{tmp_path / folder}\n")
        process.stdin.flush()
    results = [index_processes.finish(first), index_processes.finish(second)]

    assert results == [(0, "created 50, updated 0, unchanged 0, rejected 0 (files read: 25)\n", "")] * 2
    census = index_processes.shell_json(env, index_processes.CENSUS)
    assert census["applied"] == census["generation"] == databases.last_change(database)
    assert census["articles"] == [100, 100]
    assert census["leads"] == [50, 50]
    assert census["years"] == [[2018, 50, 50], [2019, 50, 50]]
    assert census["persons"] == [
        ["alexander-lukashenko", 26, 26],
        ["nikolai-statkevich", 26, 26],
        ["vladimir-neklyaev", 24, 24],
        ["vladimir-putin", 24, 24],
    ]
    assert census["topics"] == [["economy", 50, 50], ["elections", 50, 50]]
    assert census["facets"] == {
        "persons": [[slug, count] for slug, count, _ in census["persons"]],
        "topics": [[slug, count] for slug, count, _ in census["topics"]],
        "year": [[year, count] for year, count, _ in census["years"]],
    }
    folders = [
        Path(name).parent.name
        for (name,) in databases.rows(database, "SELECT name FROM archive_sourcefile ORDER BY id")
    ]
    assert sorted(folders) == ["alpha"] * 25 + ["beta"] * 25
    if databases.postgresql:
        # The imports did overlap, file by file: in the order the files went in, the folders take turns. SQLite
        # takes one writer at a time and a waiting one seldom gets in between the other's files, so there one
        # process's index catch-up overlaps the other's imports instead.
        assert sum(1 for before, after in itertools.pairwise(folders) if before != after) > 1, folders
