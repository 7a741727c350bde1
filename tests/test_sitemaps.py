"""Sitemaps and robots.txt, read as a crawler reads them."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from archive.models import Article, Decision, Mention, Person
from tests.support.research_archive import build_research_archive

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


@pytest.fixture
def archive(db):
    archive = build_research_archive()
    # Dates the articles were last changed, so that each lastmod can be told apart.
    for article, day in [(archive.lead, 1), (archive.related, 2), (archive.dateless, 3)]:
        moment = datetime.datetime(2024, 3, day, 12, 0, tzinfo=datetime.UTC)
        Article.objects.filter(pk=article.pk).update(updated_at=moment)
    return archive


def read_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def entries(root, tag):
    return [
        (node.findtext("sm:loc", namespaces=NS), node.findtext("sm:lastmod", namespaces=NS))
        for node in root.findall(f"sm:{tag}", NS)
    ]


def in_each_language(listed):
    """Each (path, lastmod) as the sitemap lists it: in English, then in Russian."""
    return [(f"{BASE}{prefix}{path}", lastmod) for path, lastmod in listed for prefix in ("", "/ru")]


def test_the_sitemap_index_names_one_sitemap_a_section_with_its_latest_change(client, archive):
    root = read_xml(client, "/sitemap.xml")

    assert entries(root, "sitemap") == [
        (f"{BASE}/sitemap-articles.xml", "2024-03-03T15:00:00+03:00"),
        (f"{BASE}/sitemap-people.xml", "2024-03-03T15:00:00+03:00"),
        (f"{BASE}/sitemap-topics.xml", "2024-03-02T15:00:00+03:00"),
    ]


def test_the_sitemap_index_dates_its_sections_by_a_change_made_after_the_index_was_built(client, archive, time_machine):
    """The moments are worked out by the writer as it applies a change, not when the index is read."""
    read_xml(client, "/sitemap.xml")
    time_machine.move_to(datetime.datetime(2025, 1, 1, 12, 0, tzinfo=datetime.UTC), tick=False)
    archive.related.title = "Belarusian authorities resumed arrests of the opposition"
    archive.related.save()

    root = read_xml(client, "/sitemap.xml")

    assert entries(root, "sitemap") == [
        (f"{BASE}/sitemap-articles.xml", "2025-01-01T15:00:00+03:00"),
        (f"{BASE}/sitemap-people.xml", "2025-01-01T15:00:00+03:00"),
        (f"{BASE}/sitemap-topics.xml", "2025-01-01T15:00:00+03:00"),
    ]


def test_the_sitemap_index_takes_three_queries_its_counts_and_dates_come_from_the_read_index(
    client, archive, django_assert_num_queries
):
    """The generation, then the persons and the topics to list: no count or maximum over every article."""
    client.get("/sitemap.xml")
    with django_assert_num_queries(3):
        assert client.get("/sitemap.xml").status_code == 200


def test_the_articles_sitemap_lists_every_permanent_url_with_the_day_it_last_changed(client, archive):
    root = read_xml(client, "/sitemap-articles.xml")

    assert entries(root, "url") == in_each_language(
        [
            ("/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/", "2024-03-01"),
            ("/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/", "2024-03-02"),
            ("/articles/2020/05/12/opposition-leaders-the-vilnius-talks/", "2024-03-03"),
        ]
    )


def test_every_address_of_the_sitemap_names_its_page_in_each_language_and_english_as_the_default(client, archive):
    root = read_xml(client, "/sitemap-topics.xml")

    alternates = [
        [(link.get("hreflang"), link.get("href")) for link in node.findall("xhtml:link", NS)]
        for node in root.findall("sm:url", NS)
    ]
    both = [("en", f"{BASE}/topics/protests/"), ("ru", f"{BASE}/ru/topics/protests/")]
    assert alternates == [[*both, ("x-default", f"{BASE}/topics/protests/")]] * 2


def test_the_people_sitemap_lists_persons_with_a_published_article_dated_by_their_newest_change(client, archive):
    """A person whose only mention an editor rejected has no page worth crawling."""
    rejected_only = Person.objects.create(slug="nobody-really", name="Nobody Really")
    Mention.objects.create(article=archive.lead, person=rejected_only, decision=Decision.REJECTED, position=5)

    root = read_xml(client, "/sitemap-people.xml")

    assert entries(root, "url") == in_each_language(
        [
            ("/people/alexander-lukashenko/", "2024-03-03"),
            ("/people/nikolai-statkevich/", "2024-03-03"),
            ("/people/vladimir-putin/", "2024-03-01"),
        ]
    )


def test_the_topics_sitemap_lists_topics_with_a_published_article(client, archive):
    root = read_xml(client, "/sitemap-topics.xml")

    assert entries(root, "url") == in_each_language([("/topics/protests/", "2024-03-02")])


def test_an_unknown_sitemap_section_is_not_found(client, archive):
    assert client.get("/sitemap-authors.xml").status_code == 404


def test_robots_txt_points_crawlers_at_the_sitemap_and_away_from_bulk_exports(client, archive):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\nDisallow: /admin/\nDisallow: /articles/export.\nSitemap: http://testserver/sitemap.xml\n"
    )


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-articles.xml", "/robots.txt"])
def test_crawler_files_are_read_only(client, archive, path):
    assert client.post(path).status_code == 405


def test_the_sitemap_index_of_an_empty_archive_is_still_valid(client, db):
    root = read_xml(client, "/sitemap.xml")

    assert [loc for loc, _ in entries(root, "sitemap")] == [
        f"{BASE}/sitemap-articles.xml",
        f"{BASE}/sitemap-people.xml",
        f"{BASE}/sitemap-topics.xml",
    ]


def test_a_sitemap_page_reads_only_the_items_its_lines_name_each_once_per_language():
    from archive.research.sitemaps import EveryItemInEachLanguage

    pairs = EveryItemInEachLanguage(range(5), ["en", "ru"], count=5)

    assert len(pairs) == 10
    assert pairs[3:7] == [(1, "ru"), (2, "en"), (2, "ru"), (3, "en")]
