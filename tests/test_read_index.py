"""The read index follows every change to the archive: in the process that made it, in other processes and on
other hosts, after its folder is lost, and under a database made anew.

The seed page holds a lead commentary of 22 April 2016 about Lukashenko, Putin, Vakulchik and Clinton, and one
similar item of 25 September 2017 about Statkevich and Neklyaev (see tests/test_admin_import.py).
"""

import datetime
import io
import itertools
import re
import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.index import lookup, query, store
from archive.models import Article, Decision, Mention, Person
from tests import index_processes
from tests.editing import IMPORT_URL, change_form_data
from tests.locations import PAGES

LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
SIMILAR = "Belarusian authorities resumed arrests of opposition"
LEAD_SLUG = "lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter"


def titles(client, **params):
    """The titles the article list shows for these parameters (given in the list's canonical order), newest first
    unless a search ranks them; every list of these tests fits on its first page."""
    response = client.get("/articles/", params)
    assert response.status_code == 200
    shown = [article.title for article, _, _ in response.context["results"]]
    assert response.context["pagination"].paginator.count == len(shown)
    return shown


def found(client, words):
    """The titles a search finds, newest first, so that equal scores cannot reorder them."""
    return titles(client, q=words, sort="newest")


def post_form(client, url, **changes):
    """Submit an admin form as the editor would, with these fields changed."""
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def changelist_action(client, model, action, selected, **extra):
    url = reverse(f"admin:archive_{model}_changelist")
    return client.post(url, {"action": action, "_selected_action": selected, **extra}, follow=True)


def applied(index_dir):
    """The last change of the database's log that the index folder's current build holds."""
    return int((index_dir / store.CURRENT / store.APPLIED).read_text())


def delete_in_admin(client, model, pk):
    response = client.post(reverse(f"admin:archive_{model}_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302


# 1. A change shows on the list and in search at once, whichever way it is made. Each test first opens the index
# (a list page), so what it shows afterwards comes from following the change, not from a first build.


def test_a_command_line_import_is_listed_and_found_at_once(client, gazetteer, seed_page_path):
    assert titles(client) == []

    call_command("import_articles", str(seed_page_path), stdout=io.StringIO())

    assert titles(client) == [SIMILAR, LEAD]
    assert titles(client, person="nikolai-statkevich") == [SIMILAR]
    assert found(client, "Statkevich") == [SIMILAR]
    assert found(client, "piquancy") == [LEAD]


def test_an_import_confirmed_on_the_admins_import_page_is_listed_and_found_at_once(
    admin_client, gazetteer, seed_page_path
):
    """The preview imports and rolls back: the list shows nothing of it until the editor confirms."""
    upload = SimpleUploadedFile(seed_page_path.name, seed_page_path.read_bytes(), content_type="text/plain")
    preview = admin_client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"})
    assert titles(admin_client) == []
    assert found(admin_client, "Statkevich") == []

    admin_client.post(IMPORT_URL, {"token": preview.context["token"], "confirm": "Confirm import"})

    assert titles(admin_client) == [SIMILAR, LEAD]
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert found(admin_client, "Statkevich") == [SIMILAR]
    assert titles(admin_client, q="piquancy", person="vladimir-putin") == [LEAD]


def test_an_editors_new_title_and_body_are_found_at_once_and_the_old_words_no_longer(admin_client, seeded):
    """The word "piquancy" is in the lead's body alone; the new title and body replace it."""
    lead = Article.objects.get(slug=LEAD_SLUG)
    assert found(admin_client, "piquancy") == [LEAD]

    post_form(
        admin_client,
        reverse("admin:archive_article_change", args=[lead.pk]),
        title="Lukashenko courts the West",
        body="A referendum was announced.",
    )

    assert found(admin_client, "piquancy") == []
    assert found(admin_client, "referendum") == ["Lukashenko courts the West"]
    assert found(admin_client, "courts") == ["Lukashenko courts the West"]
    assert titles(admin_client, person="vladimir-putin") == ["Lukashenko courts the West"]


def test_an_article_deleted_in_the_admin_leaves_the_list_and_its_lead_is_no_longer_a_lead(admin_client, seeded):
    """The similar item was the lead's only one: with it gone, the home page's leads (the index's lead flag) are
    none."""
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert lookup.count(query.Filters(leads_only=True)) == 1

    delete_in_admin(admin_client, "article", Article.objects.get(title=SIMILAR).pk)

    assert titles(admin_client) == [LEAD]
    assert titles(admin_client, person="nikolai-statkevich") == []
    assert found(admin_client, "Statkevich") == []
    assert lookup.count(query.Filters(leads_only=True)) == 0


def test_a_merge_of_two_persons_lists_both_articles_under_the_one_kept(admin_client, seeded):
    """A duplicate "N. Statkevich" added by hand to the lead, with a spelling, "Statkevichus", that no text holds:
    only a person's spellings in the index find it."""
    duplicate = Person.objects.create(slug="n-statkevich", name="N. Statkevich", aliases=["Statkevichus"])
    Mention.objects.create(article=Article.objects.get(slug=LEAD_SLUG), person=duplicate, decision=Decision.ADDED)
    statkevich = Person.objects.get(slug="nikolai-statkevich")
    assert titles(admin_client, person="n-statkevich") == [LEAD]
    assert found(admin_client, "Statkevichus") == [LEAD]

    changelist_action(admin_client, "person", "merge", [statkevich.pk, duplicate.pk], merge_into=statkevich.pk)

    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR, LEAD]
    assert titles(admin_client, person="n-statkevich") == []
    # The duplicate's spellings are the kept person's now: they find both his articles.
    assert found(admin_client, "Statkevichus") == [SIMILAR, LEAD]


def test_a_rejected_mention_leaves_the_persons_list_and_a_confirmed_one_comes_back(admin_client, seeded):
    """The first name of Statkevich's spelling "Мікола Статкевіч" is in no text: only his mention puts it in the
    index."""
    mention = Mention.objects.get(person__slug="nikolai-statkevich")
    assert found(admin_client, "Мікола") == [SIMILAR]

    changelist_action(admin_client, "mention", "reject", [mention.pk])

    assert titles(admin_client, person="nikolai-statkevich") == []
    assert found(admin_client, "Мікола") == []

    changelist_action(admin_client, "mention", "confirm", [mention.pk])

    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert found(admin_client, "Мікола") == [SIMILAR]


def test_a_mention_added_changed_and_deleted_in_its_own_form_shows_at_once(admin_client, seeded):
    """Statkevich added by hand to the lead, then changed to Neklyaev, then deleted. "Мікола" and "Някляеў" are
    spellings of theirs that no text holds."""
    lead = Article.objects.get(slug=LEAD_SLUG)
    statkevich, neklyaev = (Person.objects.get(slug=slug) for slug in ("nikolai-statkevich", "vladimir-neklyaev"))
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]

    post_form(admin_client, reverse("admin:archive_mention_add"), article=lead.pk, person=statkevich.pk)
    added = Mention.objects.get(article=lead, person=statkevich)

    assert added.decision == Decision.ADDED
    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR, LEAD]
    assert found(admin_client, "Мікола") == [SIMILAR, LEAD]

    post_form(admin_client, reverse("admin:archive_mention_change", args=[added.pk]), person=neklyaev.pk)

    assert titles(admin_client, person="nikolai-statkevich") == [SIMILAR]
    assert titles(admin_client, person="vladimir-neklyaev") == [SIMILAR, LEAD]
    assert found(admin_client, "Мікола") == [SIMILAR]
    assert found(admin_client, "Някляеў") == [SIMILAR, LEAD]

    delete_in_admin(admin_client, "mention", added.pk)

    assert titles(admin_client, person="vladimir-neklyaev") == [SIMILAR]
    assert found(admin_client, "Някляеў") == [SIMILAR]


