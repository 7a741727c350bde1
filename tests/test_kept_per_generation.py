"""What a page reads from the database besides the index is read once a generation: the persons and topics it
names, and a search's marked titles and snippets. A page asked again in the same generation reads none of it, and
what an editor changed shows on the next page."""

import pytest

from archive.index import store, surroundings
from archive.models import Article, ArticleTopic, Mention, Person, Topic


@pytest.fixture
def named(make_article):
    article = make_article("Talks in Vilnius", "2016-04-22", body="Opposition leaders met in Vilnius.")
    person = Person.objects.create(slug="someone", name="Someone", name_ru="Некто")
    other = Person.objects.create(slug="someone-else", name="Another", name_ru="Другой")
    topic = Topic.objects.create(slug="talks", name="Talks", name_ru="Переговоры")
    Mention.objects.create(article=article, person=person, position=0)
    Mention.objects.create(article=article, person=other, position=1)
    ArticleTopic.objects.create(article=article, topic=topic)
    store.catch_up()
    return person


@pytest.mark.parametrize(
    ("url", "first", "again"),
    [
        # The generation, the facets' persons and topics; then the generation alone.
        ("/articles/", 3, 1),
        # … and the chosen person, for the chip.
        ("/articles/?person=someone", 4, 1),
        # The generation, the most written-about persons and topics.
        ("/", 3, 1),
        # The generation and the person's row, then the persons and topics written about with them.
        ("/people/someone/", 4, 2),
        # The generation, the facets' persons and topics, the bodies the snippets are cut from.
        ("/articles/?q=vilnius", 4, 1),
    ],
)
def test_a_page_asked_again_in_the_same_generation_reads_no_person_or_topic_again(
    client, named, django_assert_num_queries, url, first, again
):
    with django_assert_num_queries(first):
        client.get(url)
    with django_assert_num_queries(again):
        response = client.get(url)
    assert response.status_code == 200


def test_a_facets_person_renamed_by_an_editor_shows_under_the_new_name_on_the_next_page(client, named):
    assert ">Someone</a>" in client.get("/articles/").text
    named.name = "Someone Renamed"
    named.save()

    html = client.get("/articles/").text

    assert ">Someone Renamed</a>" in html
    assert ">Someone</a>" not in html


def test_a_chosen_persons_chip_shows_the_new_name_on_the_next_page(client, named):
    client.get("/articles/?person=someone")
    named.name = "Someone Renamed"
    named.save()

    assert "Someone Renamed" in client.get("/articles/?person=someone").text


def test_a_kept_person_shows_its_russian_name_on_the_russian_page(client, named):
    assert ">Someone</a>" in client.get("/articles/").text

    assert ">Некто</a>" in client.get("/ru/articles/").text


def test_a_search_asked_again_after_an_editor_changed_the_body_shows_the_new_snippet(client, named):
    article = Article.objects.get()
    assert "<mark>Vilnius</mark>." in client.get("/articles/?q=vilnius").text
    article.body = "Opposition leaders met again in Vilnius on Friday."
    article.save()

    html = client.get("/articles/?q=vilnius").text

    assert "met again in <mark>Vilnius</mark> on Friday." in html


def test_an_article_page_asked_again_in_the_same_generation_reads_its_surroundings_once(client, named, monkeypatch):
    article, reads, read = Article.objects.get(), [], surroundings._read
    monkeypatch.setattr(surroundings, "_read", lambda found: reads.append(found.pk) or read(found))

    first = client.get(article.get_absolute_url()).text
    again = client.get(article.get_absolute_url()).text

    assert reads == [article.pk]
    assert again == first


def test_an_article_page_shows_a_person_added_to_it_once_the_change_is_committed(client, named, make_article):
    article = Article.objects.get()
    client.get(article.get_absolute_url())
    Mention.objects.create(article=article, person=Person.objects.create(slug="newcomer", name="Newcomer"), position=2)
    store.catch_up()

    assert ">Newcomer</a>" in client.get(article.get_absolute_url()).text
