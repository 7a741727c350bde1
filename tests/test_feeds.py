"""Atom feeds, read back with feedparser as a feed reader would."""

import datetime

import feedparser
import lxml.html
import pytest
from django.utils.http import http_date

from archive.index import store
from archive.index.kept import Kept
from archive.models import Article, Change, Person
from archive.research import feeds
from tests.support import atom
from tests.support.importing import import_path
from tests.support.locations import PAGES

BASE = "http://testserver"
LEAD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
RELATED = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"
DATELESS = "/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"


def read_feed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    atom.check(response.content)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_archive_feed_lists_every_article_newest_first_at_its_permanent_url(client, research_archive):
    feed = read_feed(client, "/feeds/articles.atom")

    assert feed.feed.title == "Belarus Commentary Archive"
    assert feed.feed.link == BASE + "/articles/"
    assert [entry.link for entry in feed.entries] == [BASE + DATELESS, BASE + RELATED, BASE + LEAD]
    assert [entry.id for entry in feed.entries] == [BASE + DATELESS, BASE + RELATED, BASE + LEAD]


def test_entries_are_dated_in_minsk_time_and_a_dateline_without_time_from_the_start_of_its_day(
    client, research_archive
):
    feed = read_feed(client, "/feeds/articles.atom")

    assert [entry.published for entry in feed.entries] == [
        "2020-05-12T00:00:00+03:00",
        "2017-09-25T11:14:00+03:00",
        "2016-04-22T18:26:00+03:00",
    ]


def test_every_entry_is_updated_when_its_article_last_changed_and_the_feed_when_its_newest_entry_did(
    client, research_archive
):
    feed = read_feed(client, "/feeds/articles.atom")
    changed = [
        Article.objects.get(pk=pk).updated_at
        for pk in (research_archive.dateless.pk, research_archive.related.pk, research_archive.lead.pk)
    ]

    assert [datetime.datetime.fromisoformat(entry.updated) for entry in feed.entries] == changed
    assert datetime.datetime.fromisoformat(feed.feed.updated) == max(changed)


def test_a_feed_without_entries_is_the_same_on_every_request(client, research_archive, time_machine):
    """Django dates an empty feed by the clock; a reader polling it would see a new feed every time."""
    Person.objects.create(slug="nobody-writes", name="Nobody Writes")
    store.catch_up()
    time_machine.move_to(datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC), tick=False)
    first = client.get("/people/nobody-writes/feed.atom")
    time_machine.move_to(datetime.datetime(2030, 1, 2, tzinfo=datetime.UTC), tick=False)
    second = client.get("/people/nobody-writes/feed.atom")

    assert first.content == second.content
    assert read_feed(client, "/people/nobody-writes/feed.atom").entries == []


def test_importing_an_older_article_is_a_new_feed_to_a_client_sending_if_modified_since_alone(
    client, research_archive, django_capture_on_commit_callbacks, time_machine
):
    before = client.get("/feeds/articles.atom")
    # HTTP dates are whole seconds: an import within the second of the first request could not be told apart.
    time_machine.move_to(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=True):
        result = import_path(PAGES / "iso_datelines.txt")
    assert result.status == "imported"
    after = client.get("/feeds/articles.atom", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])

    assert after.status_code == 200
    assert after.content != before.content
    assert after["Last-Modified"] == http_date(Change.objects.newest()[1].timestamp())


def test_an_entry_summarises_the_first_paragraph_and_keeps_the_authors_ampersand_as_text(client, research_archive):
    feed = read_feed(client, "/feeds/articles.atom")

    assert feed.entries[0].title == 'Opposition <leaders> & the "Vilnius" talks'
    assert feed.entries[0].summary == (
        "Opposition leaders met in Vilnius to discuss a common platform &amp; a single candidate."
    )


