"""The JSON Lines export: its fields, its order, and a round trip that loses nothing."""

import json

import pytest
from django.core.management import call_command

from archive.importing.loader import import_file
from archive.models import Article, Decision, Mention, Person, SourceFile, Topic
from tests.support.importing import export, import_path
from tests.support.locations import PAGES

pytestmark = pytest.mark.django_db


def empty_the_archive():
    Article.objects.all().delete()
    SourceFile.objects.all().delete()
    Person.objects.all().delete()
    Topic.objects.all().delete()


def test_the_seed_exports_every_field_in_publication_order(seeded, seed_page_path):
    lead, item = (json.loads(line) for line in export().splitlines())
    sha256 = SourceFile.objects.get().sha256
    assert lead["url"] == "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
    assert lead["title"] == "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
    assert lead["published"] == "2016-04-22T18:26:00+03:00"
    assert lead["language"] == "en"
    assert lead["body"].count("\n\n") == 5
    assert lead["photo"] is None
    assert lead["related"] == ["/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"]
    assert lead["listed_under"] == []
    assert lead["sources"] == [{"file": seed_page_path.name, "sha256": sha256, "role": "lead"}]
    assert item["published"] == "2017-09-25T11:14:00+03:00"
    assert item["photo"] == {"caption": "Николай Статкевич", "credit": "Дмитрий Брушко", "agency": "TUT.BY"}
    assert item["related"] == []
    assert item["listed_under"] == [lead["url"]]
    assert item["sources"] == [{"file": seed_page_path.name, "sha256": sha256, "role": "related"}]


def test_a_dateline_without_time_exports_a_date_only():
    import_path(PAGES / "russian_dateline.txt")
    published = [json.loads(line)["published"] for line in export().splitlines()]
    assert published == ["2017-09-25T11:14:00+03:00", "2020-05-12"]


def test_export_import_export_gives_the_same_bytes(seeded, tmp_path):
    for name in ["russian_dateline.txt", "wrapped.txt", "markup.txt", "iso_datelines.txt", "english_photo.txt"]:
        assert import_path(PAGES / name).status == "imported"
    first = export()
    empty_the_archive()
    result = import_file("archive.jsonl", first.encode())
    assert result.status == "imported", result.error
    assert export() == first


def test_the_export_command_writes_a_file(seeded, tmp_path):
    target = tmp_path / "archive.jsonl"
    call_command("export_articles", "-o", str(target))
    assert target.read_text(encoding="utf-8") == export()


def test_an_export_line_that_is_not_a_record_rejects_the_whole_file(seeded):
    lines = export().splitlines()
    empty_the_archive()
    result = import_file("broken.jsonl", (lines[0] + "\n{not json}\n").encode())
    assert (result.status, result.line, result.error) == (
        "rejected",
        2,
        "not valid JSON (Expecting property name enclosed in double quotes)",
    )
    assert Article.objects.count() == 0


def test_an_export_whose_similar_article_is_missing_changes_nothing(seeded):
    lead_line = export().splitlines()[0]
    empty_the_archive()
    result = import_file("partial.jsonl", (lead_line + "\n").encode())
    assert result.status == "rejected"
    assert result.error == (
        "the similar article /articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/ "
        "is neither in this export nor in the archive"
    )
    assert (Article.objects.count(), SourceFile.objects.count()) == (0, 0)


def test_a_page_known_only_from_an_export_is_kept_byte_for_byte_when_it_arrives(seeded, seed_page_path):
    exported = export()
    empty_the_archive()
    import_file("archive.jsonl", exported.encode())
    assert SourceFile.objects.get(name=seed_page_path.name).raw_text == ""
    result = import_path(seed_page_path)
    assert [outcome.status for outcome in result.articles] == ["unchanged", "unchanged"]
    assert SourceFile.objects.get(name=seed_page_path.name).raw_text == seed_page_path.read_text(encoding="utf-8")
    assert export() == exported


def test_an_export_does_not_overrule_an_editors_decision(seeded):
    exported = export()
    mention = Mention.objects.get(person__slug="nikolai-statkevich")
    mention.decision = Decision.REJECTED
    mention.save()
    import_file("archive.jsonl", exported.encode())
    mention.refresh_from_db()
    assert mention.decision == Decision.REJECTED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"language": "<script>"}, "language '<script>' is not one of be, en, ru"),
        ({"persons": ["x"]}, "the field 'persons' must be a list of objects"),
        ({"persons": [{"slug": "a b", "name": "A"}]}, "every entry of 'persons' needs a slug and a name"),
        (
            {"topics": [{"slug": "t", "name": "T", "decision": "bogus"}]},
            "the decision in 'topics' 'bogus' is not one of added, confirmed, found",
        ),
        ({"sources": [{"file": "x.txt", "sha256": "0" * 64}]}, "the source role None is not one of lead, related"),
        ({"related": [1]}, "the field 'related' must be a list of texts"),
    ],
)
def test_an_export_record_with_a_malformed_field_is_rejected_with_its_line(seeded, change, message):
    record = json.loads(export().splitlines()[1]) | change
    empty_the_archive()
    result = import_file("bad.jsonl", (json.dumps(record) + "\n").encode())
    assert (result.status, result.line, result.error) == ("rejected", 1, message)
    assert Article.objects.count() == 0


def test_an_export_carries_every_version_and_round_trips_byte_for_byte(versioned, client):
    from archive.models import ArticleVersion
    from tests.support.versioned_archive import FIRST_TITLE, LEAD_URL

    ArticleVersion.objects.filter(article=versioned, number=1).update(hidden=True, hidden_reason="A court order.")
    first = export()
    lead = next(json.loads(line) for line in first.splitlines() if LEAD_URL in line.split(",")[0])
    assert [(v["number"], v["since"], v["cause"]) for v in lead["versions"]] == [
        (1, "2026-01-10T09:00:00+00:00", "import"),
        (2, "2026-03-05T12:30:00+00:00", "import"),
        (3, "2026-06-01T08:15:00+00:00", "edit"),
    ]
    assert (lead["versions"][0]["title"], lead["versions"][0]["hidden_reason"]) == (FIRST_TITLE, "A court order.")
    assert (lead["versions"][1]["file"], lead["versions"][2]["editor"]) == ("later-save.txt", "editor")
    assert "body" not in lead["versions"][2]

    for _ in range(2):
        exported = export()
        empty_the_archive()
        assert import_file("archive.jsonl", exported.encode()).status == "imported"
        assert export() == first
    page = client.get(f"{LEAD_URL}versions/2/")
    assert (page.status_code, page["Memento-Datetime"]) == (200, "Thu, 05 Mar 2026 12:30:00 GMT")
    assert client.get(f"{LEAD_URL}versions/1/").status_code == 410
