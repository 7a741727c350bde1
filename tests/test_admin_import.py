"""The editors' import page: upload or paste, preview, confirm; nothing is written before the confirmation."""

import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from archive.admin.forms import ImportForm
from archive.importing.loader import import_file
from archive.models import Article, ArticleSource, ImportJob, Mention, Person, RelatedLink, SourceFile
from archive.subjects import tagging
from tests.support.editing import IMPORT_URL

LEAD = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
RELATED = "Belarusian authorities resumed arrests of opposition"
LEAD_URL = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
RELATED_URL = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"

SEED_TEXT = next((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("*.txt")).read_text()
# A page of its own whose similar item is the seed page's similar item, with one more paragraph.
OTHER_PAGE = (
    "Opposition leaders face new charges\n\n12 мая 2020\n\nThe prosecutor opened new cases.\n\n"
    + SEED_TEXT[SEED_TEXT.index("Similar articles") :].rstrip()
    + "\n\nA second paragraph that the seed page does not carry.\n"
).encode()

NO_DATELINE = b"A title without a dateline\n\nA paragraph where the dateline should be.\n"


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="text/plain")


def preview(client, *files, text=""):
    return client.post(IMPORT_URL, {"files": list(files), "text": text, "preview": "Preview"})


def confirm(client, token):
    return client.post(IMPORT_URL, {"token": token, "confirm": "Confirm import"})


def plans(response):
    """What the preview says will happen, file by file: (role, title, plan) for each article."""
    return [[(row.role, row.parsed.title, row.plan) for row in file.rows] for file in response.context["files"]]


def test_the_import_page_is_linked_from_the_admin_index_and_the_article_list(editor_client):
    assert f'href="{IMPORT_URL}"' in editor_client.get("/admin/").text
    assert f'href="{IMPORT_URL}"' in editor_client.get("/admin/archive/article/").text


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={IMPORT_URL}"


