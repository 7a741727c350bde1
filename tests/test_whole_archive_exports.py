"""The whole archive's exports: written to a file once a generation, served from it, and anew after a change."""

import json

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from archive.index import store
from tests.support.importing import import_path
from tests.support.list_exports import BASE, DATELESS, LEAD, RELATED
from tests.support.locations import PAGES


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
