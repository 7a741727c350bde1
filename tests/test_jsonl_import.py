"""Importing a JSON Lines export as a stream: all or nothing however long it is, one chunk in memory at a time."""

import datetime
import io
import json
import weakref
from io import StringIO

import pytest
from django.core.management import call_command

from archive.importing import effects, records
from archive.importing.loader import import_file
from archive.models import (
    Article,
    ArticleSource,
    Change,
    Mention,
    Person,
    RelatedLink,
    SlugRedirect,
    SourceFile,
    Topic,
)
from tests.support.importing import export

pytestmark = pytest.mark.django_db

RECORDS = 1200
FIRST_DAY = datetime.date(2015, 1, 1)


def url(number):
    day = FIRST_DAY + datetime.timedelta(days=number // 3)
    return f"/articles/{day:%Y/%m/%d}/commentary-{number:05d}/"


def record(number, total=RECORDS):
    """An export line whose similar articles lie on both sides of it, so that links cross chunks both ways."""
    day = FIRST_DAY + datetime.timedelta(days=number // 3)
    return {
        "url": url(number),
        "title": f"Commentary {number:05d}",
        "published": f"{day.isoformat()}T10:{number % 60:02d}:00+03:00",
        "language": "en",
        "body": f"The first paragraph of commentary {number}.\n\nIts second paragraph.",
        "photo": None,
        "persons": [{"slug": f"person-{number % 7}", "name": f"Person {number % 7}", "decision": "found"}],
        "topics": [{"slug": f"topic-{number % 3}", "name": f"Topic {number % 3}", "decision": "confirmed"}],
        "persons_rejected": [{"slug": "person-6", "name": "Person 6"}] if number % 7 != 6 else [],
        "topics_rejected": [],
        "related": [url((number + step) % total) for step in (1, 500, total - 1)],
        "listed_under": [],
        "sources": [{"file": f"page-{number // 5:05d}.txt", "sha256": f"{number // 5:064x}", "role": "lead"}],
    }


def lines(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


@pytest.fixture
def large_export():
    return lines(record(number) for number in range(RECORDS))


def archive_counts():
    models = [Article, RelatedLink, Mention, Person, Topic, SourceFile, ArticleSource, Change]
    return {model.__name__: model.objects.count() for model in models}


def test_a_large_export_is_imported_whole_and_exports_the_same_bytes_again(large_export):
    result = import_file("archive.jsonl", large_export)
    assert (result.status, result.counts) == ("imported", {"created": RECORDS})
    assert RelatedLink.objects.count() == 3 * RECORDS
    first = export()
    Article.objects.all().delete()
    SourceFile.objects.all().delete()
    assert import_file("archive.jsonl", first.encode()).status == "imported"
    assert export() == first


def test_a_bad_record_on_the_last_line_rejects_the_file_before_anything_is_written(large_export):
    bad = large_export + lines([record(RECORDS) | {"language": "xx"}])
    before = archive_counts()
    result = import_file("archive.jsonl", bad)
    assert (result.status, result.line) == ("rejected", RECORDS + 1)
    assert result.error == "language 'xx' is not one of be, en, ru"
    assert archive_counts() == before


def test_a_missing_similar_article_on_the_last_line_undoes_every_chunk_written(large_export, monkeypatch):
    monkeypatch.setattr(records, "EXPORT_CHUNK", 100)
    missing = "/articles/2030/01/01/nowhere/"
    bad = large_export + lines([record(RECORDS) | {"related": [missing]}])
    before = archive_counts()
    result = import_file("archive.jsonl", bad)
    assert (result.status, result.line) == ("rejected", RECORDS + 1)
    assert result.error == f"the similar article {missing} is neither in this export nor in the archive"
    assert archive_counts() == before


def test_the_loader_holds_one_chunk_of_records_at_a_time(large_export, monkeypatch):
    monkeypatch.setattr(records, "EXPORT_CHUNK", 100)
    alive, most, chunks = [0], [0], []
    parse, upsert = records.parse_record, records.upsert

    def gone():
        alive[0] -= 1

    def counted_parse(text, line):
        parsed = parse(text, line)
        alive[0] += 1
        most[0] = max(most[0], alive[0])
        weakref.finalize(parsed, gone)
        return parsed

    def counted_upsert(incoming, source, cause):
        chunks.append(len(incoming))
        return upsert(incoming, source, cause)

    monkeypatch.setattr(records, "parse_record", counted_parse)
    monkeypatch.setattr(records, "upsert", counted_upsert)
    result = import_file("archive.jsonl", io.BytesIO(large_export))
    assert result.status == "imported"
    assert chunks == [100] * 12
    assert most[0] == 100
    # Nor does what the import keeps afterwards grow with the file: counts, no outcome for every article.
    assert result.articles == []
    assert SourceFile.objects.get(name="archive.jsonl").summary == {"created": RECORDS, "records": RECORDS}


def test_every_article_is_noted_in_the_change_log_chunk_by_chunk(large_export, monkeypatch):
    monkeypatch.setattr(records, "EXPORT_CHUNK", 100)
    calls = []
    record_changes = effects.recording.record
    monkeypatch.setattr(effects.recording, "record", lambda ids=(): calls.append(list(ids)) or record_changes(ids))
    import_file("archive.jsonl", large_export)
    # The others are the new persons' and topics' own saves, which name no article.
    chunks = [ids for ids in calls if ids]
    assert len(chunks) == 12
    assert {pk for ids in chunks for pk in ids} == set(Article.objects.values_list("pk", flat=True))


class Interrupted(BaseException):
    """As a KeyboardInterrupt would, in the middle of the file."""


def test_an_interrupted_import_leaves_nothing_and_completes_when_run_again(large_export, monkeypatch, tmp_path):
    monkeypatch.setattr(records, "EXPORT_CHUNK", 100)
    path = tmp_path / "archive.jsonl"
    path.write_bytes(large_export)
    restore_sources, written = records.restore_sources, []

    def interrupted_after_five_chunks(pairs, export):
        if len(written) == 5:
            raise Interrupted
        written.append(len(pairs))
        restore_sources(pairs, export)

    before = archive_counts()
    monkeypatch.setattr(records, "restore_sources", interrupted_after_five_chunks)
    with pytest.raises(Interrupted):
        import_file(str(path), path)
    assert archive_counts() == before

    monkeypatch.setattr(records, "restore_sources", restore_sources)
    result = import_file(str(path), path)
    assert (result.status, result.counts) == ("imported", {"created": RECORDS})
    assert Article.objects.count() == RECORDS


def test_the_command_reads_an_export_from_its_path_and_knows_it_again_by_its_hash(large_export, tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(large_export)
    out = StringIO()
    call_command("import_articles", str(path), stdout=out)
    call_command("import_articles", str(path), stdout=out)
    assert [line for line in out.getvalue().splitlines() if line.startswith("created")] == [
        "created 1200, updated 0, unchanged 0, rejected 0 (files read: 1)",
        "created 0, updated 0, unchanged 0, rejected 0 (files read: 1)",
    ]
    # Only its name and hash: the articles it brought are the archive's, and exporting gives its bytes again.
    assert SourceFile.objects.get(name=str(path)).raw_text == ""


def test_a_record_stored_under_another_url_is_still_found_by_the_links_to_it(make_article):
    """The archive already holds the similar item under another slug, and another article at the item's URL."""
    make_article("Item Y", "2020-04-30", slug="item-y")
    make_article("Something else", "2020-04-30", slug="item-y-exported")
    item = record(1) | {"url": "/articles/2020/04/30/item-y-exported/", "title": "Item Y", "published": "2020-04-30"}
    lead = record(0) | {"url": "/articles/2020/05/01/lead-x/", "published": "2020-05-01", "related": [item["url"]]}
    result = import_file("archive.jsonl", lines([item | {"related": []}, lead]))
    assert result.status == "imported", result.error
    assert list(Article.objects.get(slug="lead-x").related.values_list("slug", flat=True)) == ["item-y"]


def test_a_related_url_naming_an_articles_former_slug_links_to_that_article(make_article):
    """A researcher's export made before an editor renamed the item still links the lead to it."""
    item = make_article("Item Y", "2020-04-30", slug="item-y-renamed")
    SlugRedirect.objects.create(article=item, published_date=item.published_date, old_slug="item-y")
    lead = record(0) | {
        "url": "/articles/2020/05/01/lead-x/",
        "published": "2020-05-01",
        "related": ["/articles/2020/04/30/item-y/"],
    }
    result = import_file("archive.jsonl", lines([lead]))
    assert result.status == "imported", result.error
    assert list(Article.objects.get(slug="lead-x").related.values_list("slug", flat=True)) == ["item-y-renamed"]


def test_crlf_line_ends_and_a_byte_order_mark_read_as_plain_lines(large_export):
    data = b"\xef\xbb\xbf" + large_export.replace(b"\n", b"\r\n")
    result = import_file("archive.jsonl", data)
    assert (result.status, result.counts) == ("imported", {"created": RECORDS})


@pytest.mark.parametrize(
    ("data", "line", "error"),
    [
        (b"", None, "the file is empty"),
        (b"\n \n", None, "the file is empty"),
        (b"\n \n\xff{}\n", 3, "the text is not valid UTF-8 (byte 4)"),
        (b"\n\x00{}\n", 2, "the file is binary, not text"),
        (b"{}\n", 1, "not an article record (KeyError: 'url')"),
    ],
)
def test_an_export_that_is_not_text_is_rejected_with_its_line(data, line, error):
    result = import_file("archive.jsonl", data)
    assert (result.status, result.line, result.error) == ("rejected", line, error)
