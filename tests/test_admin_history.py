"""The import history: each source file as uploaded, who imported it and when, and what it did; read-only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.importer.loader import import_file
from archive.models import SourceFile
from tests.editing import IMPORT_URL, make_editor

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
def editor(django_user_model):
    return make_editor(django_user_model)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


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
