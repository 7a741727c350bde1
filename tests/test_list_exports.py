"""Exports of the article list: the articles the list shows for its filters, every one, as CSV or JSON Lines."""

import io
import json

import lxml.html
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.index import store
from tests.support.list_exports import (
    BASE,
    DATELESS,
    LEAD,
    RELATED,
    RELATED_SUMMARY,
    add_articles,
    csv_rows,
    download,
    listed,
)


def test_a_person_and_date_filter_exports_exactly_the_rows_the_list_shows(client, research_archive):
    """Statkevich is in the 2017 and the 2020 articles; the dates keep 2017 only."""
    query = "?person=nikolai-statkevich&date_after=2017-01-01&date_before=2019-12-31"

    rows = csv_rows(client, query)

    assert listed(client, query) == [RELATED]
    assert rows == [
        {
            "url": BASE + RELATED,
            "published": "2017-09-25T11:14:00+03:00",
            "title": "Belarusian authorities resumed arrests of opposition",
            "language": "en",
            "persons": "Nikolai Statkevich",
            "topics": "Protests",
            "summary": RELATED_SUMMARY,
        }
    ]


def test_the_csv_follows_the_lists_order_and_names_persons_but_not_rejected_ones(client, research_archive):
    rows = csv_rows(client, "?sort=oldest")

    assert [(row["url"], row["published"], row["persons"]) for row in rows] == [
        (BASE + LEAD, "2016-04-22T18:26:00+03:00", "Alexander Lukashenko; Vladimir Putin"),
        (BASE + RELATED, "2017-09-25T11:14:00+03:00", "Nikolai Statkevich"),
        (BASE + DATELESS, "2020-05-12", "Nikolai Statkevich; Alexander Lukashenko"),
    ]
    assert [row["url"] for row in csv_rows(client)] == [BASE + DATELESS, BASE + RELATED, BASE + LEAD]


def test_the_csv_keeps_the_authors_characters_as_they_are(client, research_archive):
    text = download(client, "/articles/export.csv?date_after=2020-01-01")

    assert text.splitlines()[1] == (
        f'{BASE}{DATELESS},2020-05-12,"Opposition <leaders> & the ""Vilnius"" talks",en,'
        "Nikolai Statkevich; Alexander Lukashenko,,"
        "Opposition leaders met in Vilnius to discuss a common platform & a single candidate."
    )


def test_json_lines_are_the_public_fields_of_the_export_articles_lines_of_the_listed_articles(client, research_archive):
    """The editors' lines less their decisions, rejected persons and topics, source files, and the files and
    editors behind each version (the version pages show only their texts and moments)."""
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)
    by_url = {record["url"]: record for record in map(json.loads, exported.getvalue().splitlines())}

    lines = download(client, "/articles/export.jsonl?person=alexander-lukashenko").splitlines()

    assert [json.loads(line) for line in lines] == [public(by_url[DATELESS]), public(by_url[LEAD])]


def public(record):
    hidden = {"persons_rejected", "topics_rejected", "sources"}
    shown = {kind: [{"slug": s["slug"], "name": s["name"]} for s in record[kind]] for kind in ("persons", "topics")}
    behind = {"file", "sha256", "editor"}
    shown["versions"] = [
        {key: value for key, value in entry.items() if key not in behind} for entry in record["versions"]
    ]
    return {name: shown.get(name, value) for name, value in record.items() if name not in hidden}


def test_exports_hold_every_article_of_the_list_not_one_page(client, research_archive):
    add_articles(120)

    first_page = listed(client, "?sort=oldest")
    rows = csv_rows(client, "?sort=oldest")
    lines = download(client, "/articles/export.jsonl?sort=oldest").splitlines()

    assert len(first_page) < 123
    assert len(rows) == len(lines) == 123
    assert [row["url"] for row in rows[: len(first_page)]] == [BASE + url for url in first_page]


def test_the_number_of_queries_of_a_streamed_export_does_not_grow_with_the_number_of_articles(client, research_archive):
    def queries_for_export():
        # The index takes in the new articles first: that is the index's work, done once, not the export's.
        store.catch_up()
        with CaptureQueriesContext(connection) as queries:
            download(client, "/articles/export.csv?date_after=2000-01-01")
        return len(queries)

    few = queries_for_export()
    add_articles(120)

    assert queries_for_export() == few


def test_a_malformed_filter_is_left_out_as_the_list_leaves_it_out(client, research_archive):
    query = "?date_after=2017-13-45&person=alexander-lukashenko"

    assert [row["url"] for row in csv_rows(client, query)] == [BASE + url for url in listed(client, query)]
    assert listed(client, query) == [DATELESS, LEAD]


def test_an_unknown_person_exports_only_the_header(client, research_archive):
    assert download(client, "/articles/export.csv?person=nobody") == (
        "url,published,title,language,persons,topics,summary\r\n"
    )


@pytest.mark.parametrize(
    ("path", "content_type", "filename"),
    [
        ("/articles/export.csv", "text/csv; charset=utf-8", "articles.csv"),
        ("/articles/export.jsonl", "application/jsonl; charset=utf-8", "articles.jsonl"),
    ],
)
def test_exports_are_streamed_named_files(client, research_archive, path, content_type, filename):
    response = client.get(path)

    assert response.streaming
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


@pytest.mark.parametrize("path", ["/articles/export.csv", "/articles/export.jsonl"])
def test_exports_are_read_only(client, research_archive, path):
    assert client.post(path).status_code == 405


def test_the_list_page_links_both_exports_with_its_filters(client, research_archive):
    response = client.get("/articles/?person=nikolai-statkevich&date_after=2017-01-01")
    doc = lxml.html.fromstring(response.content)

    hrefs = doc.xpath('//a[contains(@href, "/articles/export.")]/@href')
    assert sorted(hrefs) == [
        "/articles/export.csv?person=nikolai-statkevich&date_after=2017-01-01",
        "/articles/export.jsonl?person=nikolai-statkevich&date_after=2017-01-01",
    ]
