"""The admin in the editor's language: chosen by their browser, outside the public pages' addresses, and with every
word of the archive's own screens translated."""

import datetime

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import ImportJob, JobRejection
from tests.support.editing import IMPORT_URL
from tests.support.interface_words import interface_words, remaining_words
from tests.support.jobs import staged_zip, zipped

STARTED = datetime.datetime(2026, 5, 4, 12, 0, tzinfo=datetime.UTC)
LOOKED_AT = STARTED + datetime.timedelta(seconds=30)


def preview_seed_page(client, seed_page_path, language):
    upload = SimpleUploadedFile(seed_page_path.name, seed_page_path.read_bytes(), content_type="text/plain")
    return client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"}, HTTP_ACCEPT_LANGUAGE=language)


def make_job(editor, **fields):
    """A job of 8 files started at STARTED, with one rejected file."""
    staged = staged_zip([(f"{n}.txt", b"page") for n in range(8)])
    job = ImportJob.objects.create(
        created_by=editor, folder=staged.token, description="pages.zip", files_total=8, started_at=STARTED, **fields
    )
    JobRejection.objects.create(job=job, position=1, name="pages.zip/1.txt", line=3, error="no dateline")
    return job


def job_page(client, job, language):
    with time_machine.travel(LOOKED_AT, tick=False):
        return client.get(f"/admin/archive/importjob/{job.pk}/change/", HTTP_ACCEPT_LANGUAGE=language).text


def test_the_import_screen_in_russian_keeps_none_of_the_english_screens_interface_words(editor_client, editor):
    english = editor_client.get(IMPORT_URL, HTTP_ACCEPT_LANGUAGE="en").text
    russian = editor_client.get(IMPORT_URL, HTTP_ACCEPT_LANGUAGE="ru").text

    assert {"import", "pages", "paste", "preview", "confirm"} <= interface_words(english, content=[editor.username])
    assert remaining_words(english, russian, content=[editor.username]) == []
    assert "Импорт страниц" in russian


def test_the_import_preview_in_russian_keeps_none_of_the_english_previews_interface_words(
    editor_client, editor, gazetteer, seed_page_path
):
    english = preview_seed_page(editor_client, seed_page_path, "en").text
    russian = preview_seed_page(editor_client, seed_page_path, "ru").text
    content = [editor.username, seed_page_path.name, seed_page_path.read_text()]

    assert {"role", "dateline", "paragraphs", "happen", "confirm"} <= interface_words(english, content=content)
    assert remaining_words(english, russian, content=content) == []
    assert "<summary>6 абзацев</summary>" in russian
    assert "<summary>1 абзац</summary>" in russian
    assert "22 апреля 2016 18:26" in russian


def test_the_preview_names_persons_and_topics_in_the_editors_language(editor_client, gazetteer, seed_page_path):
    english = preview_seed_page(editor_client, seed_page_path, "en")
    russian = preview_seed_page(editor_client, seed_page_path, "ru")

    [(_, english_similar)] = [file.rows for file in english.context["files"]]
    [(_, russian_similar)] = [file.rows for file in russian.context["files"]]
    assert english_similar.persons == ["Nikolai Statkevich", "Vladimir Neklyaev"]
    assert russian_similar.persons == ["Николай Статкевич", "Владимир Некляев"]
    assert russian_similar.topics == ["Общество и политические партии"]


def test_a_running_jobs_page_in_russian_keeps_none_of_the_english_pages_interface_words(editor_client, editor):
    job = make_job(editor, status=ImportJob.Status.RUNNING, worker="a-worker", files_done=2, files_rejected=1)

    english = job_page(editor_client, job, "en")
    russian = job_page(editor_client, job, "ru")
    content = [editor.username, "pages.zip/1.txt", "no dateline"]

    assert {"elapsed", "refresh", "cancel", "worker", "queue"} <= interface_words(english, content=content)
    assert remaining_words(english, russian, content=content) == []
    assert '<span data-field="files">Файлов: 2 из 8 (25 %)</span>' in russian
    assert '<dd data-field="status">выполняется</dd>' in russian
    assert '<dd data-field="remaining">1 мин 30 с</dd>' in russian


def test_a_cancelled_jobs_page_in_russian_counts_the_files_left_in_russian(editor_client, editor):
    job = make_job(
        editor, status=ImportJob.Status.CANCELLED, files_done=3, stopped_before="pages.zip/3.txt", finished_at=LOOKED_AT
    )

    russian = job_page(editor_client, job, "ru")

    assert (
        '<p class="job-stopped">Отменено. Импортировано файлов: 3 из 8, они остаются в архиве; «pages.zip/3.txt» и '
        "ещё 4 файла после него не импортированы.</p>" in russian
    )


def test_the_job_list_gives_each_jobs_outcome_in_russian(editor_client, editor):
    make_job(editor, status=ImportJob.Status.DONE, files_done=8, files_rejected=1, created=5, finished_at=LOOKED_AT)

    russian = editor_client.get("/admin/archive/importjob/", HTTP_ACCEPT_LANGUAGE="ru").text

    assert "завершено: создано 5, обновлено 0, без изменений 0; отклонён 1 файл" in russian
    assert "Кто поставил в очередь" in russian


def test_the_admin_speaks_the_language_the_browser_asks_for_and_says_it_varies_on_it(editor_client):
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.8")

    assert '<html lang="ru"' in response.text
    assert "Архив комментариев" in response.text
    assert response["Content-Language"] == "ru"
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in response["Vary"].split(",")}


def test_the_language_cookie_an_editor_chose_outweighs_the_browsers_and_the_admin_is_never_cached(editor_client):
    editor_client.cookies["django_language"] = "ru"

    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="ru"' in response.text
    assert response["Content-Language"] == "ru"
    assert {"no-store", "private"} <= {v.strip() for v in response["Cache-Control"].split(",")}


def test_a_browser_asking_for_a_language_the_archive_lacks_gets_the_english_admin(editor_client):
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")

    assert '<html lang="en"' in response.text
    assert response["Content-Language"] == "en"


def test_the_login_page_is_in_the_browsers_language_before_anyone_logs_in(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ru")

    assert '<html lang="ru"' in response.text
    assert "Войти" in response.text


def test_a_public_page_after_a_russian_admin_page_keeps_its_own_language_and_does_not_vary(editor_client, seeded):
    editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru")

    response = editor_client.get("/people/", HTTP_ACCEPT_LANGUAGE="ru")

    assert "Nikolai Statkevich" in response.text
    assert "Николай Статкевич" not in response.text
    assert "accept-language" not in response.get("Vary", "").lower()


def test_a_zip_that_unpacks_beyond_the_unpacked_limit_is_refused_in_russian_naming_that_limit(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_UNPACKED_BYTES = 4096
    page = b"A short commentary\n\nApril 22, 2016\n\n" + b"A sentence that repeats. " * 112
    upload = zipped([("a.txt", page), ("b.txt", page)])

    response = editor_client.post(
        IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"}, HTTP_ACCEPT_LANGUAGE="ru"
    )

    assert response.context["form"].non_field_errors() == [
        "«pages.zip» распаковывается в 5,5\xa0КБ — больше 4,0\xa0КБ, допустимых для импорта: это похоже на zip-бомбу, "
        "архив отклонён."
    ]
