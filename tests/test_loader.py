"""Loading pages into the archive: identity, merging, links, provenance, and rejected files."""

import datetime
import hashlib
import importlib
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from archive.importing.loader import import_file
from archive.models import Article, ArticleSource, RelatedLink, SourceFile
from tests.support.importing import export, import_path
from tests.support.locations import PAGES

pytestmark = pytest.mark.django_db

SEED_LEAD_URL = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
SEED_ITEM_URL = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"


def page(title, dateline, paragraphs, similar=()):
    """Write a page in the text format: similar is a list of (title, dateline, paragraphs)."""
    lines = [title, "", dateline, "", *"\n\n".join(paragraphs).split("\n"), ""]
    if similar:
        lines += ["Similar articles", ""]
        for item_title, item_dateline, item_paragraphs in similar:
            lines += [item_title, item_dateline, "", *"\n\n".join(item_paragraphs).split("\n"), ""]
    return "\n".join(lines).encode()


def archive_state():
    """Everything the archive holds, as comparable values."""
    return (
        export(),
        list(SourceFile.objects.order_by("sha256").values_list("name", "sha256", "raw_text")),
        list(RelatedLink.objects.order_by("pk").values_list("lead_id", "related_id", "position")),
    )


FULL_Y = ["Y's first paragraph.", "Y's second paragraph.", "Y's third paragraph."]
PAGE_A = page("Lead X", "May 1, 2020 10:00", ["X's only paragraph."], [("Item Y", "April 30, 2020 09:00", FULL_Y[:1])])
PAGE_B = page(
    "Item Y",
    "April 30, 2020 09:00",
    FULL_Y,
    [("Lead X", "May 1, 2020 10:00", ["X's only paragraph."]), ("Item Z", "2020-04-29", ["Z's text."])],
)


def test_the_seed_page_makes_a_lead_and_its_similar_item(seeded):
    assert [outcome.status for outcome in seeded.articles] == ["created", "created"]
    lead = Article.objects.get(published_date=datetime.date(2016, 4, 22))
    item = Article.objects.get(published_date=datetime.date(2017, 9, 25))
    assert lead.get_absolute_url() == SEED_LEAD_URL
    assert item.get_absolute_url() == SEED_ITEM_URL
    assert lead.published_time == datetime.time(18, 26)
    assert (item.photo_caption, item.photo_credit, item.photo_agency) == (
        "Николай Статкевич",
        "Дмитрий Брушко",
        "TUT.BY",
    )
    assert lead.language == item.language == "en"
    assert lead.body_html.count("<p>") == 6
    assert list(lead.related.all()) == [item]
    assert list(item.listed_under.all()) == [lead]


def test_the_seed_page_is_kept_byte_for_byte_with_the_role_of_each_article(seeded, seed_page_path):
    source = SourceFile.objects.get()
    assert source.name == seed_page_path.name
    assert source.sha256 == hashlib.sha256(seed_page_path.read_bytes()).hexdigest()
    assert bytes(source.original) == seed_page_path.read_bytes()
    assert source.raw_text == seed_page_path.read_text(encoding="utf-8")
    assert source.summary["created"] == 2
    roles = ArticleSource.objects.order_by("role").values_list("article__title", "role")
    assert list(roles) == [
        ("Lukashenko aspires to be in the Russo-American conflict’s epicenter", "lead"),
        ("Belarusian authorities resumed arrests of opposition", "related"),
    ]


def test_importing_a_page_twice_changes_nothing(seeded, seed_page_path):
    before = archive_state()
    again = import_path(seed_page_path)
    assert again.status == "unchanged"
    assert archive_state() == before


CRLF_PAGE = b"\xef\xbb\xbfA page from Windows\r\n\r\nMay 5, 2019\r\n\r\nIts only paragraph, with no final newline."