def test_a_user_who_is_not_staff_is_sent_to_the_login_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    response = client.post(IMPORT_URL, {"files": [upload("page.txt", OTHER_PAGE)], "preview": "Preview"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={IMPORT_URL}"
    assert SourceFile.objects.count() == 0


def test_staff_without_the_editors_permissions_may_not_import(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("clerk", password="x", is_staff=True))
    assert client.get(IMPORT_URL).status_code == 403


def test_the_preview_of_the_seed_page_shows_what_the_parser_found_and_writes_nothing(editor_client, seed_page_path):
    response = preview(editor_client, upload(seed_page_path.name, seed_page_path.read_bytes()))

    assert response.status_code == 200
    assert plans(response) == [[("lead", LEAD, "new"), ("similar", RELATED, "new")]]
    page = response.text
    assert "22 April 2016 18:26" in page
    assert "25 September 2017 11:14" in page
    assert "<summary>6 paragraphs</summary>" in page
    assert "<summary>1 paragraph</summary>" in page
    assert "Николай Статкевич. Photo: Дмитрий Брушко, TUT.BY" in page
    assert 'value="Confirm import"' in page
    assert Article.objects.count() == 0
    assert SourceFile.objects.count() == 0


def test_confirming_the_seed_page_imports_exactly_its_two_articles_in_a_job(editor_client, seed_page_path):
    """The lead and its one similar item, linked, with the file kept as the editor uploaded it and linked to the job
    the editor is taken to (the suite's task backend runs a job as soon as it is queued)."""
    data = seed_page_path.read_bytes()
    token = preview(editor_client, upload(seed_page_path.name, data)).context["token"]

    response = confirm(editor_client, token)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/archive/importjob/{job.pk}/change/"
    assert (job.status, job.files_total, job.files_done, job.created, job.created_by.username) == (
        "done",
        1,
        1,
        2,
        "editor",
    )
    assert sorted(article.get_absolute_url() for article in Article.objects.all()) == [LEAD_URL, RELATED_URL]
    assert sorted(Article.objects.values_list("title", flat=True)) == [RELATED, LEAD]
    assert list(RelatedLink.objects.values_list("lead__title", "related__title", "position")) == [(LEAD, RELATED, 0)]
    source = SourceFile.objects.get()
    assert (source.name, source.imported_by.username, source.raw_text.encode()) == (seed_page_path.name, "editor", data)
    assert sorted(ArticleSource.objects.values_list("article__title", "role")) == [(RELATED, "related"), (LEAD, "lead")]
    assert source.job == job


def test_a_confirmed_preview_cannot_be_confirmed_twice(editor_client, seed_page_path):
    token = preview(editor_client, upload(seed_page_path.name, seed_page_path.read_bytes())).context["token"]
    confirm(editor_client, token)

    response = confirm(editor_client, token)

    assert response.status_code == 302
    assert response["Location"] == IMPORT_URL
    assert SourceFile.objects.count() == 1
    assert Article.objects.count() == 2


def test_pasted_text_imports_like_an_uploaded_file(editor_client):
    response = preview(editor_client, text=OTHER_PAGE.decode())
    confirm(editor_client, response.context["token"])

    source = SourceFile.objects.get()
    assert source.name.startswith("pasted-") and source.name.endswith(".txt")
    assert sorted(Article.objects.values_list("title", flat=True)) == [RELATED, "Opposition leaders face new charges"]


def test_the_preview_says_which_articles_are_already_present_extended_or_newly_linked(editor_client, seeded):
    response = preview(editor_client, upload("other.txt", OTHER_PAGE))

    assert plans(response) == [
        [
            ("lead", "Opposition leaders face new charges", "new"),
            ("similar", RELATED, "text will be extended; new link under the lead"),
        ]
    ]


def test_a_file_already_imported_is_shown_as_such_and_offers_nothing_to_confirm(editor_client, seed_page_path, seeded):
    response = preview(editor_client, upload("again.txt", seed_page_path.read_bytes()))

    assert "This exact file is already in the archive" in response.text
    assert response.context["token"] is None
    assert 'value="Confirm import"' not in response.text


def test_a_bad_file_is_shown_with_its_error_at_its_line_and_nothing_is_written(editor_client):
    response = preview(editor_client, upload("bad.txt", NO_DATELINE))

    file = response.context["files"][0]
    assert (file.result.status, file.result.line, file.error_text) == (
        "rejected",
        3,
        "A paragraph where the dateline should be.",
    )
    assert "Rejected at line 3: the lead&#x27;s title must be followed by its dateline" in response.text
    assert 'value="Confirm import"' not in response.text
    assert SourceFile.objects.count() == 0
    assert Article.objects.count() == 0


def test_with_a_good_and_a_bad_file_only_the_good_one_is_imported(editor_client):
    response = preview(editor_client, upload("good.txt", OTHER_PAGE), upload("bad.txt", NO_DATELINE))
    assert [file.result.status for file in response.context["files"]] == ["imported", "rejected"]

    confirm(editor_client, response.context["token"])

    assert list(SourceFile.objects.values_list("name", flat=True)) == ["good.txt"]
    assert Article.objects.count() == 2


def test_two_pages_sharing_an_article_are_previewed_as_the_import_will_apply_them(editor_client, seed_page_path):
    """The second page sees what the first will have written: its similar item is no longer new."""
    response = preview(
        editor_client, upload(seed_page_path.name, seed_page_path.read_bytes()), upload("other.txt", OTHER_PAGE)
    )

    assert plans(response)[1] == [
        ("lead", "Opposition leaders face new charges", "new"),
        ("similar", RELATED, "text will be extended; new link under the lead"),
    ]
    confirm(editor_client, response.context["token"])
    assert SourceFile.objects.count() == 2
    assert Article.objects.count() == 3


def test_confirming_a_stale_preview_writes_nothing_and_shows_the_preview_again(editor_client, seed_page_path):
    token = preview(editor_client, upload(seed_page_path.name, seed_page_path.read_bytes())).context["token"]
    import_file("other.txt", OTHER_PAGE)  # meanwhile, on the command line

    response = confirm(editor_client, token)

    assert response.context["stale"] is True
    assert "The archive changed since your preview, so nothing was imported." in response.text
    assert list(SourceFile.objects.values_list("name", flat=True)) == ["other.txt"]
    assert Article.objects.count() == 2
    assert plans(response) == [
        [("lead", LEAD, "new"), ("similar", RELATED, "already present, unchanged; new link under the lead")]
    ]

    confirm(editor_client, response.context["token"])
    assert SourceFile.objects.count() == 2
    assert Article.objects.count() == 3


def test_the_preview_lists_the_persons_and_topics_the_tagger_assigns(editor_client, monkeypatch):
    person = Person.objects.create(slug="alexander-lukashenko", name="Alexander Lukashenko")

    def tag_everyone(articles, created=()):
        Mention.objects.bulk_create(Mention(article=article, person=person) for article in articles)

    monkeypatch.setattr(tagging, "tag_articles", tag_everyone)

    response = preview(editor_client, upload("other.txt", OTHER_PAGE))

    assert [row.persons for row in response.context["files"][0].rows] == [
        ["Alexander Lukashenko"],
        ["Alexander Lukashenko"],
    ]
    assert Mention.objects.count() == 0


EXPORTED_URL = "/articles/2019/05/03/an-exported-commentary/"
EXPORT_LINE = json.dumps(
    {
        "url": EXPORTED_URL,
        "title": "An exported commentary",
        "published": "2019-05-03",
        "language": "en",
        "body": "Its text, as the export gives it.",
        "sources": [{"file": "from-elsewhere.txt", "sha256": "ab" * 32, "role": "lead"}],
    }
)


def test_an_export_is_imported_when_the_editor_chooses_it_as_one(editor_client):
    export = SimpleUploadedFile("elsewhere.jsonl", (EXPORT_LINE + "\n").encode())

    response = editor_client.post(IMPORT_URL, {"export": export, "text": "", "preview": "Preview"})
    job_page = confirm(editor_client, response.context["token"])

    assert "An export, taken as its records stand. What it will do: 1 created." in response.text
    assert ImportJob.objects.get(pk=job_page["Location"].split("/")[-3]).created == 1
    assert [article.get_absolute_url() for article in Article.objects.all()] == [EXPORTED_URL]
    assert SourceFile.objects.get(name="elsewhere.jsonl").imported_by.username == "editor"


def test_the_form_offers_the_export_choice_only_where_exports_are_allowed():
    export = SimpleUploadedFile("elsewhere.jsonl", (EXPORT_LINE + "\n").encode())

    offered = ImportForm({}, {"export": export}, exports=True)
    withheld = ImportForm({}, {"export": export}, exports=False)

    assert offered.is_valid()
    assert [part.name for part in offered.cleaned_data["parts"]] == ["elsewhere.jsonl"]
    assert "export" not in withheld.fields
    assert not withheld.is_valid()
    assert withheld.non_field_errors() == ["Choose at least one file, or paste a page."]


def test_an_editor_is_offered_the_export_choice_labelled_as_such(editor_client):
    form = editor_client.get(IMPORT_URL).context["form"]

    assert form.fields["export"].label == "Import an export (.jsonl)"


def test_a_page_chosen_as_an_export_is_refused(editor_client):
    response = editor_client.post(
        IMPORT_URL, {"export": upload("page.txt", OTHER_PAGE), "text": "", "preview": "Preview"}
    )

    assert response.context["form"].non_field_errors() == ["“page.txt” is not a .jsonl export."]
    assert SourceFile.objects.count() == 0


def test_an_export_larger_than_a_page_is_counted_by_the_preview_and_imported_by_its_job(editor_client, settings):
    """Tried in full, a whole archive's export would hold the preview's request as long as its import."""
    settings.ARCHIVE_IMPORT_MAX_FILE_BYTES = len(EXPORT_LINE)
    export = SimpleUploadedFile("elsewhere.jsonl", (EXPORT_LINE + "\n").encode())

    response = editor_client.post(IMPORT_URL, {"export": export, "text": "", "preview": "Preview"})

    assert (response.context["files"], response.context["rest"]) == ([], 1)
    assert "And 1 more file, not shown here: the import reads it as it reads those above." in response.text
    confirm(editor_client, response.context["token"])
    assert ImportJob.objects.get().created == 1
    assert [article.get_absolute_url() for article in Article.objects.all()] == [EXPORTED_URL]
