"""The admin in the editor's language: chosen by their browser, outside the public pages' addresses, and with every
word of the archive's own screens translated."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.support.editing import IMPORT_URL
from tests.support.interface_words import interface_words, remaining_words


def preview_seed_page(client, seed_page_path, language):
    upload = SimpleUploadedFile(seed_page_path.name, seed_page_path.read_bytes(), content_type="text/plain")
    return client.post(IMPORT_URL, {"files": [upload], "text": "", "preview": "Preview"}, HTTP_ACCEPT_LANGUAGE=language)


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


def test_the_admin_speaks_the_language_the_browser_asks_for_and_says_it_varies_on_it(editor_client):
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.8")

    assert '<html lang="ru"' in response.text
    assert "Архив комментариев" in response.text
    assert response["Content-Language"] == "ru"
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in response["Vary"].split(",")}


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
