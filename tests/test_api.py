"""The JSON API: the list page's articles in its order, walked by cursors, the same checks and limits, one article
with its links, persons and topics with their counts, served and kept like the pages."""

import json

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from archive.filters import ArticleFilter
from archive.index import store
from archive.models import RelatedLink, SlugRedirect
from archive.research.api.service import api

BASE = "http://testserver"
MALFORMED = "Some parameters are malformed; nothing was looked up."


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] in {"application/json; charset=utf-8", "application/json"}
    return json.loads(response.content)


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
    assert titles == [article.title for article in ArticleFilter(QueryDict("sort=oldest")).qs]
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
    page_errors = ArticleFilter(QueryDict(query)).errors

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


def test_a_list_page_costs_six_queries(client, small_archive, django_assert_num_queries):
    """The generation, the page's articles, their persons, their topics, and the facets' persons and topics; the
    list, its count and the facets' counts come from the index."""
    store.catch_up()
    with django_assert_num_queries(6):
        assert len(get(client, "/api/articles/?limit=100")["results"]) == 5


@pytest.fixture
def lead_with_similar(make_article):
    lead = make_article("Lead", "2016-04-22", time="18:26", body="Lead text.\n\nMore of it.")
    similar = [
        make_article("Third", "2015-03-01", body="Third's first paragraph.\n\nMore."),
        make_article("First", "2017-09-25", time="11:14", body="First's first paragraph."),
        make_article("Second", "2014-01-01", body="Second's first paragraph."),
    ]
    for position, item in enumerate([similar[1], similar[2], similar[0]]):
        RelatedLink.objects.create(lead=lead, related=item, position=position)
    other = make_article("Other lead", "2018-01-01")
    RelatedLink.objects.create(lead=other, related=similar[0], position=0)
    return lead, similar


def test_an_article_gives_its_text_its_similar_items_in_page_order_and_its_citations(client, lead_with_similar):
    found = get(client, "/api/articles/2016/04/22/lead/")

    assert {key: found[key] for key in ("title", "published", "body", "body_html", "photo", "listed_under")} == {
        "title": "Lead",
        "published": "2016-04-22T18:26:00+03:00",
        "body": "Lead text.\n\nMore of it.",
        "body_html": "<p>Lead text.</p>\n<p>More of it.</p>",
        "photo": None,
        "listed_under": [],
    }
    assert [(item["title"], item["published"], item["summary"]) for item in found["related"]] == [
        ("First", "2017-09-25T11:14:00+03:00", "First's first paragraph."),
        ("Second", "2014-01-01", "Second's first paragraph."),
        ("Third", "2015-03-01", "Third's first paragraph."),
    ]
    assert found["citations"] == {
        "bibtex": f"{BASE}/articles/2016/04/22/lead/cite.bib",
        "ris": f"{BASE}/articles/2016/04/22/lead/cite.ris",
        "csl_json": f"{BASE}/articles/2016/04/22/lead/cite.json",
    }


def test_an_item_names_the_leads_that_list_it_newest_first(client, lead_with_similar):
    found = get(client, "/api/articles/2015/03/01/third/")

    assert [(lead["title"], lead["api_url"]) for lead in found["listed_under"]] == [
        ("Other lead", f"{BASE}/api/articles/2018/01/01/other-lead/"),
        ("Lead", f"{BASE}/api/articles/2016/04/22/lead/"),
    ]


def test_a_former_slug_or_an_unpadded_date_redirects_permanently_to_the_current_address(client, lead_with_similar):
    lead, _ = lead_with_similar
    SlugRedirect.objects.create(published_date=lead.published_date, old_slug="first-lead", article=lead)

    for former in ["/api/articles/2016/04/22/first-lead/", "/api/articles/2016/4/22/lead/"]:
        response = client.get(former)
        assert (response.status_code, response["Location"]) == (301, "/api/articles/2016/04/22/lead/")