def test_an_entry_is_categorised_by_its_persons_and_topics_but_not_by_rejected_ones(client, research_archive):
    feed = read_feed(client, "/feeds/articles.atom")

    assert [[tag.term for tag in entry.tags] for entry in feed.entries] == [
        ["Nikolai Statkevich", "Alexander Lukashenko"],
        ["Nikolai Statkevich", "Protests"],
        ["Alexander Lukashenko", "Vladimir Putin"],
    ]


def test_an_entry_written_for_one_feed_is_written_again_only_once_its_article_changed(
    client, research_archive, monkeypatch
):
    monkeypatch.setattr(feeds, "_entries", Kept(feeds.KEPT_ENTRIES))
    made, make = [], feeds.ArticlesFeed.entry
    monkeypatch.setattr(
        feeds.ArticlesFeed, "entry", lambda self, card, *site: made.append(card.pk) or make(self, card, *site)
    )
    first = client.get("/feeds/articles.atom").content
    assert client.get("/feeds/articles.atom").content == first
    assert len(made) == 3

    research_archive.lead.title = "Lukashenko and the conflict, revised"
    research_archive.lead.save()
    feed = read_feed(client, "/feeds/articles.atom")

    assert made[3:] == [research_archive.lead.pk]
    assert feed.entries[2].title == "Lukashenko and the conflict, revised"
    assert [entry.link for entry in feed.entries] == [BASE + DATELESS, BASE + RELATED, BASE + LEAD]


def test_a_kept_entry_names_the_host_each_feed_is_asked_from(client, research_archive, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    client.get("/feeds/articles.atom")

    feed = feedparser.parse(client.get("/feeds/articles.atom", HTTP_HOST="mirror.example").content)

    assert [entry.link for entry in feed.entries] == [
        f"http://mirror.example{path}" for path in (DATELESS, RELATED, LEAD)
    ]


def test_a_persons_feed_has_exactly_the_articles_about_them(client, research_archive):
    feed = read_feed(client, "/people/nikolai-statkevich/feed.atom")

    assert feed.feed.title == "Nikolai Statkevich — Belarus Commentary Archive"
    assert feed.feed.link == BASE + "/people/nikolai-statkevich/"
    assert [entry.link for entry in feed.entries] == [BASE + DATELESS, BASE + RELATED]


def test_a_persons_feed_leaves_out_articles_where_an_editor_rejected_them(client, research_archive):
    """Putin was found in the Vilnius article and rejected there: only the lead is about him."""
    feed = read_feed(client, "/people/vladimir-putin/feed.atom")

    assert [entry.link for entry in feed.entries] == [BASE + LEAD]


def test_a_topics_feed_has_exactly_its_articles(client, research_archive):
    feed = read_feed(client, "/topics/protests/feed.atom")

    assert feed.feed.title == "Protests — Belarus Commentary Archive"
    assert [entry.link for entry in feed.entries] == [BASE + RELATED]


@pytest.mark.parametrize("path", ["/people/nobody/feed.atom", "/topics/nothing/feed.atom"])
def test_feeds_of_unknown_persons_and_topics_are_not_found(client, research_archive, path):
    assert client.get(path).status_code == 404


def test_feeds_are_read_only(client, research_archive):
    assert client.post("/feeds/articles.atom").status_code == 405


def atom_links(html):
    links = lxml.html.fromstring(html).xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
    return [(link.get("title"), link.get("href")) for link in links]


def test_every_page_announces_the_archive_feed(client, research_archive):
    html = client.get("/").content.decode()

    assert atom_links(html) == [("All articles", "/feeds/articles.atom")]


def test_a_persons_page_announces_their_feed(client, research_archive):
    html = client.get("/people/nikolai-statkevich/").content.decode()

    assert atom_links(html) == [
        ("All articles", "/feeds/articles.atom"),
        ("Articles about Nikolai Statkevich", "/people/nikolai-statkevich/feed.atom"),
    ]


def test_a_topics_page_announces_its_feed(client, research_archive):
    html = client.get("/topics/protests/").content.decode()

    assert atom_links(html) == [
        ("All articles", "/feeds/articles.atom"),
        ("Articles on Protests", "/topics/protests/feed.atom"),
    ]
