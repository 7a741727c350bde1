"""What versions cost and where they show: the article page takes two queries however long its history, a version
page and the TimeMap a fixed number; feeds, sitemaps and lists show only present texts; the API lists versions."""

import datetime

import feedparser
import pytest

from archive.index import store
from archive.models import ArticleVersion
from archive.models import versions as history
from tests.support.versioned_archive import FIRST_TITLE, FIXED_TITLE, LEAD_URL

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def with_versions(article, count):
    """Give the article `count` versions, each a day after the one before, as editors' corrections."""
    for n in range(count):
        article.title = f"{article.title.split(' (')[0]} ({n + 1})"
        article.save()
        history.next_version(article, START + datetime.timedelta(days=n))
        article.save(update_fields=["version_count", "text_since"])
        history.keep([article], ArticleVersion.Cause.EDIT)
    store.catch_up()
    return article


@pytest.mark.parametrize("count", [0, 20])
def test_the_article_page_takes_two_queries_whatever_its_history(
    client, make_article, django_assert_num_queries, count
):
    """The generation and the article: its row says since when its text stands and how many versions it has."""
    article = with_versions(make_article("Corrected", "2016-01-01"), count)
    with django_assert_num_queries(2):
        response = client.get(article.get_absolute_url())
    assert ("earlier versions of this text" in response.content.decode()) == (count > 1)


@pytest.mark.parametrize("count", [2, 20])
def test_a_version_page_takes_four_queries_whatever_its_history(client, make_article, django_assert_num_queries, count):
    """The generation, the article, every version's number and moment, and the text shown."""
    article = with_versions(make_article("Corrected", "2016-01-01"), count)
    with django_assert_num_queries(4):
        assert client.get(f"{article.get_absolute_url()}versions/2/").status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_the_timemap_and_timegate_take_three_and_two_queries_whatever_the_history(
    client, make_article, django_assert_num_queries, count
):
    article = with_versions(make_article("Corrected", "2016-01-01"), count)
    with django_assert_num_queries(3):
        assert client.get(f"{article.get_absolute_url()}timemap/").status_code == 200
    with django_assert_num_queries(2):
        assert client.get(f"{article.get_absolute_url()}timegate/").status_code == 302


def test_feeds_sitemaps_and_lists_show_only_present_texts(versioned, client):
    feed = feedparser.parse(client.get("/feeds/articles.atom").content)
    pages = [
        client.get(path).content.decode() for path in ("/", "/articles/", "/articles/2016/", "/sitemap-articles.xml")
    ]

    assert FIXED_TITLE in [entry.title for entry in feed.entries]
    assert FIRST_TITLE not in [entry.title for entry in feed.entries]
    assert all(FIXED_TITLE in page for page in pages[:3])
    assert not any(FIRST_TITLE in page or "/versions/" in page for page in pages)


def test_the_api_gives_an_articles_public_versions(versioned, client):
    article = client.get(f"/api{LEAD_URL}").json()
    listed = client.get(article["versions"]).json()

    assert article["versions"] == f"http://testserver/api{LEAD_URL}versions/"
    assert listed["timemap"] == f"http://testserver{LEAD_URL}timemap/"
    assert [(v["number"], v["since"], v["title"], v["current"]) for v in listed["results"]] == [
        (1, "2026-01-10T09:00:00Z", FIRST_TITLE, False),
        (2, "2026-03-05T12:30:00Z", FIRST_TITLE, False),
        (3, "2026-06-01T08:15:00Z", FIXED_TITLE, True),
    ]
    assert listed["results"][0]["url"] == f"http://testserver{LEAD_URL}versions/1/"


def test_the_oai_datestamp_is_the_present_texts_memento_datetime_when_nothing_changed_since(versioned, client):
    from tests.oai.provider import oai
    from tests.support.oai_protocol import text

    record = oai(
        client, verb="GetRecord", metadataPrefix="oai_dc", identifier=f"oai:archive.localhost:{LEAD_URL[1:-1]}"
    )
    assert text(record, "//oai:header/oai:datestamp") == "2026-06-01T08:15:00Z"
