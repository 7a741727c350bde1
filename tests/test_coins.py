"""COinS on the pages that list articles: one ContextObject in each result, read the way Zotero's COinS translator
reads a page (every `span.Z3988`, its title parsed as a query string), so that a list saves as several items."""

from urllib.parse import parse_qs, parse_qsl

import pytest
from bs4 import BeautifulSoup

from archive.models import Article
from tests.support.browsing_archive import MARCH, RELEASE, SANCTIONS, SEED_LEAD, SEED_RELATED, permalink

BASE = "http://testserver"
SITE = "Belarus Commentary Archive"


def results(client, url):
    """(the result's title, its ContextObject as parsed) for each <article> of the page's results."""
    html = BeautifulSoup(client.get(url).content, "html.parser")
    found = []
    for article in html.select("main article.item"):
        [span] = article.select("span.Z3988")
        found.append((article.find("a").text, parse_qs(span["title"], strict_parsing=True)))
    return found


def context_object(title, date, summary, url, language="en"):
    return {
        "ctx_ver": ["Z39.88-2004"],
        "rft_val_fmt": ["info:ofi/fmt:kev:mtx:journal"],
        "rft.genre": ["article"],
        "rft.atitle": [title],
        "rft.jtitle": [SITE],
        "rft.type": ["newspaperArticle"],
        "rft.date": [date],
        "rft.description": [summary],
        "rft_id": [BASE + url],
        "rft.language": [language],
    }


def test_each_result_is_a_newspaper_article_with_its_moment_in_utc_its_first_paragraph_and_permanent_address(
    client, browsing_archive
):
    """The datelines are 2 October 2017 (no time), 30 September 2017 09:05 and 25 September 2017 11:14, Minsk."""
    assert results(client, "/articles/?person=nikolai-statkevich") == [
        (
            MARCH,
            context_object(
                MARCH,
                "2017-10-02",
                "Организаторы подали заявку на шествие, но власти пока не ответили.",
                permalink("2017/10/02", MARCH),
                "ru",
            ),
        ),
        (
            RELEASE,
            context_object(
                RELEASE,
                "2017-09-30T06:05:00Z",
                "The opposition politician Nikolai Statkevich left the detention centre in Minsk on Saturday morning.",
                permalink("2017/09/30", RELEASE),
            ),
        ),
        (
            SEED_RELATED,
            context_object(
                SEED_RELATED,
                "2017-09-25T08:14:00Z",
                Article.objects.get(title=SEED_RELATED).summary,
                permalink("2017/09/25", SEED_RELATED),
            ),
        ),
    ]


def test_the_type_comes_after_the_titles_as_zoteros_coins_translator_needs(client, browsing_archive):
    """Zotero reads the keys in order and silently drops an item whose `rft.type` comes before its titles."""
    html = BeautifulSoup(client.get("/articles/").content, "html.parser")

    assert {tuple(key for key, _ in parse_qsl(span["title"])) for span in html.select("span.Z3988")} == {
        (
            "ctx_ver",
            "rft_val_fmt",
            "rft.genre",
            "rft.atitle",
            "rft.jtitle",
            "rft.type",
            "rft.date",
            "rft.description",
            "rft_id",
            "rft.language",
        )
    }


@pytest.mark.parametrize(
    ("url", "titles"),
    [
        ("/", [SANCTIONS, RELEASE, SEED_LEAD]),
        ("/people/alexander-lukashenko/", [SANCTIONS, SEED_LEAD]),
        ("/topics/sanctions/", [SANCTIONS]),
        ("/articles/2017/", [SEED_RELATED, RELEASE, MARCH]),
        ("/articles/2017/09/", [SEED_RELATED, RELEASE]),
    ],
)
def test_every_page_that_lists_articles_gives_one_context_object_per_result(client, browsing_archive, url, titles):
    found = results(client, url)

    assert [title for title, _ in found] == titles
    assert [data["rft.atitle"] for _, data in found] == [[title] for title in titles]


def test_markup_and_ampersands_in_a_title_are_escaped_and_read_back_whole(client, browsing_archive):
    html = client.get("/topics/sanctions/").content.decode()

    assert "rft.atitle=Sanctions%20debate%20returns%20to%20Brussels%20%26%20Minsk%20watches%20%3Cclosely%3E" in html
    assert results(client, "/topics/sanctions/")[0][1]["rft.atitle"] == [SANCTIONS]


def test_the_span_is_empty_and_hidden_from_assistive_technology(client, browsing_archive):
    html = BeautifulSoup(client.get("/articles/").content, "html.parser")
    spans = html.select("span.Z3988")

    assert len(spans) == len(html.select(".results article")) == 5
    assert {(span.text, span["aria-hidden"]) for span in spans} == {("", "true")}


def test_an_article_page_carries_no_context_object_so_zotero_saves_the_article_itself(client, browsing_archive):
    """Zotero prefers COinS to the page's own metadata: on an article page its similar items would be offered
    instead of the article."""
    html = client.get(permalink("2016/04/22", SEED_LEAD)).content.decode()

    assert "Z3988" not in html
