"""A narrowed export answers a part of at most EXPORT_ROWS articles a request, and names the next part and the
whole archive's file in its Link header; relevance is exported as far as it is ranked."""

import json

import pytest

from archive.lists import limits
from tests.support.list_exports import BASE, add_articles, csv_rows

EVERYTHING = "date_after=1900-01-01&sort=oldest"
ALTERNATE = f'<{BASE}/articles/export.csv>; rel="alternate"'


def review(number):
    return f"{BASE}/articles/2010/01/{number + 1:02d}/weekly-review-{number}/"


@pytest.fixture
def five_reviews(db, monkeypatch):
    """Five articles a day apart, exported two a part."""
    monkeypatch.setattr(limits, "EXPORT_ROWS", 2)
    add_articles(5)


def test_a_filtered_export_of_everything_answers_two_rows_a_part_each_naming_the_next(client, five_reviews):
    links = [client.get(f"/articles/export.csv?{EVERYTHING}{part}")["Link"] for part in ("", "&part=2", "&part=3")]

    assert [row["url"] for row in csv_rows(client, f"?{EVERYTHING}")] == [review(0), review(1)]
    assert [row["url"] for row in csv_rows(client, f"?{EVERYTHING}&part=2")] == [review(2), review(3)]
    assert [row["url"] for row in csv_rows(client, f"?{EVERYTHING}&part=3")] == [review(4)]
    assert links == [
        f'<{BASE}/articles/export.csv?{EVERYTHING}&part=2>; rel="next", {ALTERNATE}',
        f'<{BASE}/articles/export.csv?{EVERYTHING}&part=3>; rel="next", {ALTERNATE}',
        ALTERNATE,
    ]


def test_following_the_json_lines_next_links_gives_every_article_once(client, five_reviews):
    address, urls = f"/articles/export.jsonl?{EVERYTHING}", []
    while address:
        response = client.get(address)
        urls += [json.loads(line)["url"] for line in b"".join(response.streaming_content).decode().splitlines()]
        following = [link for link in response["Link"].split(", ") if link.endswith('rel="next"')]
        address = following[0].partition(">")[0].removeprefix(f"<{BASE}") if following else None

    assert urls == [review(n).removeprefix(BASE) for n in range(5)]


def test_a_part_past_the_end_is_only_the_header(client, five_reviews):
    assert csv_rows(client, f"?{EVERYTHING}&part=9") == []


def test_a_part_that_is_not_a_whole_number_gets_400_and_the_whole_archive_has_no_parts(client, five_reviews):
    response = client.get(f"/articles/export.csv?{EVERYTHING}&part=two")

    assert (response.status_code, response.content) == (400, b"The part of an export is a whole number from 1.")
    assert client.get("/articles/export.csv?part=2")["Location"] == "/articles/export.csv"
    assert client.get(f"/articles/export.csv?part=01&{EVERYTHING}")["Location"] == f"/articles/export.csv?{EVERYTHING}"


def test_an_export_by_relevance_ends_at_the_ranked_depth(client, five_reviews, monkeypatch):
    """Three articles ranked, two a part: the second part holds one, and a third is refused."""
    monkeypatch.setattr(limits, "RELEVANCE_DEPTH", 3)

    first = client.get("/articles/export.csv?q=review")
    second = client.get("/articles/export.csv?q=review&part=2")
    third = client.get("/articles/export.csv?q=review&part=3")

    assert first["Link"] == f'<{BASE}/articles/export.csv?q=review&part=2>; rel="next", {ALTERNATE}'
    assert len(csv_rows(client, "?q=review")) == 2
    assert (len(csv_rows(client, "?q=review&part=2")), second["Link"]) == (1, ALTERNATE)
    assert (third.status_code, third.content.decode()) == (
        400,
        "Only the 3 most relevant articles are ranked: sort by newest or oldest to reach every one.",
    )
