"""The import history: each source file as uploaded, who imported it and when, and what it did; read-only."""

import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.importing.loader import import_file
from archive.models import Article, ArticleSource, SourceFile
from tests.support.clock import NEW_YEARS_EVE
from tests.support.editing import IMPORT_URL

PAGE = """A commentary with <b>markup</b> in its title

April 22, 2016

A paragraph.

Similar articles

Belarusian authorities resumed arrests of opposition
September 25, 2017 11:14

A longer text of the similar item than the seed page carries, so that it is extended here. It goes on and on
about the arrests, the fines and the protests for far longer than the seed page's one paragraph does, which
makes it the longer version of the article, and therefore the one the archive keeps from now on. Following
crackdown and arrests of participants in the spring protests, the authorities resumed arrests as punishment for
participating in street protests in addition to fines, which for some time were the only punishment for
political activity. On September 22nd, 2017, the riot police detained the Belarusian National Congress leader
Nikolai Statkevich, the opposition politician was placed in detention centre on Akrestin street. On the same
day, after serving seven days of arrest, another BNC leader, Vladimir Neklyaev, was released.
"""


@pytest.fixture
def imported(editor_client, seeded):
    """The page above, imported through the admin over the seed page."""
    upload = SimpleUploadedFile("markup.txt", PAGE.encode(), content_type="text/plain")
    token = editor_client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"}).context["token"]
    editor_client.post(IMPORT_URL, {"token": token, "confirm": "Confirm import"})
    return SourceFile.objects.get(name="markup.txt")


def test_the_history_lists_every_file_with_who_imported_it_and_what_it_did(editor_client, imported, seed_page_path):
    response = editor_client.get("/admin/archive/sourcefile/")

    rows = [(row.name, row.imported_by and row.imported_by.username) for row in response.context["cl"].result_list]
    assert rows == [("markup.txt", "editor"), (seed_page_path.name, None)]
    assert "1 created, 1 updated" in response.text
    assert "2 created" in response.text


def test_a_source_file_shows_its_raw_text_as_text_and_what_it_created_or_changed(editor_client, imported):
    page = editor_client.get(f"/admin/archive/sourcefile/{imported.pk}/change/").text

    assert imported.sha256 in page
    assert "A commentary with &lt;b&gt;markup&lt;/b&gt; in its title\n\nApril 22, 2016" in page
    assert "<b>markup</b>" not in page
    assert (
        '<li><a href="/articles/2016/04/22/a-commentary-with-bmarkupb-in-its-title/">'
        "A commentary with &lt;b&gt;markup&lt;/b&gt; in its title</a> (lead): created</li>"
        '<li><a href="/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/">'
        "Belarusian authorities resumed arrests of opposition</a> (related): text extended; linked under the lead</li>"
    ) in page


