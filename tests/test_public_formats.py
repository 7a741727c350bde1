"""Public formats carry what the public pages show and nothing of the editors' record: no person an editor
rejected, no decision, no import file's name or hash. The full record is the editors' export, behind login."""

import json

import pytest

from archive.models import SourceFile
from archive.research.oai import identifiers
from tests.support.list_exports import DATELESS, download

DATELESS_PERSONS = [
    {"slug": "nikolai-statkevich", "name": "Nikolai Statkevich"},
    {"slug": "alexander-lukashenko", "name": "Alexander Lukashenko"},
]
# Every public format that holds the dateless article, whose Vladimir Putin an editor rejected.
DATELESS_FORMATS = [
    DATELESS,
    f"{DATELESS}cite.bib",
    f"{DATELESS}cite.ris",
    f"{DATELESS}cite.json",
    "/api/articles/2020/05/12/opposition-leaders-the-vilnius-talks/",
    "/api/articles/?date_after=2020-01-01",
    "/articles/export.jsonl?date_after=2020-01-01",
    "/articles/export.csv?date_after=2020-01-01",
    "/people/nikolai-statkevich/feed.atom",
]
WHOLE_ARCHIVE_FORMATS = [
    "/articles/export.jsonl",
    "/articles/export.csv",
    "/api/articles/",
    "/feeds/articles.atom",
    "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    "/sitemap.xml",
]


def body(client, path):
    return download(client, path) if "export." in path else client.get(path).content.decode()


def file_traces():
    """The names and hashes of every file the research archive was imported from."""
    return [value for source in SourceFile.objects.all() for value in (source.name, source.sha256)]


def test_the_public_json_lines_carry_exactly_what_the_article_page_shows(client, research_archive):
    (line,) = download(client, "/articles/export.jsonl?date_after=2020-01-01").splitlines()
    record = json.loads(line)

    # Its one version, the present text (given by the record itself): a number, a moment, how it came; no file.
    assert [(sorted(version), version["number"], version["cause"]) for version in record.pop("versions")] == [
        (["cause", "number", "since"], 1, "import")
    ]
    assert record == {
        "url": DATELESS,
        "title": 'Opposition <leaders> & the "Vilnius" talks',
        "published": "2020-05-12",
        "language": "en",
        "body": "Opposition leaders met in Vilnius to discuss a common platform & a single candidate.\n\n"
        "Observers expect the talks to continue in June.",
        "photo": None,
        "persons": DATELESS_PERSONS,
        "topics": [],
        "related": [],
        "listed_under": [],
    }


def test_the_whole_archives_public_json_lines_hold_the_same_fields(client, research_archive):
    records = [json.loads(line) for line in download(client, "/articles/export.jsonl").splitlines()]

    assert [sorted(record) for record in records] == 3 * [
        [
            "body",
            "language",
            "listed_under",
            "persons",
            "photo",
            "published",
            "related",
            "title",
            "topics",
            "url",
            "versions",
        ]
    ]
    assert [record["persons"] for record in records if record["url"] == DATELESS] == [DATELESS_PERSONS]


@pytest.mark.parametrize("path", DATELESS_FORMATS)
def test_no_public_format_of_an_article_names_the_person_an_editor_rejected(client, research_archive, path):
    text = body(client, path)

    assert "Opposition" in text
    assert "Putin" not in text
    assert "putin" not in text


def test_oai_pmh_gives_no_rejected_person_in_an_articles_record(client, research_archive):
    identifier = identifiers.of(research_archive.dateless)
    text = client.get(f"/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier}").content.decode()

    assert "Nikolai Statkevich" in text
    assert "Putin" not in text


@pytest.mark.parametrize("path", WHOLE_ARCHIVE_FORMATS + DATELESS_FORMATS)
def test_no_public_format_names_an_import_file_or_its_hash(client, research_archive, path):
    text = body(client, path)
    traces = file_traces()

    assert len(traces) == 4
    assert [trace for trace in traces if trace in text] == []
    assert "rejected" not in text
    assert "sha256" not in text
