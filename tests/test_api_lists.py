"""The API's article list: the list page's articles in its order, walked by cursors, with the list page's checks
and limits, its facets, and a fixed number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from archive.index import store
from archive.lists import limits
from archive.lists.query import ListQuery
from archive.research.api import cursors
from tests.support.api_answers import BASE, MALFORMED, get


def page_links(client, url):
    """The permanent URLs of the list page's results, in its order."""
    html = BeautifulSoup(client.get(url, follow=True).content, "html.parser")
    return [BASE + article.find("a")["href"] for article in html.select(".results article")]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "person=putin",
        "topic=integration&sort=oldest",
        "date_after=2016-02-01&person=lukashenko",
        "person=putin&person=lukashenko&topic=sanctions",
        "date_before=2017-10-01&sort=oldest",
        "q=union+OR+minsk",
        "q=visit+OR+arrests&sort=newest",
        "person=nobody",
    ],
)
def test_the_list_gives_the_list_pages_articles_in_its_order(client, small_archive, query):
    found = get(client, f"/api/articles/?{query}")

    assert [article["url"] for article in found["results"]] == page_links(client, f"/articles/?{query}")
    assert found["count"] == len(found["results"])
    assert found["next"] is None


@pytest.fixture
def long_list(make_article):
    """45 notes over January and February 2016, one a day, some days twice."""
    for day in range(1, 46):
        make_article(f"Note {day:02d}", f"2016-01-{(day - 1) % 28 + 1:02d}" if day <= 28 else f"2016-02-{day - 28:02d}")


def walk(client, url):
    """Every page of a list from `url` on, following `next`."""
    pages = []
    while url:
        pages.append(get(client, url.removeprefix(BASE)))
        url = pages[-1]["next"]
    return pages


def test_cursors_walk_a_list_longer_than_a_page_without_gaps_or_repeats(client, long_list):
    pages = walk(client, "/api/articles/?date_after=2016-01-01&sort=oldest")

    titles = [article["title"] for page in pages for article in page["results"]]
    assert [len(page["results"]) for page in pages] == [20, 20, 5]
    assert titles == [article.title for article in ListQuery(QueryDict("sort=oldest")).articles]
    assert len(set(titles)) == 45
    assert {page["count"] for page in pages} == {45}


def test_the_next_link_keeps_the_lists_filters_in_their_canonical_order_and_the_page_size(client, long_list):
    found = get(client, "/api/articles/?sort=oldest&limit=7&date_after=2016-01-01")

    address, _, query = found["next"].partition("?")
    assert address == f"{BASE}/api/articles/"
    assert [name for name, _ in QueryDict(query).lists()] == ["date_after", "sort", "limit", "cursor"]
    assert [article["title"] for article in get(client, found["next"].removeprefix(BASE))["results"]] == [
        f"Note {n:02d}" for n in range(8, 15)
    ]


def test_a_cursor_only_works_for_the_list_it_was_made_for(client, long_list):
    cursor = QueryDict(get(client, "/api/articles/?sort=oldest")["next"].partition("?")[2])["cursor"]

    assert get(client, f"/api/articles/?sort=newest&cursor={cursor}", status=400)["errors"] == {
        "cursor": ["This cursor belongs to another list: keep the filters and order it was made with."]
    }
    assert get(client, f"/api/articles/?sort=oldest&cursor={cursor[:-2]}xx", status=400)["errors"] == {
        "cursor": ["This cursor was not made by this archive."]
    }


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        ("101", "Ensure this value is less than or equal to 100."),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("ten", "Enter a whole number."),
    ],
)
def test_a_limit_above_100_below_1_or_not_a_whole_number_gets_400(client, long_list, limit, message):
    assert get(client, f"/api/articles/?limit={limit}", status=400) == {
        "detail": MALFORMED,
        "errors": {"limit": [message]},
    }


def test_the_largest_limit_of_100_gives_all_45_articles_on_one_page(client, long_list):
    assert len(get(client, "/api/articles/?limit=100")["results"]) == 45


@pytest.mark.parametrize(
    "query",
    [
        "date_after=2016-13-45",
        "sort=popular",
        "person=not+a+slug",
        "&".join(f"topic=t{n}" for n in range(11)),
        "q=" + "x" * 201,
    ],
)
def test_a_malformed_value_gets_400_with_the_list_pages_own_message(client, small_archive, query):
    page_errors = ListQuery(QueryDict(query)).errors

    assert get(client, f"/api/articles/?{query}", status=400) == {
        "detail": MALFORMED,
        "errors": {name: list(messages) for name, messages in page_errors.items()},
    }


