"""One address, one language: the interface's language comes from the address alone, each page names itself in
every language, and what software reads stays at one address."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from archive.serving.languages import in_language, language_of
from tests.support.browsing_archive import PAGE_URLS

FILTERED = PAGE_URLS["list-filtered"]
BASE = "http://testserver"


@pytest.mark.parametrize(
    ("path", "language"),
    [("/", "en"), ("/ru/", "ru"), ("/ru", "ru"), ("/ru/articles/", "ru"), ("/rules/", "en"), ("/en/", "en")],
)
def test_an_address_is_in_the_language_its_first_segment_names_else_in_english(path, language):
    assert language_of(path) == language


@pytest.mark.parametrize(
    ("path", "code", "expected"),
    [
        ("/articles/?q=a&page=2", "ru", "/ru/articles/?q=a&page=2"),
        ("/ru/articles/?q=a", "en", "/articles/?q=a"),
        ("/ru/", "en", "/"),
        ("/", "en", "/"),
        ("/ru/people/", "ru", "/ru/people/"),
    ],
)
def test_an_address_in_another_language_keeps_its_path_and_query(path, code, expected):
    assert in_language(path, code) == expected


def test_neither_accept_language_nor_a_cookie_changes_a_public_page(client, browsing_archive):
    client.cookies["django_language"] = "ru"
    response = client.get("/articles/", headers={"accept-language": "ru"})

    assert BeautifulSoup(response.content, "html.parser").html["lang"] == "en"
    assert response["Content-Language"] == "en"
    assert not response.has_header("Vary") or "accept-language" not in response["Vary"].lower()


def test_the_admin_follows_the_editors_browser(client, db):
    response = client.get("/admin/login/", headers={"accept-language": "ru"})

    assert response["Content-Language"] == "ru"
    assert "Accept-Language" in response["Vary"]
    assert "Имя пользователя" in response.content.decode()


def test_a_page_links_to_itself_in_the_other_language_with_the_same_filters(client, browsing_archive):
    english = BeautifulSoup(client.get(FILTERED).content, "html.parser")
    russian = BeautifulSoup(client.get("/ru" + FILTERED).content, "html.parser")

    assert [(a["hreflang"], a["href"], a.text) for a in english.select(".language-switch a")] == [
        ("ru", "/ru" + FILTERED, "Русский")
    ]
    assert [(a["hreflang"], a["href"], a.text) for a in russian.select(".language-switch a")] == [
        ("en", FILTERED, "English")
    ]


def test_a_page_has_a_canonical_link_in_its_language_and_its_address_in_each_language(client, browsing_archive):
    html = BeautifulSoup(client.get("/ru/people/").content, "html.parser")

    assert html.select_one('link[rel="canonical"]')["href"] == f"{BASE}/ru/people/"
    assert [(link["hreflang"], link["href"]) for link in html.select('link[rel="alternate"][hreflang]')] == [
        ("en", f"{BASE}/people/"),
        ("ru", f"{BASE}/ru/people/"),
        ("x-default", f"{BASE}/people/"),
    ]


def test_a_russian_article_page_cites_and_links_software_to_the_one_permanent_address(client, browsing_archive):
    path = PAGE_URLS["article"]
    html = BeautifulSoup(client.get("/ru" + path).content, "html.parser")

    assert html.select_one(".citation a")["href"] == f"{BASE}{path}"
    assert [a["href"] for a in html.select(".downloads a")] == [f"{path}cite.{kind}" for kind in ("bib", "ris", "json")]
    assert html.select_one('meta[name="citation_public_url"]')["content"] == f"{BASE}{path}"


@pytest.mark.parametrize("path", ["/ru/articles/export.csv", "/ru/oai/", "/ru/sitemap.xml", "/ru/robots.txt"])
def test_what_software_reads_has_no_russian_address(client, browsing_archive, path):
    assert client.get(path).status_code == 404


def test_a_russian_feed_has_a_russian_title_and_the_same_entries(client, browsing_archive):
    english = feedparser.parse(client.get("/feeds/articles.atom").content)
    russian = feedparser.parse(client.get("/ru/feeds/articles.atom").content)

    assert russian.feed.title == "Архив белорусской политической аналитики"
    assert russian.feed.link == f"{BASE}/ru/articles/"
    assert [(e.id, e.link, e.title) for e in russian.entries] == [(e.id, e.link, e.title) for e in english.entries]


def test_each_language_of_a_page_is_kept_and_validated_under_its_own_address(client, browsing_archive, cached_pages):
    english = client.get("/people/")
    russian = client.get("/ru/people/")

    assert BeautifulSoup(russian.content, "html.parser").html["lang"] == "ru"
    assert BeautifulSoup(client.get("/people/").content, "html.parser").html["lang"] == "en"
    assert english["ETag"] != russian["ETag"]
    assert client.get("/ru/people/", headers={"if-none-match": english["ETag"]}).status_code == 200
    assert client.get("/ru/people/", headers={"if-none-match": russian["ETag"]}).status_code == 304