def test_a_mention_moved_to_another_article_in_its_form_leaves_the_article_it_was_in(admin_client, seeded):
    """Neklyaev's mention moved from the similar item to the lead: the similar item is no longer his."""
    mention = Mention.objects.get(person__slug="vladimir-neklyaev")
    lead = Article.objects.get(slug=LEAD_SLUG)
    assert titles(admin_client, person="vladimir-neklyaev") == [SIMILAR]

    post_form(admin_client, reverse("admin:archive_mention_change", args=[mention.pk]), article=lead.pk)

    assert titles(admin_client, person="vladimir-neklyaev") == [LEAD]
    assert found(admin_client, "Някляеў") == [LEAD]


@pytest.mark.parametrize("where", ["admin", "shell"])
def test_retag_after_an_alias_is_added_lists_and_finds_every_article_of_the_person(
    where, admin_client, seeded, make_article
):
    """A nickname of Lukashenko's that the gazetteer lacks, "Batka", added in his admin form or saved as a shell
    or a script saves it. Retag tags the parade article, which only calls him so (persons +1, the seed page's two
    articles unchanged); the lead, already his, is found by the new spelling too, as a rebuilt index finds it."""
    parade = make_article("A parade in Minsk", "2018-05-09", body="Batka reviewed the parade.")
    lukashenko = Person.objects.get(slug="alexander-lukashenko")
    assert titles(admin_client, person="alexander-lukashenko") == [LEAD]
    assert found(admin_client, "Batka") == [parade.title]
    if where == "admin":
        aliases = "\n".join([*lukashenko.aliases, "Batka"])
        post_form(admin_client, reverse("admin:archive_person_change", args=[lukashenko.pk]), aliases=aliases)
    else:
        lukashenko.aliases = [*lukashenko.aliases, "Batka"]
        lukashenko.save()
    output = io.StringIO()

    call_command("retag", stdout=output)

    assert output.getvalue() == "3 articles; persons +1 -0; topics +0 -0\n"
    assert titles(admin_client, person="alexander-lukashenko") == [parade.title, LEAD]
    assert found(admin_client, "Batka") == [parade.title, LEAD]
    assert found(admin_client, "Łukašenka") == [parade.title, LEAD]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_change_is_in_the_index_folder_before_any_page_asks(admin_client, seeded, settings):
    """Once an editor's save commits, the process that made it applies it to the index: the build holds the
    database's last change before any list is asked for."""
    assert titles(admin_client) == [SIMILAR, LEAD]
    lead = Article.objects.get(slug=LEAD_SLUG)

    post_form(admin_client, reverse("admin:archive_article_change", args=[lead.pk]), body="A referendum was announced.")

    assert applied(settings.ARCHIVE_INDEX_DIR) == store.generation()
    assert found(admin_client, "referendum") == [LEAD]


