"""A list's pages in date order are found in a window of time at the list's newest or oldest end, widened until it
holds the page (`lookup.page`): every page must be exactly the page that ordering the whole list gives, however
unevenly the list's articles are spread over the years, and whatever the writer last noted as the archive's span."""

import datetime

import pytest

from archive.index import lookup, schema
from archive.index.filters import Filters
from archive.models import Mention, Person

PAGE = 7


@pytest.fixture
def uneven_archive(make_article):
    """Forty articles crowded into 2010, fifteen in 2015 of which ten share an untimed day, twelve in 2024 of which
    three share one moment, and a few others untimed; a person named in the 2010 and 2024 articles only."""
    person = Person.objects.create(slug="lukashenko", name="Lukashenko")
    days = [datetime.date(2010, 3, 1) + datetime.timedelta(days=n // 3) for n in range(40)]
    days += [datetime.date(2015, month, 9) for month in range(1, 6)]
    # Ten untimed articles of one day share its moment: more than a page, ordered by their slugs.
    days += [datetime.date(2015, 7, 1)] * 10
    days += [datetime.date(2024, 6, 1 + n // 4) for n in range(12)]
    articles = []
    for number, day in enumerate(days):
        untimed = number % 11 == 4 or day == datetime.date(2015, 7, 1)
        time = None if untimed else "10:30" if number in (55, 56, 57) else f"{8 + number % 9:02d}:{number % 60:02d}"
        article = make_article(f"Note {number:02d}", day.isoformat(), time=time)
        if day.year != 2015:
            Mention.objects.create(article=article, person=person)
        articles.append(article)
    return articles


def in_order(articles, sort):
    """The articles' ids in the list's order, by the sort keys the index orders by."""
    keys = {
        article.pk: schema.sort_keys(article.published_date, article.published_time, article.slug)
        for article in articles
    }
    index = 0 if sort == lookup.OLDEST else 1
    return sorted(keys, key=lambda pk: keys[pk][index])


def every_page(filters, sort):
    total = lookup.count(filters)
    return [pk for offset in range(0, total, PAGE) for pk in lookup.page(filters, sort, offset, PAGE).ids]


CASES = {
    "the whole archive": (Filters(), lambda article: True),
    "a person named at both ends only": (
        Filters(persons=("lukashenko",)),
        lambda article: article.published_date.year != 2015,
    ),
    "a range of dates in the middle": (
        Filters(date_after=datetime.date(2010, 3, 5), date_before=datetime.date(2015, 3, 9)),
        lambda article: datetime.date(2010, 3, 5) <= article.published_date <= datetime.date(2015, 3, 9),
    ),
    "a person and an end date before the archive's last year": (
        Filters(persons=("lukashenko",), date_before=datetime.date(2016, 1, 1)),
        lambda article: article.published_date.year == 2010,
    ),
}


@pytest.mark.parametrize("sort", [lookup.NEWEST, lookup.OLDEST])
@pytest.mark.parametrize("case", CASES)
def test_every_page_in_date_order_is_the_page_of_the_whole_list_in_that_order(uneven_archive, case, sort):
    filters, belongs = CASES[case]
    expected = in_order([article for article in uneven_archive if belongs(article)], sort)
    assert every_page(filters, sort) == expected


@pytest.mark.parametrize("sort", [lookup.NEWEST, lookup.OLDEST])
def test_an_archive_span_noted_before_the_newest_and_oldest_articles_still_gives_every_page(
    uneven_archive, make_article, monkeypatch, sort
):
    noted = lookup._latest_changes()
    newest = make_article("Written since", "2025-01-01", time="09:00")
    oldest = make_article("Found since", "2009-01-01")
    first, last = schema.moment(datetime.date(2010, 3, 1), None), schema.moment(datetime.date(2024, 6, 3), None)
    monkeypatch.setattr(lookup, "_latest_changes", lambda: {**noted, "first": first, "last": last})
    pages = every_page(Filters(), sort)
    assert pages == in_order([*uneven_archive, newest, oldest], sort)
    assert pages[0] == (newest.pk if sort == lookup.NEWEST else oldest.pk)


def test_a_list_without_a_noted_span_is_ordered_whole(uneven_archive, monkeypatch):
    noted = {name: value for name, value in lookup._latest_changes().items() if name not in ("first", "last")}
    monkeypatch.setattr(lookup, "_latest_changes", lambda: noted)
    assert every_page(Filters(), lookup.NEWEST) == in_order(uneven_archive, lookup.NEWEST)


class Recording:
    """A searcher that notes each search's query and the column it orders by."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.searches = []

    def search(self, query, *args, **kwargs):
        self.searches.append((repr(query), kwargs.get("order_by_field")))
        return self.searcher.search(query, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.searcher, name)


@pytest.fixture
def recording(monkeypatch):
    recording = Recording(lookup.current_searcher())
    monkeypatch.setattr(lookup, "current_searcher", lambda: recording)
    return recording


def test_the_first_page_of_a_long_list_is_ordered_within_a_window_of_its_newest_days(uneven_archive, recording):
    found = lookup.page(Filters(persons=("lukashenko",)), lookup.NEWEST, 0, PAGE)

    ordered = [query for query, column in recording.searches if column]
    assert found.total == 52
    assert ordered and all("RangeQuery" in query for query in ordered)
    assert found.ids == in_order([a for a in uneven_archive if a.published_date.year != 2015], lookup.NEWEST)[:PAGE]


@pytest.mark.parametrize("sort", [lookup.NEWEST, lookup.OLDEST])
def test_a_deep_page_is_ordered_by_the_moments_column_never_by_the_sort_keys_text(uneven_archive, recording, sort):
    found = lookup.page(Filters(), sort, 49, PAGE)

    assert {column for _, column in recording.searches if column} == {"moment"}
    assert found.ids == in_order(uneven_archive, sort)[49 : 49 + PAGE]