def test_an_unknown_or_repeated_parameter_gets_400_rather_than_a_wider_list(client, small_archive):
    assert get(client, "/api/articles/?persons=putin&q=a&q=b&page=2", status=400)["errors"] == {
        "persons": ["“persons” is not a parameter of this list."],
        "q": ["Give this parameter once."],
        "page": ["“page” is not a parameter of this list."],
    }


def test_an_empty_value_gets_400_since_the_schema_types_it_though_the_list_page_reads_it_as_absent(
    client, small_archive
):
    asked = "/api/articles/?date_before=&date_after=&limit=&person=&sort=&cursor=&q="

    assert get(client, asked, status=400)["errors"] == {
        name: ["Give a value, or leave this parameter out."]
        for name in ("date_before", "date_after", "limit", "person", "sort", "cursor")
    }


def test_no_words_to_search_for_is_the_whole_list(client, small_archive):
    assert get(client, "/api/articles/?q=") == get(client, "/api/articles/")


def test_more_slugs_than_the_schema_allows_get_400_though_some_are_the_same(client, small_archive):
    """The schema's `maxItems` counts every value given; the list counts a slug given twice once."""
    topics = "&".join(["topic=sanctions"] * (limits.MAX_SLUGS + 2))

    assert get(client, f"/api/articles/?{topics}", status=400)["errors"] == {
        "topic": [f"At most {limits.MAX_SLUGS} can be combined; this link names {limits.MAX_SLUGS + 2}."]
    }


def test_facets_count_the_persons_topics_and_years_of_the_whole_list(client, small_archive):
    assert get(client, "/api/articles/?person=putin&limit=1")["facets"] == {
        "persons": [
            {"slug": "putin", "name": "Putin", "count": 3},
            {"slug": "lukashenko", "name": "Lukashenko", "count": 2},
        ],
        "topics": [
            {"slug": "integration", "name": "Integration", "count": 2},
            {"slug": "sanctions", "name": "Sanctions", "count": 2},
        ],
        "years": [{"year": 2017, "count": 1}, {"year": 2016, "count": 2}],
    }


def test_a_list_item_gives_its_addresses_date_summary_and_public_persons_and_topics(client, small_archive):
    [item] = get(client, "/api/articles/?q=arrests")["results"]

    assert item == {
        "url": f"{BASE}/articles/2017/09/25/arrests-resume/",
        "api_url": f"{BASE}/api/articles/2017/09/25/arrests-resume/",
        "title": "Arrests resume",
        "published": "2017-09-25T11:14:00+03:00",
        "language": "en",
        "summary": "About arrests resume.",
        "persons": [
            {
                "slug": "statkevich",
                "name": "Statkevich",
                "url": f"{BASE}/people/statkevich/",
                "api_url": f"{BASE}/api/persons/statkevich/",
            }
        ],
        "topics": [
            {
                "slug": "repression",
                "name": "Repression",
                "url": f"{BASE}/topics/repression/",
                "api_url": f"{BASE}/api/topics/repression/",
            }
        ],
    }


def test_a_list_page_costs_three_queries(client, small_archive, django_assert_num_queries):
    """The generation, and the facets' persons and topics; the list, its count, its articles' cards and the
    facets' counts come from the index."""
    store.catch_up()
    with django_assert_num_queries(3):
        assert len(get(client, "/api/articles/?limit=100")["results"]) == 5


def test_relevance_pages_end_at_the_ranked_depth_and_a_cursor_past_it_gets_400(client, long_list, monkeypatch):
    """With 40 articles ranked, pages of 30 give 30 then 10 of the 45 matching notes, and no cursor beyond."""
    monkeypatch.setattr(limits, "RELEVANCE_DEPTH", 40)
    first = get(client, "/api/articles/?q=note&limit=30")
    second = get(client, first["next"].removeprefix(BASE))
    past = cursors.make(ListQuery(QueryDict("q=note")).query_string(), 40)

    assert (first["count"], len(first["results"])) == (45, 30)
    assert (second["count"], len(second["results"]), second["next"]) == (45, 10, None)
    assert get(client, f"/api/articles/?q=note&cursor={past}", status=400)["errors"] == {
        "cursor": ["Only the 40 most relevant articles are ranked: sort by newest or oldest to reach every one."]
    }
    assert (
        len(
            get(client, f"/api/articles/?q=note&sort=newest&limit=30&cursor={cursors.make('q=note&sort=newest', 40)}")[
                "results"
            ]
        )
        == 5
    )
