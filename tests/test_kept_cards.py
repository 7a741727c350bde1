"""A card is drawn once and shown again by every list that names its article, until what it shows changes; a
search's card is drawn once around the highlighted title and snippet each search gives it."""

import pytest
from django.utils.safestring import mark_safe

from archive.index import cards, documents, store
from archive.models import Mention, Person
from archive.reading import kept_cards
from archive.templatetags import article_cards


@pytest.fixture
def draws(monkeypatch):
    """The names of the cards' templates drawn, with the kept cards emptied first."""
    monkeypatch.setattr(kept_cards, "cards", kept_cards.Kept(kept_cards.KEPT))
    drawn, made = article_cards.drawn, []

    def counted(name, *args, **values):
        if name == "archive/card.html":
            made.append(name)
        return drawn(name, *args, **values)

    monkeypatch.setattr(article_cards, "drawn", counted)
    return made


@pytest.fixture
def listed(make_article):
    article = make_article("Talks in Vilnius", "2016-04-22", body="Opposition leaders met in Vilnius.")
    person = Person.objects.create(slug="someone", name="Someone", name_ru="Некто")
    Mention.objects.create(article=article, person=person)
    make_article("Arrests resumed", "2017-09-25")
    store.catch_up()
    return article, person


def test_a_card_drawn_for_one_list_is_shown_by_the_next_without_being_drawn_again(client, listed, draws):
    first = client.get("/articles/").text
    assert draws == ["archive/card.html"] * 2

    again, year = client.get("/articles/").text, client.get("/articles/2016/").text

    assert draws == ["archive/card.html"] * 2
    assert again == first
    assert '<a href="/articles/2016/04/22/talks-in-vilnius/">Talks in Vilnius</a>' in year


def test_a_kept_card_shows_the_articles_new_title_once_an_editor_changed_it(client, listed, draws):
    article, _ = listed
    client.get("/articles/")
    article.title = "Talks in Vilnius resumed"
    article.save()

    html = client.get("/articles/").text

    assert '<a href="/articles/2016/04/22/talks-in-vilnius/">Talks in Vilnius resumed</a>' in html
    assert draws == ["archive/card.html"] * 3


def test_a_kept_card_shows_a_persons_new_name_once_it_changed(client, listed, draws):
    _, person = listed
    client.get("/articles/")
    person.name = "Someone Else"
    person.save()

    html = client.get("/articles/").text

    assert '<a class="tag tag-person" href="/people/someone/">Someone Else</a>' in html


def test_a_card_is_kept_apart_for_each_language_of_the_interface(client, listed, draws):
    client.get("/articles/")

    html = client.get("/ru/articles/").text

    assert '<a class="tag tag-person" href="/ru/people/someone/">Некто</a>' in html
    assert draws == ["archive/card.html"] * 4


def test_a_card_is_kept_apart_for_each_host_its_citation_names(client, listed, draws, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    client.get("/articles/")

    html = client.get("/articles/", headers={"host": "mirror.example.org"}).text

    assert "http%3A%2F%2Fmirror.example.org%2Farticles%2F2016%2F04%2F22%2Ftalks-in-vilnius%2F" in html
    assert draws == ["archive/card.html"] * 4


def test_a_searchs_card_is_drawn_once_around_each_searchs_own_highlighted_title_and_snippet(client, listed, draws):
    talks = client.get("/articles/?q=talks").text
    vilnius = client.get("/articles/?q=vilnius").text

    assert draws == ["archive/card.html"]
    assert '<a href="/articles/2016/04/22/talks-in-vilnius/"><mark>Talks</mark> in Vilnius</a>' in talks
    assert '<a href="/articles/2016/04/22/talks-in-vilnius/">Talks in <mark>Vilnius</mark></a>' in vilnius
    assert '<p class="item-summary">Opposition leaders met in <mark>Vilnius</mark>.</p>' in vilnius
    assert "<mark>" not in client.get("/articles/").text


def test_a_searchs_card_kept_around_its_highlights_is_the_card_drawn_whole_with_them(rf, listed, draws):
    article, _ = listed
    card = cards.from_row(next(iter(documents.rows_for([article.pk]))))
    title, snippet = mark_safe("Talks in <mark>Vilnius</mark>"), mark_safe("…met in <mark>Vilnius</mark>.")
    request = rf.get("/articles/?q=vilnius")
    values = {"item": card, "level": 3, "full": False, "coins": True, "title": title, "snippet": snippet}
    whole = article_cards.drawn("archive/card.html", {**values, "interface": "en"}, request=request)

    drawn_around, kept_around = (article_cards._card(request, "en", card, 3, False, True, title, snippet) for _ in "ab")

    assert drawn_around == kept_around == whole
    assert draws == ["archive/card.html"] * 2


def test_the_least_recently_shown_fragment_goes_first_when_more_are_kept_than_room_allows():
    kept = kept_cards.Kept(size=2)
    kept.get("a", lambda: "A")
    kept.get("b", lambda: "B")
    kept.get("a", lambda: "not drawn again")
    kept.get("c", lambda: "C")

    assert [kept.get(key, lambda: "drawn again") for key in ("a", "c", "b")] == ["A", "C", "drawn again"]