# 2. Other processes and other hosts see a committed change: tests/index_processes.py gives each test a database
# of its own that they can open.


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    made = index_processes.Databases(tmp_path_factory.mktemp("databases"))
    yield made
    made.drop_all()


@pytest.fixture
def database(databases):
    """The URL of a database of this test's own, migrated, with the gazetteer and no article."""
    url = databases.new()
    yield url
    databases.drop(url)


@pytest.fixture
def servers():
    """Start a server with `servers(env, folder)`; every server started is stopped at the end of the test."""
    started = []

    def start(env, folder):
        started.append(index_processes.Server(env, folder))
        return started[-1]

    yield start
    for server in started:
        server.stop()


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
    assert generation > 0
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


# 3. An index folder lost from disk is made again; a rebuild is swapped in under open searchers.


@pytest.mark.parametrize("closed", [True, False], ids=["closed-first", "while-open"])
def test_an_index_folder_deleted_from_disk_is_rebuilt_on_first_use(closed, client, seeded, settings):
    assert titles(client, person="nikolai-statkevich") == [SIMILAR]
    if closed:
        store.close()

    shutil.rmtree(settings.ARCHIVE_INDEX_DIR)

    assert titles(client) == [SIMILAR, LEAD]
    assert titles(client, person="nikolai-statkevich") == [SIMILAR]
    assert found(client, "piquancy") == [LEAD]
    assert applied(settings.ARCHIVE_INDEX_DIR) == store.generation()


def test_rebuild_index_prints_the_count_and_swaps_in_a_build_an_open_searcher_outlives(client, seeded, settings):
    """An article written behind the index's back (bulk_create sends no signal, so the log never heard of it) is
    in the new build: 3 articles, where the searcher opened before the rebuild still finds its 2."""
    before = store.searcher(store.generation())
    old_build = (settings.ARCHIVE_INDEX_DIR / store.CURRENT).resolve()
    Article.objects.bulk_create(
        [Article(title="Unrecorded", slug="unrecorded", published_date=datetime.date(2019, 1, 1))]
    )
    assert titles(client) == [SIMILAR, LEAD]
    output = io.StringIO()

    call_command("rebuild_index", stdout=output)

    assert re.fullmatch(
        rf"indexed 3 articles in \d+\.\d s into {re.escape(str(settings.ARCHIVE_INDEX_DIR))}\n", output.getvalue()
    )
    assert (settings.ARCHIVE_INDEX_DIR / store.CURRENT).resolve() != old_build
    assert titles(client) == ["Unrecorded", SIMILAR, LEAD]
    assert before.search(query.of(query.Filters()), 10, count=True).count == 2
    statkevich = before.search(query.of(query.Filters(persons=("nikolai-statkevich",))), 10)
    assert before.fast_field_values("id", [address for _, address in statkevich.hits]) == [
        Article.objects.get(title=SIMILAR).pk
    ]


# 4. Too many persons in a link: the filter is left out with a message, at the cost of the list without it.


def test_200_distinct_persons_answer_the_whole_list_with_a_message_in_the_queries_of_the_list_alone(
    client, seeded, django_assert_max_num_queries
):
    """MAX_SLUGS (10) persons at most combine; past that the parameter is left out, and the page costs no more
    queries than the list without it (the generation, the page's articles, their persons and topics, the facets'
    persons and topics), whatever the link names."""
    assert titles(client) == [SIMILAR, LEAD]
    with CaptureQueriesContext(connection) as unfiltered:
        assert titles(client) == [SIMILAR, LEAD]

    with django_assert_max_num_queries(len(unfiltered)):
        response = client.get("/articles/", {"person": [f"person-{number}" for number in range(200)]})

    assert response.status_code == 200
    assert "<li>Persons: At most 10 can be combined; this link names 200. It was left out.</li>" in response.text
    assert response.context["pagination"].paginator.count == 2
    assert "The archive has no person" not in response.text


def test_200_repeated_identical_persons_count_as_one(client, seeded):
    """The list of the one person, served from the canonical link the repeated one redirects to."""
    response = client.get("/articles/", {"person": ["nikolai-statkevich"] * 200}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [("/articles/?person=nikolai-statkevich", 301)]
    assert response.context["form"].errors == {}
    assert [article.title for article, _, _ in response.context["results"]] == [SIMILAR]


# 5. A database made anew under an index that holds more of the change log than the database has.


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
