"""Persons and topics are shown under their names in the interface's language where the gazetteer has one; their
addresses differ only by the language's prefix, the slug being the same in every language."""

from io import StringIO

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from archive.index import store
from archive.models import Person, Topic

LEAD = {
    "year": 2016,
    "month": "04",
    "day": "22",
    "slug": "lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter",
}
LEAD_PERSONS = {
    "en": [
        "Alexander Lukashenko",
        "Valery Vakulchik",
        "Vladimir Putin",
        "Hillary Clinton",
    ],
    "ru": [
        "Александр Лукашенко",
        "Валерий Вакульчик",
        "Владимир Путин",
        "Хиллари Клинтон",
    ],
}
LEAD_TOPICS = {
    "en": ["Belarus–Russia relations", "Belarus–West relations", "Security and defence"],
    "ru": ["Отношения Беларуси и России", "Отношения Беларуси и Запада", "Безопасность и оборона"],
}
# The lead's similar item, shown from its card in the read index.
SIMILAR_SUBJECTS = {
    "en": ["Nikolai Statkevich", "Vladimir Neklyaev", "Society and political parties"],
    "ru": ["Николай Статкевич", "Владимир Некляев", "Общество и политические партии"],
}


def page(client, language, name, **kwargs):
    """A page rendered in `language`, at its address in that language."""
    with translation.override(language):
        response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def texts(html, selector):
    return [element.text for element in html.select(selector)]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_articles_persons_and_topics_are_named_in_the_pages_language(client, seeded, language):
    html = page(client, language, "archive:article_detail", **LEAD)

    assert texts(html, ".article-subjects a.tag-person") == LEAD_PERSONS[language]
    assert texts(html, ".article-subjects a.tag-topic") == LEAD_TOPICS[language]
    assert texts(html, ".related a.tag") == SIMILAR_SUBJECTS[language]


def test_a_subjects_links_lead_to_the_same_address_in_each_language(client, seeded):
    english, russian = (page(client, language, "archive:article_detail", **LEAD) for language in ("en", "ru"))

    assert [a["href"] for a in russian.select("a.tag")] == ["/ru" + a["href"] for a in english.select("a.tag")]


@pytest.mark.parametrize(("language", "name"), [("en", "Nikolai Statkevich"), ("ru", "Николай Статкевич")])
def test_a_persons_page_is_headed_with_the_name_in_the_pages_language(client, seeded, language, name):
    html = page(client, language, "archive:person_detail", slug="nikolai-statkevich")

    assert html.select_one("h1").text == name
    assert html.select_one("title").text.startswith(f"{name} · ")


@pytest.mark.parametrize(("language", "name"), [("en", "Security and defence"), ("ru", "Безопасность и оборона")])
def test_a_topics_page_is_headed_with_the_name_in_the_pages_language(client, seeded, language, name):
    assert page(client, language, "archive:topic_detail", slug="security-and-defence").select_one("h1").text == name


@pytest.mark.parametrize(
    ("prefix", "title", "subtitle"),
    [
        ("", "Nikolai Statkevich — Belarus Commentary Archive", "Commentary about Nikolai Statkevich, newest first."),
        (
            "/ru",
            "Николай Статкевич — Архив белорусской политической аналитики",
            "Аналитика о персоне Николай Статкевич, сначала новые.",
        ),
    ],
)
def test_a_persons_feed_is_titled_with_the_name_in_the_feeds_language(client, seeded, prefix, title, subtitle):
    feed = feedparser.parse(client.get(f"{prefix}/people/nikolai-statkevich/feed.atom").content)

    assert (feed.feed.title, feed.feed.subtitle) == (title, subtitle)


def test_the_list_of_persons_is_in_russian_and_in_the_order_of_the_russian_names(client, seeded):
    names = texts(page(client, "ru", "archive:person_list"), ".subject-index > li > a")

    assert names == [
        "Александр Лукашенко",
        "Валерий Вакульчик",
        "Владимир Некляев",
        "Владимир Путин",
        "Николай Статкевич",
        "Хиллари Клинтон",
    ]


def test_a_filter_by_person_shows_its_chip_under_the_russian_name(client, seeded):
    with translation.override("ru"):
        response = client.get(reverse("archive:article_list"), {"person": "nikolai-statkevich"})
    html = BeautifulSoup(response.text, "html.parser")

    [chip] = texts(html, "a.chip > span:first-child")
    assert chip.endswith(": Николай Статкевич")
    assert "Nikolai Statkevich" not in response.text


def test_a_person_without_a_russian_name_is_shown_under_the_english_one(client, seeded):
    statkevich = Person.objects.get(slug="nikolai-statkevich")
    statkevich.name_ru = ""
    statkevich.save()
    store.catch_up()

    similar = page(client, "ru", "archive:article_detail", **LEAD)
    person = page(client, "ru", "archive:person_detail", slug="nikolai-statkevich")

    assert texts(similar, ".related a.tag-person") == ["Nikolai Statkevich", "Владимир Некляев"]
    assert person.select_one("h1").text == "Nikolai Statkevich"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_article_page_takes_two_queries_in_either_language(client, seeded, language, django_assert_num_queries):
    store.catch_up()
    with translation.override(language):
        url = reverse("archive:article_detail", kwargs=LEAD)
        with django_assert_num_queries(2):
            response = client.get(url)
    assert texts(BeautifulSoup(response.text, "html.parser"), ".related a.tag") == SIMILAR_SUBJECTS[language]


def test_loading_the_gazetteer_gives_rows_the_russian_names_they_lack_and_keeps_an_editors(gazetteer):
    Person.objects.filter(slug="nikolai-statkevich").update(name_ru="")
    Topic.objects.filter(slug="economy").update(name_ru="")
    Person.objects.filter(slug="alexander-lukashenko").update(name_ru="Лукашенко А. Г.")

    call_command("load_gazetteer", verbosity=0)

    assert Person.objects.get(slug="nikolai-statkevich").name_ru == "Николай Статкевич"
    assert Topic.objects.get(slug="economy").name_ru == "Экономика"
    assert Person.objects.get(slug="alexander-lukashenko").name_ru == "Лукашенко А. Г."


def test_a_russian_name_given_by_loading_the_gazetteer_reaches_the_pages_cards(client, seeded):
    Person.objects.filter(slug="nikolai-statkevich").update(name_ru="")
    call_command("rebuild_index", stdout=StringIO())

    call_command("load_gazetteer", verbosity=0)
    store.catch_up()

    assert (
        texts(page(client, "ru", "archive:article_detail", **LEAD), ".related a.tag-person")[0] == "Николай Статкевич"
    )


@pytest.mark.parametrize(
    ("language", "name"), [("ru", "Николай Статкевич"), ("ru-by", "Николай Статкевич"), ("en-gb", "Nikolai Statkevich")]
)
def test_a_regional_variant_of_a_language_shows_that_languages_name(language, name):
    person = Person(slug="nikolai-statkevich", name="Nikolai Statkevich", name_ru="Николай Статкевич")

    with translation.override(language):
        assert person.display_name == name