def test_a_page_with_a_byte_order_mark_and_crlf_line_ends_is_kept_as_those_bytes_and_read_as_lf_text():
    import_file("windows.txt", CRLF_PAGE)

    source = SourceFile.objects.get()
    assert bytes(source.original) == CRLF_PAGE
    assert source.sha256 == hashlib.sha256(CRLF_PAGE).hexdigest()
    assert source.raw_text == "A page from Windows\n\nMay 5, 2019\n\nIts only paragraph, with no final newline."
    assert import_file("windows-again.txt", CRLF_PAGE).status == "unchanged"


def test_a_page_imported_before_bytes_were_kept_gets_them_back_only_where_its_text_gives_its_sha256(seed_page_path):
    migration = importlib.import_module("archive.migrations.0007_sourcefile_original")
    import_path(seed_page_path)
    import_file("windows.txt", CRLF_PAGE)
    SourceFile.objects.update(original=b"")

    migration.keep_recoverable_originals(apps, None)

    originals = dict(SourceFile.objects.values_list("name", "original"))
    assert {name: bytes(data) for name, data in originals.items()} == {
        seed_page_path.name: seed_page_path.read_bytes(),
        "windows.txt": b"",
    }


def test_the_same_bytes_under_another_name_are_recognised(seeded, seed_page_path):
    again = import_file("copy-of-the-seed.txt", seed_page_path.read_bytes())
    assert again.status == "unchanged"
    assert SourceFile.objects.count() == 1


def test_a_page_listing_a_known_article_adds_the_link_not_a_copy():
    import_file("a.txt", PAGE_A)
    result = import_file("b.txt", PAGE_B)
    assert [(o.title, o.status) for o in result.articles] == [
        ("Item Y", "updated"),
        ("Lead X", "unchanged"),
        ("Item Z", "created"),
    ]
    assert result.articles[0].changes == ["body"]
    assert Article.objects.count() == 3
    x, y = Article.objects.get(title="Lead X"), Article.objects.get(title="Item Y")
    assert list(x.related.all()) == [y]
    assert [a.title for a in y.related.order_by("listed_links__position")] == ["Lead X", "Item Z"]
    assert sorted(ArticleSource.objects.filter(article=y).values_list("source__name", "role")) == [
        ("a.txt", "related"),
        ("b.txt", "lead"),
    ]


