"""The interface in Russian: every public page type with no English word of its interface left, Russian plural
forms, and the same results in the same order whatever the interface's language."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import translation

from tests.support.browsing_archive import PAGE_URLS
from tests.support.interface_words import interface_words, page_words

PAGE_TYPES = [
    "home",
    "list",
    "list-filtered",
    "list-search",
    "list-invalid",
    "article",
    "article-photo",
    "article-russian",
    "people",
    "person",
    "topics",
    "topic",
    "year",
    "month",
    "versions",
    "version-former",
    "version-compare",
    "not-found",
    "api",
]
COUNT = Template(
    "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} article{% plural %}"
    "{{ counter }} articles{% endblocktranslate %}"
)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_a_page_in_russian_keeps_none_of_the_english_words_of_its_interface(client, browsing_archive, name):
    english = client.get(PAGE_URLS[name])
    russian = client.get("/ru" + PAGE_URLS[name])

    assert (english.status_code, russian.status_code) == ((404, 404) if name == "not-found" else (200, 200))
    words = interface_words(english.content.decode(), PAGE_URLS[name])
    assert words, "the English page shows no interface words to look for"
    assert sorted(words & page_words(russian.content.decode())) == []


def test_a_russian_page_says_it_is_in_russian_and_marks_english_text_as_english(client, browsing_archive):
    html = BeautifulSoup(client.get("/ru" + PAGE_URLS["article"]).content, "html.parser")

    assert html.html["lang"] == "ru"
    assert html.select_one("h1.article-title")["lang"] == "en"
    assert html.select_one(".article-body")["lang"] == "en"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 статья"), (2, "2 статьи"), (5, "5 статей"), (11, "11 статей"), (21, "21 статья"), (22, "22 статьи")],
)
def test_result_counts_take_the_russian_plural_forms(count, expected):
    with translation.override("ru"):
        assert COUNT.render(Context({"n": count})) == expected


def test_the_list_says_how_many_articles_it_found_in_russian(client, browsing_archive):
    html = BeautifulSoup(client.get("/ru" + PAGE_URLS["list-filtered"]).content, "html.parser")

    assert html.select_one(".result-count").text == "2 статьи"


def test_a_dateline_in_russian_names_the_month_as_a_date_does(client, browsing_archive):
    html = BeautifulSoup(client.get("/ru" + PAGE_URLS["article"]).content, "html.parser")

    assert html.select_one(".dateline time").text == "30 сентября 2017, 09:05"


def result_addresses(client, url):
    """The results' links, without the language prefix of the page they are on."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [link["href"].removeprefix("/ru") for link in html.select(".results article .item-title a")]


@pytest.mark.parametrize("name", ["list", "list-filtered", "list-search", "person", "topic", "year", "month"])
def test_filters_and_search_give_the_same_results_in_the_same_order_in_both_languages(client, browsing_archive, name):
    english = result_addresses(client, PAGE_URLS[name])

    assert english
    assert result_addresses(client, "/ru" + PAGE_URLS[name]) == english
