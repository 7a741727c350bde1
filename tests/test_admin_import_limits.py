"""Uploads the import page refuses outright, with a message and without writing or staging anything; and a zip
within the upload limit accepted whatever more its pages come to unpacked, up to the unpacked limit."""

import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Article, ImportJob, Person, SourceFile
from tests.support.editing import IMPORT_URL

PAGE = "A short commentary\n\nApril 22, 2016\n\nIts only paragraph.\n"
LONG_PAGE = PAGE + "A sentence that repeats. " * 112


def commentary(number):
    return f"Commentary number {number}\n\nApril 22, 2016\n\n" + "A sentence that repeats. " * 12 + "\n"


def zipped(*members, compression=zipfile.ZIP_DEFLATED, name="pages.zip"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for member, text in members:
            archive.writestr(member, text)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


def page(name, text=PAGE):
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def refusal(client, *files, text="", export=None):
    """The form's message for an upload that is refused; asserts that nothing reached the archive nor was staged."""
    data = {"files": list(files), "text": text, "preview": "Preview"} | ({"export": export} if export else {})
    response = client.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert "token" not in response.context
    assert SourceFile.objects.count() == 0
    assert Article.objects.count() == 0
    assert list(Path(settings.ARCHIVE_IMPORT_UPLOAD_DIR).glob("*")) == []
    assert "Nothing was imported." in response.text
    return response.context["form"].non_field_errors()


def test_a_page_larger_than_the_limit_is_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_FILE_BYTES = 40
    assert refusal(editor_client, page("long.txt")) == ["“long.txt” is 56\xa0bytes; a page may be at most 40\xa0bytes."]


def test_pasted_text_larger_than_the_limit_is_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_FILE_BYTES = 40
    assert refusal(editor_client, text=PAGE) == ["The text is 56\xa0bytes; a page may be at most 40\xa0bytes."]


def test_more_files_than_the_limit_are_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_FILES = 2
    assert refusal(editor_client, page("a.txt"), page("b.txt"), page("c.txt")) == [
        "3 pages is too many for one import; at most 2 at a time."
    ]


def test_pages_larger_together_than_the_upload_limit_are_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES = 100
    assert refusal(editor_client, page("a.txt"), page("b.txt")) == [
        "The files come to 112\xa0bytes as uploaded; an upload may be at most 100\xa0bytes."
    ]


def test_a_file_that_is_neither_a_page_nor_a_zip_is_refused(editor_client):
    assert refusal(editor_client, page("notes.docx")) == ["“notes.docx” is neither a .txt page nor a .zip of pages."]


def test_a_zip_with_a_path_outside_its_folder_is_refused(editor_client):
    assert refusal(editor_client, zipped(("ok.txt", PAGE), ("../../etc/cron.d/page.txt", PAGE))) == [
        "“pages.zip” holds “../../etc/cron.d/page.txt”, a path outside its folder; the zip is refused."
    ]


def test_a_zip_with_an_absolute_path_is_refused(editor_client):
    assert refusal(editor_client, zipped(("/tmp/page.txt", PAGE))) == [
        "“pages.zip” holds “/tmp/page.txt”, a path outside its folder; the zip is refused."
    ]


def test_a_zip_member_compressed_beyond_any_text_is_refused_as_a_zip_bomb(editor_client):
    assert refusal(editor_client, zipped(("bomb.txt", "a" * 900_000))) == [
        "“pages.zip” compresses “bomb.txt” more than 100-fold: it looks like a zip bomb and is refused."
    ]


def test_a_zip_larger_than_the_upload_limit_is_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES = 100
    assert refusal(editor_client, zipped(("a.txt", PAGE))) == [
        "“pages.zip” is 166\xa0bytes; an upload may be at most 100\xa0bytes."
    ]


def test_a_zip_that_unpacks_beyond_the_unpacked_limit_is_refused_as_a_zip_bomb(editor_client, settings):
    """The zip, 380 bytes, is well within the upload limit; what it unpacks to, twice 2,856 bytes, is not."""
    settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES = 4096
    assert refusal(editor_client, zipped(("a.txt", LONG_PAGE), ("b.txt", LONG_PAGE))) == [
        "“pages.zip” unpacks to 5.6\xa0KB, more than the 4.0\xa0KB an import may unpack to: it looks like a zip bomb "
        "and is refused."
    ]


def test_zips_that_unpack_together_beyond_the_unpacked_limit_are_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES = 4096
    assert refusal(editor_client, zipped(("a.txt", LONG_PAGE), name="a.zip"), zipped(("b.txt", LONG_PAGE))) == [
        "The pages come to 5.6\xa0KB unpacked; an import may unpack to at most 4.0\xa0KB."
    ]


def test_a_zip_of_more_pages_unpacked_than_may_be_uploaded_is_accepted_and_imported(editor_client, settings):
    """A zip of 50,000 saved pages scaled down: some 135 MB sent, 435 MB unpacked; here 1,237 bytes and 2,704."""
    settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES = 2000
    settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES = 10_000
    upload = zipped(*[(f"{n}.txt", commentary(n)) for n in range(8)])

    response = editor_client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"})
    editor_client.post(IMPORT_URL, {"token": response.context["token"], "confirm": "Confirm import"})

    assert (upload.size, sum(len(commentary(n)) for n in range(8))) == (1237, 2704)
    job = ImportJob.objects.get()
    assert (job.status, job.files_done, job.files_rejected, job.created) == ("done", 8, 0, 8)
    assert sorted(Article.objects.values_list("title", flat=True)) == [f"Commentary number {n}" for n in range(8)]


def test_a_zip_with_more_pages_than_the_limit_is_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_FILES = 2
    assert refusal(editor_client, zipped(*[(f"{n}.txt", PAGE) for n in range(3)])) == [
        "3 pages is too many for one import; at most 2 at a time."
    ]


def test_a_zip_holding_something_other_than_pages_is_refused(editor_client):
    assert refusal(editor_client, zipped(("page.txt", PAGE), ("inner.zip", "PK"))) == [
        "“inner.zip” in “pages.zip” is not a .txt page; the zip is refused."
    ]


def test_a_damaged_zip_is_refused(editor_client):
    broken = SimpleUploadedFile("pages.zip", b"PK\x03\x04 not really a zip", content_type="application/zip")
    assert refusal(editor_client, broken) == ["“pages.zip” is not a readable zip file."]


def test_a_zip_whose_member_is_damaged_is_refused(editor_client):
    upload = zipped(("page.txt", PAGE * 3))
    data = bytearray(upload.read())
    data[60] ^= 0xFF  # a byte inside the compressed member
    damaged = SimpleUploadedFile("pages.zip", bytes(data), content_type="application/zip")
    assert refusal(editor_client, damaged) == ["“page.txt” in “pages.zip” cannot be read: the zip is damaged."]


def test_an_empty_form_asks_for_a_page(editor_client):
    assert refusal(editor_client) == ["Choose at least one file, or paste a page."]


def test_the_pages_of_a_zip_are_previewed_by_their_path_and_its_archiver_clutter_is_left_out(editor_client):
    upload = zipped(("2016/page.txt", PAGE), ("__MACOSX/2016/._page.txt", "\x00\x05"), ("2016/.DS_Store", "x"))
    response = editor_client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"})

    assert [(file.name, file.result.status) for file in response.context["files"]] == [
        ("pages.zip/2016/page.txt", "imported")
    ]


def jsonl_record(url, title):
    """One export line: an article with an address and a person the editor who made the line chose."""
    return json.dumps(
        {
            "url": url,
            "title": title,
            "published": url.split("/")[2] + "-" + url.split("/")[3] + "-" + url.split("/")[4],
            "language": "en",
            "body": "Smuggled in.",
            "persons": [{"slug": "fabricated", "name": "Fabricated Person", "decision": "added"}],
            "sources": [{"file": "seed.txt", "sha256": "ab" * 32, "role": "lead"}],
        }
    )


def test_a_zip_member_whose_kept_name_would_be_cut_to_an_export_is_refused(editor_client):
    """Cut to the 500 characters the history keeps, "pages.zip/<...>.jsonl-tail.txt" would end in .jsonl."""
    member = "x" * (500 - len("pages.zip/") - len(".jsonl")) + ".jsonl-tail.txt"
    smuggled = jsonl_record("/articles/2016/04/22/chosen-address/", "Smuggled") + "\n"

    assert refusal(editor_client, zipped((member, smuggled))) == [
        f"“pages.zip/{'x' * 50}…” has a name of 509 characters; the history keeps at most 500. "
        "Rename it and upload it again."
    ]
    assert not Person.objects.filter(slug="fabricated").exists()


def test_an_export_among_the_pages_is_refused(editor_client):
    export = SimpleUploadedFile("archive.jsonl", jsonl_record("/articles/2016/04/22/a/", "A").encode())

    assert refusal(editor_client, export) == ["“archive.jsonl” is neither a .txt page nor a .zip of pages."]


def test_an_export_larger_than_the_upload_limit_is_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_TOTAL_BYTES = 100
    export = SimpleUploadedFile("archive.jsonl", jsonl_record("/articles/2016/04/22/a/", "A").encode())

    assert refusal(editor_client, export=export) == [
        "“archive.jsonl” is 333\xa0bytes; an upload may be at most 100\xa0bytes "
        "(import larger exports with import_articles)."
    ]


def test_the_import_page_states_the_upload_limit_and_the_unpacked_limit_apart(editor_client):
    assert (
        "At most 50000 pages at a time and 976.6\xa0KB a page; at most 190.7\xa0MB uploaded, and 953.7\xa0MB once a "
        "zip is unpacked." in editor_client.get(IMPORT_URL).text
    )
