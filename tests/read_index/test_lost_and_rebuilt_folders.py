"""An index folder lost from disk is made again; a rebuild is swapped in under open searchers."""

import datetime
import io
import re
import shutil

import pytest
from django.core.management import call_command

from archive.index import filters, store
from archive.models import Article
from tests.read_index.reading import LEAD, SIMILAR, applied, found, titles


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
    assert before.search(filters.as_query(filters.Filters()), 10, count=True).count == 2
    statkevich = before.search(filters.as_query(filters.Filters(persons=("nikolai-statkevich",))), 10)
    assert before.fast_field_values("id", [address for _, address in statkevich.hits]) == [
        Article.objects.get(title=SIMILAR).pk
    ]
