"""What each reader page asks the database, with a full page of articles that each name persons and topics: the
cards of a list come from the read index, so no page asks for its articles, their persons or their topics."""

import pytest

from archive.index import store
from archive.models import ArticleTopic, Mention, Person, Topic

ARTICLES = 45


@pytest.fixture
def full_pages(make_article):
    """45 articles over two months of 2016, each naming three of five persons and two of three topics."""
    persons = [Person.objects.create(slug=f"person-{n}", name=f"Person {n}", name_ru=f"Персона {n}") for n in range(5)]
    topics = [Topic.objects.create(slug=f"topic-{n}", name=f"Topic {n}") for n in range(3)]
    for n in range(ARTICLES):
        article = make_article(f"Note {n}", f"2016-0{1 + n % 2}-{1 + n % 28:02d}", body=f"About sanctions, part {n}.")
        for position in range(3):
            Mention.objects.create(article=article, person=persons[(n + position) % 5], position=position)
        for position in range(2):
            ArticleTopic.objects.create(article=article, topic=topics[(n + position) % 3], position=position)
    store.catch_up()


PAGES = {
    # The generation, the facets' persons and topics.
    "/articles/": 3,
    "/ru/articles/": 3,
    "/articles/?page=2": 3,
    "/articles/?sort=oldest": 3,
    # … and the person and topic the filters name, for the chips.
    "/articles/?person=person-1&topic=topic-2": 5,
    # … and the bodies the snippets are cut from.
    "/articles/?q=sanctions": 4,
    "/ru/articles/?q=sanctions": 4,
    # The generation, the most written-about persons and topics.
    "/": 3,
    "/ru/": 3,
    # The generation, the person, the persons and topics written about with them.
    "/people/person-1/": 4,
    "/ru/people/person-1/": 4,
    "/topics/topic-1/": 4,
    # The generation: the months, the days and the years beside come from the index too.
    "/articles/2016/": 1,
    "/articles/2016/01/": 1,
    # The generation: the entries are the index's cards, their last changes its column.
    "/feeds/articles.atom": 1,
    # … and the person.
    "/people/person-1/feed.atom": 2,
}


@pytest.mark.parametrize(("url", "queries"), PAGES.items(), ids=PAGES.keys())
def test_a_list_page_asks_a_fixed_number_of_queries(client, full_pages, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