@pytest.mark.parametrize("order", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_a_shortened_sighting_never_replaces_the_full_text(order):
    pages = {"a.txt": PAGE_A, "b.txt": PAGE_B}
    for name in order:
        import_file(name, pages[name])
    y = Article.objects.get(title="Item Y")
    assert y.body == "\n\n".join(FULL_Y)
    assert y.summary == "Y's first paragraph."


def present_state():
    """The export without the articles' versions: their history records the order pages came in, by design."""
    return [{k: v for k, v in json.loads(line).items() if k != "versions"} for line in export().splitlines()]


def test_the_archive_does_not_depend_on_the_order_pages_arrive():
    import_file("a.txt", PAGE_A)
    import_file("b.txt", PAGE_B)
    a_then_b = present_state()
    Article.objects.all().delete()
    SourceFile.objects.all().delete()
    import_file("b.txt", PAGE_B)
    import_file("a.txt", PAGE_A)
    assert present_state() == a_then_b


def test_titles_that_differ_in_case_quotes_and_spacing_are_one_article():
    import_file("one.txt", page("Lukashenko’s “dialogue”", "May 1, 2020", ["Short."]))
    result = import_file("two.txt", page('LUKASHENKO\'S  "Dialogue"', "May 1, 2020 12:00", ["Short.", "Longer."]))
    assert [o.status for o in result.articles] == ["updated"]
    article = Article.objects.get()
    assert (article.title, article.published_time) == ('LUKASHENKO\'S  "Dialogue"', datetime.time(12, 0))
    assert article.slug == "lukashenkos-dialogue"


def test_the_same_title_on_another_day_is_another_article():
    import_file("one.txt", page("Weekly review", "May 1, 2020", ["One."]))
    import_file("two.txt", page("Weekly review", "May 8, 2020", ["Two."]))
    assert sorted(Article.objects.values_list("slug", "published_date")) == [
        ("weekly-review", datetime.date(2020, 5, 1)),
        ("weekly-review", datetime.date(2020, 5, 8)),
    ]


def test_two_titles_with_one_slug_on_one_day_get_distinct_urls():
    import_file("one.txt", page("Belarus: the West", "May 1, 2020", ["One."]))
    import_file("two.txt", page("Belarus — the West?", "May 1, 2020", ["Two."]))
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["belarus-the-west", "belarus-the-west-2"]


def test_cyrillic_titles_get_readable_latin_slugs_and_russian_language():
    import_path(PAGES / "russian_dateline.txt")
    lead = Article.objects.get(published_date=datetime.date(2017, 9, 25))
    item = Article.objects.get(published_date=datetime.date(2020, 5, 12))
    assert lead.get_absolute_url() == "/articles/2017/09/25/belorusskie-vlasti-vozobnovili-aresty-oppozitsii/"
    assert (lead.language, item.language) == ("ru", "ru")
    assert item.published_time is None
    assert item.published == datetime.date(2020, 5, 12)


def test_markup_in_an_imported_page_never_becomes_markup():
    import_path(PAGES / "markup.txt")
    article = Article.objects.get()
    assert "<script" not in article.body_html
    assert '&lt;script&gt;alert("x")&lt;/script&gt; is text, and so are *stars*' in article.body_html
    assert article.summary.startswith('<script>alert("x")</script> is text')


@pytest.mark.parametrize("bad", ["error_no_title.txt", "error_not_utf8.txt", "error_binary.txt", "error_empty.txt"])
def test_a_rejected_file_leaves_the_archive_exactly_as_it_was(seeded, bad):
    before = archive_state()
    result = import_path(PAGES / bad)
    assert result.status == "rejected"
    assert archive_state() == before


def test_a_dry_run_reports_what_would_happen_and_writes_nothing(seeded):
    before = archive_state()
    result = import_file("b.txt", PAGE_B, dry_run=True)
    assert [o.status for o in result.articles] == ["created", "created", "created"]
    assert archive_state() == before


def test_the_import_command_counts_and_names_each_rejected_file(tmp_path, seed_page_path, capsys):
    (tmp_path / "seed.txt").write_bytes(seed_page_path.read_bytes())
    (tmp_path / "bad.txt").write_bytes((PAGES / "error_no_dateline.txt").read_bytes())
    (tmp_path / "notes.md").write_text("not a page, not imported")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_status:
        call_command("import_articles", str(tmp_path), stdout=out, stderr=err)
    assert exit_status.value.code == 1
    assert out.getvalue() == "created 2, updated 0, unchanged 0, rejected 1 (files read: 2)\n"
    assert err.getvalue() == (
        f"rejected {tmp_path / 'bad.txt'}:3: the lead's title must be followed by its dateline; "
        "found 'A paragraph where the dateline should be.'\n"
    )
    assert Article.objects.count() == 2


def test_the_import_command_exits_zero_when_nothing_was_rejected(seed_page_path):
    out = StringIO()
    call_command("import_articles", str(seed_page_path), stdout=out)
    assert out.getvalue() == "created 2, updated 0, unchanged 0, rejected 0 (files read: 1)\n"


def test_an_editors_corrected_title_still_recognises_the_original_page(seeded, seed_page_path):
    lead = Article.objects.get(published_date=datetime.date(2016, 4, 22))
    lead.title = "Lukashenko aspires to be at the epicentre of the Russian–American conflict"
    lead.save()
    result = import_file("seed-saved-again.txt", seed_page_path.read_bytes() + b"\n")
    assert [outcome.status for outcome in result.articles] == ["unchanged", "unchanged"]
    assert Article.objects.count() == 2
    assert Article.objects.get(pk=lead.pk).title == lead.title


def test_a_page_whose_title_is_too_long_to_store_is_rejected_at_its_line_and_writes_nothing():
    result = import_file("long.txt", page("Lukashenko " * 50, "April 22, 2016", ["Body."]))

    assert (result.status, result.line, result.error) == (
        "rejected",
        1,
        "the title is 549 characters long; at most 500 are kept",
    )
    assert (Article.objects.count(), SourceFile.objects.count()) == (0, 0)
