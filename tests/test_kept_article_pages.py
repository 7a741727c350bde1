"""The article page's main part and head are drawn once and kept, under everything they show: the article's row,
its own card and the cards of the articles around it, the interface's language, the host and the day the citation
says the page was read. Whatever of it changes, the next request draws the page anew."""

import pytest

from archive.index import store
from archive.models import Mention, Person, RelatedLink
from archive.reading import kept_cards
from archive.templatetags import article_cards
from tests.support.clock import NEW_YEARS_DAY, NEW_YEARS_EVE

PARTS = ["archive/article_head.html", "archive/article_main.html"]


@pytest.fixture
def draws(monkeypatch):
    """The names of the article page's parts drawn, with the kept pages emptied first."""
    monkeypatch.setattr(kept_cards, "pages", kept_cards.Kept(kept_cards.KEPT_PAGES))
    drawn, made = article_cards.drawn, []

    def counted(name, *args, **values):
        if name in PARTS:
            made.append(name)
        return drawn(name, *args, **values)

    monkeypatch.setattr(article_cards, "drawn", counted)
    monkeypatch.setattr("archive.templatetags.article_metadata.drawn", counted)
    return made


@pytest.fixture
def lead(make_article):
    """A lead that lists a similar article and names a person."""
    lead = make_article("Talks in Vilnius", "2016-04-22", body="Opposition leaders met in Vilnius.")
    similar = make_article("Arrests resumed", "2016-04-20")
    RelatedLink.objects.create(lead=lead, related=similar, position=1)
    Mention.objects.create(article=lead, person=Person.objects.create(slug="someone", name="Someone"))
    store.catch_up()
    return lead


def test_an_article_page_is_drawn_once_and_shown_again_unchanged(client, lead, draws):
    first = client.get(lead.get_absolute_url()).text
    again = client.get(lead.get_absolute_url()).text

    assert again == first
    assert draws == PARTS


def test_a_kept_article_page_shows_the_articles_new_text_once_an_editor_changed_it(client, lead, draws):
    client.get(lead.get_absolute_url())
    lead.body = "Opposition leaders met again in Vilnius."
    lead.save()

    html = client.get(lead.get_absolute_url()).text

    assert "<p>Opposition leaders met again in Vilnius.</p>" in html
    assert draws == PARTS * 2


def test_a_kept_article_page_shows_a_similar_articles_new_title(client, lead, draws):
    client.get(lead.get_absolute_url())
    similar = lead.related.get()
    similar.title = "Arrests resumed in Minsk"
    similar.save()

    html = client.get(lead.get_absolute_url()).text

    assert '<a href="/articles/2016/04/20/arrests-resumed/">Arrests resumed in Minsk</a>' in html


def test_a_kept_article_page_shows_a_persons_new_name(client, lead, draws):
    client.get(lead.get_absolute_url())
    person = Person.objects.get(slug="someone")
    person.name = "Someone Else"
    person.save()

    html = client.get(lead.get_absolute_url()).text

    assert '<a class="tag tag-person" href="/people/someone/">Someone Else</a>' in html
    assert '<meta name="DC.subject" content="Someone Else">' in html


def test_a_kept_article_page_says_it_was_read_on_the_day_it_is_shown(client, lead, draws, time_machine):
    time_machine.move_to(NEW_YEARS_EVE, tick=False)
    client.get(lead.get_absolute_url())
    time_machine.move_to(NEW_YEARS_DAY, tick=False)

    html = client.get(lead.get_absolute_url()).text

    assert "(Accessed: 1 January 2026).</p>" in html
    assert draws == PARTS * 2


def test_a_kept_article_page_is_kept_apart_for_each_language_and_host(client, lead, draws, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example.org"]
    client.get(lead.get_absolute_url())

    russian = client.get(f"/ru{lead.get_absolute_url()}").text
    mirrored = client.get(lead.get_absolute_url(), headers={"host": "mirror.example.org"}).text

    assert '<a href="/ru/articles/2016/04/20/arrests-resumed/">Arrests resumed</a>' in russian
    assert 'content="http://mirror.example.org/articles/2016/04/22/talks-in-vilnius/"' in mirrored
    assert draws == PARTS * 3
