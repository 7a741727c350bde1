"""The list query: the list page's articles and their order, from the query string alone."""

import itertools

import pytest
from django.http import QueryDict

from archive.lists.query import ListQuery
from archive.models import Article
from tests.support.small_archive import SMALL_ARCHIVE


def filtered(query):
    return [article.title for article in ListQuery(QueryDict(query)).articles]


def expected(persons, topics, after, before):
    """The archive table read by hand, newest first."""
    return [
        title
        for title, date, _, public, _, tags in reversed(SMALL_ARCHIVE)
        if set(persons) <= set(public)
        and set(topics) <= set(tags)
        and (after is None or date >= after)
        and (before is None or date <= before)
    ]


PERSON_CHOICES = [[], ["lukashenko"], ["putin"], ["lukashenko", "putin"], ["statkevich"], ["putin", "statkevich"]]
TOPIC_CHOICES = [[], ["integration"], ["sanctions"], ["integration", "sanctions"]]
DATE_CHOICES = [(None, None), ("2016-02-01", None), (None, "2017-09-25"), ("2016-02-01", "2017-09-25")]


@pytest.mark.parametrize(
    ("persons", "topics", "dates"), list(itertools.product(PERSON_CHOICES, TOPIC_CHOICES, DATE_CHOICES))
)
def test_every_combination_of_persons_topics_and_dates_gives_exactly_the_matching_articles(
    small_archive, persons, topics, dates
):
    after, before = dates
    query = QueryDict(mutable=True)
    query.setlist("person", persons)
    query.setlist("topic", topics)
    if after:
        query["date_after"] = after
    if before:
        query["date_before"] = before
    assert filtered(query.urlencode()) == expected(persons, topics, after, before)


def test_without_filters_the_list_is_newest_first_with_undated_times_last_in_their_day(small_archive, make_article):
    make_article("Evening note", "2016-02-20", time="19:00")
    assert filtered("") == [
        "Quiet month",
        "Union state",
        "Arrests resume",
        "Evening note",
        "Sochi visit",
        "Minsk talks",
    ]


def test_oldest_first_puts_a_day_without_time_before_its_timed_articles(small_archive, make_article):
    make_article("Evening note", "2016-02-20", time="19:00")
    assert filtered("sort=oldest") == [
        "Minsk talks",
        "Sochi visit",
        "Evening note",
        "Arrests resume",
        "Union state",
        "Quiet month",
    ]


def test_a_rejected_mention_does_not_count(small_archive):
    assert filtered("person=lukashenko") == ["Union state", "Minsk talks"]


def test_the_order_of_repeated_slugs_does_not_matter(small_archive):
    assert filtered("person=putin&person=lukashenko") == filtered("person=lukashenko&person=putin")


def test_an_unknown_slug_matches_nothing(small_archive):
    assert filtered("person=nobody") == []
    assert filtered("topic=nothing&person=putin") == []


def test_a_malformed_slug_is_a_form_error_and_is_left_out(small_archive):
    articles = ListQuery(QueryDict("person=no+spaces!&topic=sanctions"))
    assert list(articles.errors) == ["person"]
    assert [a.title for a in articles.articles] == ["Union state", "Minsk talks"]


@pytest.mark.parametrize("value", ["2016-13-45", "yesterday", "2016/01/10", "10.01.2016", "99999-01-01", "2016-02-30"])
def test_an_impossible_date_is_a_form_error_and_is_left_out(small_archive, value):
    articles = ListQuery(QueryDict(f"date_after={value}&date_before=2016-12-31"))
    assert list(articles.errors) == ["date_after"]
    assert [a.title for a in articles.articles] == ["Sochi visit", "Minsk talks"]


def test_dates_in_the_wrong_order_give_an_empty_list(small_archive):
    assert filtered("date_after=2017-01-01&date_before=2016-01-01") == []


def test_a_search_is_ordered_by_relevance_unless_asked_otherwise(small_archive):
    for title, body in [("Minsk talks", "Integration, integration and integration."), ("Union state", "Integration.")]:
        article = Article.objects.get(title=title)
        article.body = body
        article.save()
    assert filtered("q=integration") == ["Minsk talks", "Union state"]
    assert filtered("q=integration&sort=newest") == ["Union state", "Minsk talks"]
    assert filtered("q=integration&sort=oldest") == ["Minsk talks", "Union state"]


def test_relevance_without_a_search_falls_back_to_newest(small_archive):
    articles = ListQuery(QueryDict("sort=relevance"))
    assert articles.ordering == "newest"
    assert [a.title for a in articles.articles][:2] == ["Quiet month", "Union state"]


def test_an_unknown_sort_is_a_form_error_and_the_default_order_stays(small_archive):
    articles = ListQuery(QueryDict("sort=random"))
    assert list(articles.errors) == ["sort"]
    assert articles.ordering == "newest"
    assert articles.articles[0].title == "Quiet month"


def test_search_combines_with_the_other_filters(small_archive):
    assert filtered("q=union+OR+minsk&person=lukashenko&date_after=2017-01-01") == ["Union state"]
