"""The article page: dateline, photo line, body, persons and topics, similar items, neighbours in time."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.index import store, surroundings
from archive.models import Article, ArticleTopic, Decision, Mention, Person, RelatedLink, Topic
from archive.text.rendering import paragraphs_to_markdown


def page(client, article, prefix=""):
    response = client.get(prefix + article.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(elements):
    return [" ".join(element.get_text(" ").split()) for element in elements]


def test_the_seed_lead_shows_its_dateline_in_minsk_time(client, seeded):
    lead = Article.objects.get(title__startswith="Lukashenko aspires")
    dateline = page(client, lead).select_one(".dateline time")
    assert dateline["datetime"] == "2016-04-22T18:26:00+03:00"
    assert dateline.text == "22 April 2016, 18:26"


def test_a_dateline_without_time_shows_only_the_day(client, make_article):
    article = make_article("Referendum called", "2020-05-12")
    dateline = page(client, article).select_one(".dateline")
    assert dateline.time["datetime"] == "2020-05-12"
    assert texts([dateline]) == ["12 May 2020"]


def test_the_photo_line_gives_caption_and_credit_marking_cyrillic(client, make_article):
    article = make_article(
        "Arrests", "2017-09-25", photo_caption="Николай Статкевич", photo_credit="Дмитрий Брушко", photo_agency="TUT.BY"
    )
    line = page(client, article).select_one(".photo-line")
    assert texts([line]) == ["Николай Статкевич Photo: Дмитрий Брушко, TUT.BY"]
    assert line.select_one(".photo-caption")["lang"] == "ru"


def test_a_russian_article_marks_its_title_and_body_as_russian(client, make_article):
    article = make_article("Аресты возобновились", "2017-09-25", body="Власти возобновили аресты.", language="ru")
    html = page(client, article)
    assert html.select_one("h1")["lang"] == "ru"
    assert html.select_one(".article-body")["lang"] == "ru"
    assert html.html["lang"] == "en"


def test_markup_in_imported_text_is_shown_as_text(client, make_article):
    body = paragraphs_to_markdown(["A <b>bold</b> claim."])
    article = make_article("Why <script>alert(1)</script> matters", "2016-01-01", body=body)
    response = client.get(article.get_absolute_url())
    assert b"<script>alert(1)</script>" not in response.content
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.text == "Why <script>alert(1)</script> matters"
    assert html.select_one(".article-body").text.strip() == "A <b>bold</b> claim."


def test_persons_and_topics_link_to_their_pages_and_rejected_ones_are_hidden(client, make_article):
    article = make_article("Talks", "2016-01-01")
    for position, (slug, decision) in enumerate([("putin", Decision.FOUND), ("merkel", Decision.REJECTED)]):
        person = Person.objects.create(slug=slug, name=slug.title())
        Mention.objects.create(article=article, person=person, decision=decision, position=position)
    ArticleTopic.objects.create(article=article, topic=Topic.objects.create(slug="energy", name="Energy"))
    links = page(client, article).select(".article-subjects a")
    assert [(link.text, link["href"]) for link in links] == [("Putin", "/people/putin/"), ("Energy", "/topics/energy/")]


def test_similar_articles_come_in_page_order_with_dates_and_first_paragraphs(client, lead_with_similar):
    lead, _ = lead_with_similar
    items = page(client, lead).select("#similar-heading ~ article")
    assert [item.a.text for item in items] == ["First", "Second", "Third"]
    assert texts(item.select_one(".item-dateline") for item in items) == [
        "25 September 2017, 11:14",
        "1 January 2014",
        "1 March 2015",
    ]
    assert texts(item.select_one(".item-summary") for item in items) == [
        "First's first paragraph.",
        "Second's first paragraph.",
        "Third's first paragraph.",
    ]


def test_an_item_names_the_leads_that_list_it_newest_first(client, lead_with_similar):
    _, similar = lead_with_similar
    items = page(client, similar[0]).select("#listed-heading ~ article")
    assert [item.a.text for item in items] == ["Other lead", "Lead"]


def test_previous_and_next_follow_time_with_a_day_without_time_first(client, make_article):
    make_article("Day before", "2016-04-21", time="23:00")
    undated = make_article("Same day, no time", "2016-04-22")
    timed = make_article("Same day, morning", "2016-04-22", time="09:00")
    make_article("Next day", "2016-04-23")

    def neighbours(article):
        html = page(client, article)
        return [a.text for a in html.select(".neighbours a")]

    assert neighbours(undated) == ["Day before", "Same day, morning"]
    assert neighbours(timed) == ["Same day, no time", "Next day"]


def queries_for(client, article):
    # The index takes in the test's new articles first: the index's work, done once, not the page's.
    store.catch_up()
    with CaptureQueriesContext(connection) as context:
        assert client.get(article.get_absolute_url()).status_code == 200
    return len(context.captured_queries)


def test_the_page_makes_as_many_queries_with_20_similar_items_and_persons_as_with_1(client, make_article):
    """Similar items, the leads listing the article, persons and topics come from the index, however many."""
    small, large = make_article("Small", "2016-01-01"), make_article("Large", "2016-01-02")
    for article, count in [(small, 1), (large, 20)]:
        for n in range(count):
            item = make_article(f"{article.title} item {n}", "2015-01-01")
            RelatedLink.objects.create(lead=article, related=item, position=n)
            RelatedLink.objects.create(lead=item, related=article, position=0)
            person = Person.objects.create(slug=f"{article.title.lower()}-{n}", name=f"Person {n}")
            Mention.objects.create(article=article, person=person, position=n)
            topic = Topic.objects.create(slug=f"{article.title.lower()}-{n}", name=f"Topic {n}")
            ArticleTopic.objects.create(article=article, topic=topic, position=n)
    expected = queries_for(client, small)
    assert len(page(client, large).select(".article-subjects a")) == 40
    assert queries_for(client, large) == expected


def test_an_article_without_links_or_neighbours_takes_two_queries(client, make_article, django_assert_num_queries):
    """The archive's generation and the article: its persons and topics come from its index document."""
    article = make_article("Alone", "2016-01-01")
    store.catch_up()
    with django_assert_num_queries(2):
        client.get(article.get_absolute_url())


