"""Every state of an article's text is kept as a version of its own: from an import where the longer text wins,
from an editor's save, from an export; never from links or tagging."""

import importlib
import types

import pytest
import time_machine
from django.apps import apps
from django.db import connection

from archive.importing.loader import import_file
from archive.models import Article, ArticleVersion, Mention, Person, RelatedLink
from tests.support.locations import SEEDS
from tests.support.versioned_archive import (
    ADDED_PARAGRAPH,
    FIRST_TITLE,
    FIXED,
    FIXED_TITLE,
    IMPORTED,
    LEAD_URL,
    LONGER,
    longer_page,
)

pytestmark = pytest.mark.django_db


def versions_of(article):
    return list(ArticleVersion.objects.filter(article=article).order_by("number"))


def test_the_seed_a_longer_text_and_an_editors_title_fix_make_three_versions_with_their_own_texts(versioned):
    first, longer, fixed = versions_of(versioned)

    assert [(v.number, v.valid_from, v.cause) for v in (first, longer, fixed)] == [
        (1, IMPORTED, "import"),
        (2, LONGER, "import"),
        (3, FIXED, "edit"),
    ]
    assert (first.source.name, longer.source.name, fixed.source, fixed.editor_name) == (
        "seed.txt",
        "later-save.txt",
        None,
        "editor",
    )
    assert [v.title for v in (first, longer, fixed)] == [FIRST_TITLE, FIRST_TITLE, FIXED_TITLE]
    assert ADDED_PARAGRAPH not in first.body
    assert longer.body.endswith(ADDED_PARAGRAPH) and fixed.body == longer.body == versioned.body
    assert (versioned.version_count, versioned.text_since) == (3, FIXED)


def test_each_version_has_its_own_address_showing_its_own_text(versioned, client):
    pages = [client.get(f"{LEAD_URL}versions/{number}/") for number in (1, 2, 3)]

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert [page.context["version"].title for page in pages] == [FIRST_TITLE, FIRST_TITLE, FIXED_TITLE]
    assert [ADDED_PARAGRAPH in page.content.decode() for page in pages] == [False, True, True]


def test_an_earlier_version_says_a_newer_text_exists_and_links_to_it(versioned, client):
    former = client.get(f"{LEAD_URL}versions/1/").content.decode()
    present = client.get(f"{LEAD_URL}versions/3/").content.decode()

    assert "A newer text of this article exists." in former
    assert f'<a href="{LEAD_URL}">Read the current text</a>' in former
    assert "A newer text" not in present and "This is the present text of the article, version 3" in present


def test_the_article_page_says_since_when_its_text_stands_and_links_to_earlier_versions(versioned, client):
    page = client.get(LEAD_URL).content.decode()

    assert 'This text since <time datetime="2026-06-01T08:15:00Z">1 June 2026, 11:15</time>' in page
    assert f'<a href="{LEAD_URL}versions/">earlier versions of this text</a>' in page


def test_an_article_with_one_version_links_to_none(gazetteer, client):
    import_file("seed.txt", next(SEEDS.glob("*.txt")).read_bytes())
    page = client.get(LEAD_URL).content.decode()

    assert "This text since" in page
    assert "earlier versions" not in page


def test_the_version_list_names_every_version_and_each_comparison(versioned, client):
    page = client.get(f"{LEAD_URL}versions/").content.decode()

    for number in (1, 2, 3):
        assert f'<a href="{LEAD_URL}versions/{number}/">Version {number}</a>' in page
    assert f'<a href="{LEAD_URL}versions/1/compare/2/">From version 1 to version 2</a>' in page
    assert f'<a href="{LEAD_URL}versions/2/compare/3/">From version 2 to version 3</a>' in page


def test_the_comparison_marks_removed_and_added_words_in_words_not_colour_alone(versioned, client):
    page = client.get(f"{LEAD_URL}versions/1/compare/3/").content.decode()

    hidden = '<span class="visually-hidden">'
    assert f"be <del>{hidden}[removed: </span>in{hidden}]</span></del>" in page
    assert f"<ins>{hidden}[added: </span>at the epicentre of{hidden}]</span></ins> the" in page
    assert f"<ins>{hidden}[added: </span>\n\n{ADDED_PARAGRAPH}{hidden}]</span></ins>" in page


def test_a_later_version_against_an_earlier_one_is_not_a_comparison(versioned, client):
    assert client.get(f"{LEAD_URL}versions/3/compare/1/").status_code == 404
    assert client.get(f"{LEAD_URL}versions/9/").status_code == 404


def test_re_importing_a_page_or_a_shorter_sighting_makes_no_version(versioned):
    import_file("seed-again.txt", next(SEEDS.glob("*.txt")).read_bytes() + b"\n")
    import_file("later-save-again.txt", longer_page() + b"\n")

    assert len(versions_of(versioned)) == 3


def test_links_and_tagging_make_no_version(versioned, make_article):
    RelatedLink.objects.create(lead=versioned, related=make_article("Another", "2016-05-01"), position=5)
    person = Person.objects.create(slug="somebody", name="Somebody")
    Mention.objects.create(article=versioned, person=person)
    Mention.objects.filter(article=versioned, person=person).delete()

    assert len(versions_of(versioned)) == 3


def test_an_editors_save_that_changes_no_text_makes_no_version(versioned, client, editor):
    from tests.support.editing import change_form_data

    client.force_login(editor)
    change = f"/admin/archive/article/{versioned.pk}/change/"
    assert client.post(change, change_form_data(client.get(change))).status_code == 302

    assert len(versions_of(versioned)) == 3


def test_a_version_is_never_changed_once_written(versioned):
    first = versions_of(versioned)[0]
    first.title = "Something else"

    with pytest.raises(ValueError, match="never changed"):
        first.save()


def test_the_migration_gives_every_article_a_first_version_dated_by_its_import_history(gazetteer):
    migration = importlib.import_module("archive.migrations.0009_first_versions")
    with time_machine.travel(IMPORTED, tick=False):
        import_file("seed.txt", next(SEEDS.glob("*.txt")).read_bytes())
    with time_machine.travel(LONGER, tick=False):
        import_file("later-save.txt", longer_page())
    # As the archive was before versions: no version rows, nothing noted on the articles.
    ArticleVersion.objects.all().delete()
    Article.objects.update(version_count=0, text_since=None)

    migration.first_versions(apps, types.SimpleNamespace(connection=connection))

    lead, related = Article.objects.order_by("published_date")
    assert [(v.article_id, v.number, v.valid_from, v.cause, v.source.name) for v in ArticleVersion.objects.all()] == [
        (lead.pk, 1, LONGER, "import", "later-save.txt"),
        (related.pk, 1, IMPORTED, "import", "seed.txt"),
    ]
    assert (lead.version_count, lead.text_since, related.text_since) == (1, LONGER, IMPORTED)
    assert ArticleVersion.objects.get(article=lead).body == lead.body