@pytest.mark.parametrize(
    ("url", "status", "errors"),
    [
        ("/api/articles/2016/04/22/no-such-article/", 404, {}),
        ("/api/articles/2016/02/30/lead/", 404, {}),
        ("/api/articles/2016/13/22/lead/", 400, {"month": ["Input should be less than or equal to 12"]}),
        ("/api/persons/no-such-person/", 404, {}),
        ("/api/topics/not%20a%20slug/", 400, {"slug": ["String should match pattern '^[-a-zA-Z0-9_]+$'"]}),
    ],
)
def test_what_is_not_there_is_a_json_404_and_a_malformed_address_a_400(client, lead_with_similar, url, status, errors):
    assert get(client, url, status=status).get("errors", {}) == errors


def test_persons_and_topics_come_by_name_with_how_many_articles_each_has(client, small_archive):
    """Lukashenko's rejected mention does not count."""
    persons, topics = get(client, "/api/persons/"), get(client, "/api/topics/")

    assert [(person["name"], person["count"]) for person in persons["results"]] == [
        ("Lukashenko", 2),
        ("Putin", 3),
        ("Statkevich", 1),
    ]
    assert [(topic["name"], topic["count"]) for topic in topics["results"]] == [
        ("Integration", 2),
        ("Repression", 1),
        ("Sanctions", 2),
    ]
    assert persons["results"][1]["articles"] == f"{BASE}/api/articles/?person=putin"


def test_a_person_or_topic_gives_its_articles_per_year(client, small_archive):
    assert get(client, "/api/persons/putin/") == {
        "slug": "putin",
        "name": "Putin",
        "description": "",
        "url": f"{BASE}/people/putin/",
        "api_url": f"{BASE}/api/persons/putin/",
        "count": 3,
        "articles": f"{BASE}/api/articles/?person=putin",
        "years": [{"year": 2017, "count": 1}, {"year": 2016, "count": 2}],
    }
    assert get(client, "/api/topics/integration/")["years"] == [{"year": 2017, "count": 1}, {"year": 2016, "count": 1}]


API_URLS = [
    "/api/",
    "/api/openapi.json",
    "/api/articles/?person=putin",
    "/api/articles/2016/01/10/minsk-talks/",
    "/api/persons/",
    "/api/persons/putin/",
    "/api/topics/",
    "/api/topics/integration/",
]


@pytest.mark.parametrize("url", API_URLS)
def test_the_api_only_reads(client, small_archive, url):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(url)
        assert (response.status_code, response["Allow"]) == (405, "GET, HEAD")


@pytest.mark.parametrize("url", API_URLS)
def test_answers_are_kept_like_pages_and_revalidated_by_the_archives_generation(client, small_archive, url):
    page = client.get("/articles/")
    response = client.get(url)

    assert response.status_code == 200
    assert (response["ETag"], response["Cache-Control"]) == (page["ETag"], page["Cache-Control"])
    assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_head_gets_the_headers_of_get_without_a_body(client, small_archive):
    response = client.head("/api/articles/?person=putin")

    assert (response.status_code, response["Content-Type"], response.content) == (
        200,
        "application/json; charset=utf-8",
        b"",
    )


def test_the_openapi_schema_is_served_at_a_stable_address_without_head_operations(client, small_archive):
    served = get(client, "/api/openapi.json")

    assert served == json.loads(json.dumps(api.get_openapi_schema()))
    assert served["openapi"].startswith("3.")
    assert sorted(served["paths"]) == [
        "/api/articles/",
        "/api/articles/{year}/{month}/{day}/{slug}/",
        "/api/persons/",
        "/api/persons/{slug}/",
        "/api/topics/",
        "/api/topics/{slug}/",
    ]
    assert {method for operations in served["paths"].values() for method in operations} == {"get"}


def test_the_documentation_page_shows_curl_and_python_examples_for_this_host(client, small_archive):
    response = client.get("/api/")
    html = BeautifulSoup(response.content, "html.parser")
    examples = [pre.text for pre in html.select("pre")]

    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html.select_one("h1").text == "The archive’s API"
    assert examples[0] == f"curl '{BASE}/api/articles/?person=nikolai-statkevich&date_after=2017-01-01'"
    assert 'url = "http://testserver/api/articles/?person=nikolai-statkevich&date_after=2017-01-01"' in examples[1]
    assert 'url = page["next"]' in examples[1]
    assert "Answers may be kept for 5 minutes (Cache-Control)" in html.text