@pytest.mark.parametrize("prefix", ["", "/ru"], ids=["english", "russian"])
def test_an_article_with_20_of_each_link_and_neighbours_takes_two_queries_in_each_language(
    client, make_article, django_assert_num_queries, prefix
):
    """The generation and the article: what it shows of its links and neighbours, persons and topics included,
    comes from their index documents."""
    article = make_article("Busy", "2016-01-02")
    make_article("Before", "2016-01-01")
    make_article("After", "2016-01-03")
    for n in range(20):
        item = make_article(f"Item {n}", "2015-01-01")
        lead = make_article(f"Lead {n}", "2017-01-01")
        RelatedLink.objects.create(lead=article, related=item, position=n)
        RelatedLink.objects.create(lead=lead, related=article, position=0)
        person = Person.objects.create(slug=f"person-{n}", name=f"Person {n}")
        Mention.objects.create(article=article, person=person, position=n)
        Mention.objects.create(article=item, person=person, position=0)
        topic = Topic.objects.create(slug=f"topic-{n}", name=f"Topic {n}")
        ArticleTopic.objects.create(article=article, topic=topic, position=n)
    store.catch_up()
    with django_assert_num_queries(2):
        html = page(client, article, prefix)
    assert len(html.select(".related article")) == 40
    assert [a.text for a in html.select(".neighbours a")] == ["Before", "After"]


def test_similar_items_and_leads_show_their_own_persons(client, make_article):
    lead, item = make_article("Lead", "2017-09-26"), make_article("Item", "2017-09-25")
    RelatedLink.objects.create(lead=lead, related=item, position=0)
    statkevich = Person.objects.create(slug="nikolai-statkevich", name="Nikolai Statkevich")
    Mention.objects.create(article=item, person=statkevich, position=0)
    assert [a.text for a in page(client, lead).select("a.tag-person")] == ["Nikolai Statkevich"]
    lukashenko = Person.objects.create(slug="alexander-lukashenko", name="Alexander Lukashenko")
    Mention.objects.create(article=lead, person=lukashenko, position=0)
    assert [a.text for a in page(client, item).select("a.tag-person")] == [
        "Nikolai Statkevich",
        "Alexander Lukashenko",
    ]


def linked_page(client, make_article):
    article = make_article("Lead", "2016-01-02")
    item = make_article("Item", "2015-01-01")
    RelatedLink.objects.create(lead=article, related=item, position=0)
    person = Person.objects.create(slug="person", name="Person")
    Mention.objects.create(article=article, person=person, position=0)
    Mention.objects.create(article=item, person=person, position=0)
    return article, item, person


def test_a_similar_items_new_title_and_a_persons_new_name_show_on_the_lead_page_at_once(client, make_article):
    article, item, person = linked_page(client, make_article)
    page(client, article)
    item.title = "Item, retitled"
    item.save()
    person.name = "Person, renamed"
    person.save()
    html = page(client, article)
    assert [a.text for a in html.select(".related .item-title a")] == ["Item, retitled"]
    assert [a.text for a in html.select(".related .tag-person")] == ["Person, renamed"]
    assert [a.text for a in html.select(".article-subjects a")] == ["Person, renamed"]


def test_the_page_is_the_same_when_the_index_does_not_hold_the_article_yet(client, make_article, monkeypatch):
    """Another process may still be applying the article's change: the page then reads the database."""
    article, _, _ = linked_page(client, make_article)
    store.catch_up()
    from_index = client.get(article.get_absolute_url()).content
    monkeypatch.setattr(surroundings, "_from_index", lambda searcher: lambda ids: {})
    assert client.get(article.get_absolute_url()).content == from_index
