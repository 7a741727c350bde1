"""An export's value longer than the column it is written to is refused at its line, naming its field, before
anything is written: PostgreSQL would refuse it in the middle of the import, SQLite would keep it whole."""

import io
import json

import pytest
from django.core.management import call_command

from archive.importing.loader import import_file
from archive.models import Article, Person, SourceFile

URL = "/articles/2016/04/22/a-commentary/"


def record(**changes):
    return {
        "url": URL,
        "title": "A commentary",
        "published": "2016-04-22T18:26:00+03:00",
        "language": "en",
        "body": "A paragraph.",
        "photo": {"caption": "A caption.", "credit": "A photographer", "agency": "An agency"},
        "persons": [{"slug": "a-person", "name": "A person"}],
        "topics": [{"slug": "a-topic", "name": "A topic"}],
        "persons_rejected": [{"slug": "another-person", "name": "Another person"}],
        "topics_rejected": [],
        "related": [],
        "listed_under": [],
        "sources": [{"file": "page.txt", "sha256": "0" * 64, "role": "lead"}],
    } | changes


def lines(*records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def photo(**changes):
    return {"photo": record()["photo"] | changes}


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"title": "T" * 501}, "the field 'title' is 501 characters long; at most 500 fit"),
        (
            # Casefolded, each ß is "ss": the key the archive matches titles by is twice as long as the title.
            {"title": "ß" * 251},
            "the field 'title' is 502 characters long once normalised for matching; at most 500 fit",
        ),
        ({"url": f"/articles/2016/04/22/{'s' * 121}/"}, "the slug in 'url' is 121 characters long; at most 120 fit"),
        (photo(caption="c" * 501), "the caption in 'photo' is 501 characters long; at most 500 fit"),
        (photo(credit="c" * 301), "the credit in 'photo' is 301 characters long; at most 300 fit"),
        (photo(agency="a" * 201), "the agency in 'photo' is 201 characters long; at most 200 fit"),
        (photo(caption=["a list"]), "the caption in 'photo' must be text"),
        (
            {"persons": [{"slug": "a-person", "name": "n" * 201}]},
            "the name in 'persons' is 201 characters long; at most 200 fit",
        ),
        (
            {"topics_rejected": [{"slug": "a-topic", "name": "n" * 201}]},
            "the name in 'topics_rejected' is 201 characters long; at most 200 fit",
        ),
        (
            {"sources": [{"file": "f" * 501, "sha256": "0" * 64, "role": "lead"}]},
            "the file in 'sources' is 501 characters long; at most 500 fit",
        ),
    ],
)
@pytest.mark.django_db
def test_a_value_longer_than_its_column_rejects_the_file_at_its_line_and_field(changes, error):
    result = import_file("long.jsonl", lines(record(), record(**changes)))

    assert (result.status, result.line, result.error) == ("rejected", 2, error)
    assert (Article.objects.count(), Person.objects.count(), SourceFile.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_values_as_long_as_their_columns_are_imported():
    longest = record(
        title="T" * 500,
        url=f"/articles/2016/04/22/{'s' * 120}/",
        persons=[{"slug": "a-person", "name": "n" * 200}],
        **photo(caption="c" * 500, credit="c" * 300, agency="a" * 200),
    )

    result = import_file("longest.jsonl", lines(longest))

    assert (result.status, result.counts) == ("imported", {"created": 1})
    assert [len(value) for value in Article.objects.values_list("title", "slug", "photo_caption").get()] == [
        500,
        120,
        500,
    ]


@pytest.mark.django_db
def test_the_import_command_names_the_line_and_field_of_an_over_long_title(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_bytes(lines(record(title="T" * 501)))
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(SystemExit) as exit_status:
        call_command("import_articles", str(path), stdout=out, stderr=err)

    assert exit_status.value.code == 1
    assert err.getvalue() == f"rejected {path}:1: the field 'title' is 501 characters long; at most 500 fit\n"