def test_the_history_cannot_be_changed_or_deleted_even_by_a_superuser(client, django_user_model, seeded):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    source = SourceFile.objects.get()

    assert client.get("/admin/archive/sourcefile/add/").status_code == 403
    assert client.post(f"/admin/archive/sourcefile/{source.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(f"/admin/archive/sourcefile/{source.pk}/change/", {"name": "renamed.txt"})
    assert response.status_code == 403
    assert SourceFile.objects.get().name == source.name


def test_a_file_imported_from_the_command_line_is_in_the_history_without_a_person(editor_client, db):
    import_file("cli.txt", PAGE.encode())

    page = editor_client.get(f"/admin/archive/sourcefile/{SourceFile.objects.get().pk}/change/").text

    assert "cli.txt" in page
    assert "2 created" in page


STATED_PAGE = b"A stated commentary\n\nMay 3, 2019\n\nIts only paragraph.\n"
STATED_URL = "/articles/2019/05/03/a-stated-commentary/"
CLAIMED_URL = "/articles/2019/05/04/never-in-that-page/"


def export_line(url, title, sources):
    return json.dumps(
        {
            "url": url,
            "title": title,
            "published": "-".join(url.split("/")[2:5]),
            "language": "en",
            "body": "Its only paragraph.",
            "sources": [{"file": name, "sha256": sha256, "role": "lead"} for name, sha256 in sources],
        }
    )


def import_export(*lines, name="stated.jsonl"):
    result = import_file(name, "".join(line + "\n" for line in lines).encode())
    assert result.status == "imported", result.error
    return SourceFile.objects.get(name=name)


def sightings(url):
    """(file, role, export that only states it) for each source of the article at url."""
    return sorted(
        ArticleSource.objects.filter(article__slug=url.split("/")[5]).values_list(
            "source__name", "role", "stated_by__name"
        )
    )


def test_a_file_an_export_only_names_is_in_the_history_as_stated_never_as_imported(editor_client, db):
    export = import_export(export_line(STATED_URL, "A stated commentary", [("seed.txt", "ab" * 32)]))
    stated = SourceFile.objects.get(sha256="ab" * 32)

    listing = editor_client.get("/admin/archive/sourcefile/").text
    detail = editor_client.get(f"/admin/archive/sourcefile/{stated.pk}/change/").text
    article = editor_client.get(f"/admin/archive/article/{Article.objects.get().pk}/change/").text

    assert "never imported: only stated by an export" in listing
    assert "Never imported: an export&#x27;s records name a file with this SHA-256 and name" in detail
    assert f'(stated by the export <a href="/admin/archive/sourcefile/{export.pk}/change/">stated.jsonl</a>)' in detail
    assert (
        f'lead in <a href="/admin/archive/sourcefile/{stated.pk}/change/">seed.txt</a>, as stated by the export '
        f'<a href="/admin/archive/sourcefile/{export.pk}/change/">stated.jsonl</a>, imported '
    ) in article


def test_an_export_cannot_pass_its_claim_on_an_imported_file_off_as_that_files_own(editor_client, seeded):
    seed = SourceFile.objects.get()
    import_export(export_line(CLAIMED_URL, "Never in that page", [(seed.name, seed.sha256)]))

    detail = editor_client.get(f"/admin/archive/sourcefile/{seed.pk}/change/").text

    assert sightings(CLAIMED_URL) == [(seed.name, "lead", "stated.jsonl")]
    assert ">Never in that page</a> (stated by the export <a " in detail
    assert ">Lukashenko aspires to be in the Russo-American conflict’s epicenter</a></li>" in detail


@pytest.mark.time_machine(NEW_YEARS_EVE, tick=False)
def test_a_file_an_export_named_is_imported_when_it_arrives_and_shows_only_what_its_bytes_hold(db, editor):
    sha256 = hashlib.sha256(STATED_PAGE).hexdigest()
    import_export(
        export_line(STATED_URL, "A stated commentary", [("forged-name.txt", sha256)]),
        export_line(CLAIMED_URL, "Never in that page", [("forged-name.txt", sha256)]),
    )

    result = import_file("stated.txt", STATED_PAGE, user=editor)

    source = SourceFile.objects.get(sha256=sha256)
    assert result.status == "imported"
    assert (source.name, source.imported_by, source.raw_text.encode()) == ("stated.txt", editor, STATED_PAGE)
    assert source.imported_at == NEW_YEARS_EVE
    assert sightings(STATED_URL) == [("stated.txt", "lead", None)]
    assert sightings(CLAIMED_URL) == [("stated.txt", "lead", "stated.jsonl")]


CRLF_PAGE = b"\xef\xbb\xbfA page from Windows\r\n\r\nMay 5, 2019\r\n\r\nIts only paragraph, with no final newline."


@pytest.fixture
def crlf_source(db, editor):
    import_file("windows page.txt", CRLF_PAGE, user=editor)
    return SourceFile.objects.get()


def original_url(source):
    return f"/admin/archive/sourcefile/{source.pk}/original/"


def test_a_page_keeps_its_exact_bytes_whose_sha256_is_the_one_stored_and_shows_them_decoded(editor_client, crlf_source):
    page = editor_client.get(f"/admin/archive/sourcefile/{crlf_source.pk}/change/").text

    assert bytes(crlf_source.original) == CRLF_PAGE
    assert hashlib.sha256(bytes(crlf_source.original)).hexdigest() == crlf_source.sha256
    assert crlf_source.raw_text == "A page from Windows\n\nMay 5, 2019\n\nIts only paragraph, with no final newline."
    assert (
        '<pre class="raw-text">A page from Windows\n\nMay 5, 2019\n\nIts only paragraph, with no final newline.</pre>'
    ) in page
    assert f'<a href="{original_url(crlf_source)}" download>Download windows page.txt</a> (83 bytes)' in page


def test_an_editor_downloads_a_page_exactly_as_it_was_imported_and_never_cached(editor_client, crlf_source):
    response = editor_client.get(original_url(crlf_source))

    assert response.status_code == 200
    assert response.content == CRLF_PAGE
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="windows page.txt"'
    assert response["Cache-Control"] == "private, no-store"


def test_a_page_from_a_zip_downloads_under_its_own_file_name(editor_client, db):
    import_file("pages.zip/2019/stated.txt", STATED_PAGE)

    response = editor_client.get(original_url(SourceFile.objects.get()))

    assert response.content == STATED_PAGE
    assert response["Content-Disposition"] == 'attachment; filename="stated.txt"'


def test_a_staff_member_who_may_not_view_source_files_cannot_download_one(client, django_user_model, crlf_source):
    client.force_login(django_user_model.objects.create_user("clerk", password="x", is_staff=True))

    assert client.get(original_url(crlf_source)).status_code == 403


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page_instead_of_the_file(client, crlf_source):
    response = client.get(original_url(crlf_source))

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={original_url(crlf_source)}"


def test_an_export_keeps_neither_its_bytes_nor_its_text_and_its_history_says_so(editor_client, db):
    export = import_export(export_line(STATED_URL, "A stated commentary", [("seed.txt", "ab" * 32)]))

    page = editor_client.get(f"/admin/archive/sourcefile/{export.pk}/change/").text

    assert bytes(export.original) == b""
    assert "Not kept: an export&#x27;s bytes are not kept, only the articles it brings." in page
    assert "An export: its articles are kept in full, its bytes and its text are not." in page
    assert editor_client.get(original_url(export)).status_code == 404
