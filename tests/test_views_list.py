"""The article list page: the filter's articles, facets with counts, chips, canonical links, pagination."""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from archive.lists import limits
from archive.lists.query import ListQuery
from archive.models import Article
from archive.text.rendering import paragraphs_to_markdown


def get(client, url):
    """The page at this address, through the one redirect to its canonical form when it is not in that form."""
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 1
    return BeautifulSoup(response.content, "html.parser")


def result_titles(html):
    return [article.find("a").text for article in html.select(".results article")]


def facet(html, heading):
    section = html.find("h3", string=heading).parent
    return [(li.a.text, li.select_one(".count").text, li.a["href"]) for li in section.select("li")]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "person=putin",
        "topic=integration&sort=oldest",
        "date_after=2016-02-01&person=lukashenko",
        "q=union+OR+minsk",
    ],
)
def test_the_page_shows_exactly_the_filters_articles_in_its_order(client, small_archive, query):
    expected = [a.title for a in ListQuery(QueryDict(query)).articles]
    assert result_titles(get(client, f"/articles/?{query}")) == expected


def test_each_result_is_an_article_whose_first_link_is_its_permanent_url(client, small_archive):
    html = get(client, "/articles/?person=putin")
    firsts = [article.find("a")["href"] for article in html.select("main article")]
    assert firsts == [
        a.get_absolute_url() for a in Article.objects.filter(mentions__person__slug="putin").newest_first()
    ]


def test_each_choice_shows_how_many_articles_it_would_leave(client, small_archive):
    html = get(client, "/articles/?person=putin")
    assert facet(html, "People") == [("Lukashenko", "2", "/articles/?person=lukashenko&person=putin")]
    assert facet(html, "Topics") == [
        ("Integration", "2", "/articles/?person=putin&topic=integration"),
        ("Sanctions", "2", "/articles/?person=putin&topic=sanctions"),
    ]
    assert facet(html, "Years") == [
        ("2017", "1", "/articles/?person=putin&date_after=2017-01-01&date_before=2017-12-31"),
        ("2016", "2", "/articles/?person=putin&date_after=2016-01-01&date_before=2016-12-31"),
    ]


def test_year_counts_ignore_the_dates_already_chosen(client, small_archive):
    html = get(client, "/articles/?date_after=2017-01-01&date_before=2017-12-31")
    years = facet(html, "Years")
    assert [(year, count) for year, count, _ in years] == [("2018", "1"), ("2017", "2"), ("2016", "2")]
    assert html.find("a", attrs={"aria-current": "true"}).text == "2017"


def test_applied_filters_show_as_chips_that_remove_one_filter_each(client, small_archive):
    html = get(client, "/articles/?sort=oldest&topic=integration&person=putin&date_after=2016-02-01&q=visit")
    chips = [(" ".join(a.span.text.split()), a["href"]) for a in html.select(".chip")]
    assert chips == [
        ("Search: visit", "/articles/?person=putin&topic=integration&date_after=2016-02-01&sort=oldest"),
        ("Person: Putin", "/articles/?q=visit&topic=integration&date_after=2016-02-01&sort=oldest"),
        ("Topic: Integration", "/articles/?q=visit&person=putin&date_after=2016-02-01&sort=oldest"),
        ("From 2016-02-01", "/articles/?q=visit&person=putin&topic=integration&sort=oldest"),
        ("Oldest first", "/articles/?q=visit&person=putin&topic=integration&date_after=2016-02-01"),
    ]


def test_the_canonical_url_puts_parameters_in_one_order_and_drops_invalid_ones(client, small_archive):
    html = get(client, "/articles/?person=putin&date_before=nope&sort=newest&person=lukashenko&page=1")
    assert html.find("link", rel="canonical")["href"] == "http://testserver/articles/?person=lukashenko&person=putin"
    assert html.select_one(".exports a")["href"] == "/articles/export.csv?person=lukashenko&person=putin"


def test_a_malformed_value_is_explained_and_left_out(client, small_archive):
    html = get(client, "/articles/?date_after=2016-13-45&person=putin")
    assert [" ".join(li.text.split()) for li in html.select(".notice li")] == [
        "From: Enter a valid date. It was left out."
    ]
    assert result_titles(html) == ["Union state", "Sochi visit", "Minsk talks"]


def test_an_unknown_person_is_explained_and_matches_nothing(client, small_archive):
    html = get(client, "/articles/?person=nobody")
    assert [" ".join(li.text.split()) for li in html.select(".notice li")] == [
        "The archive has no person “nobody”, so no article matches."
    ]
    assert result_titles(html) == []


@pytest.fixture
def long_list(make_article):
    for day in range(1, 46):
        make_article(f"Note {day:02d}", f"2016-01-{(day - 1) % 28 + 1:02d}" if day <= 28 else f"2016-02-{day - 28:02d}")


def test_pages_of_twenty_keep_the_filters(client, long_list):
    html = get(client, "/articles/?sort=oldest&date_after=2016-01-01&page=2")
    assert len(result_titles(html)) == 20
    assert result_titles(html)[0] == "Note 21"
    links = {a.text.strip(): a["href"] for a in html.select(".pagination a[href]")}
    assert links == {
        "Previous page": "/articles/?date_after=2016-01-01&sort=oldest",
        "Page 1": "/articles/?date_after=2016-01-01&sort=oldest",
        "Page 3": "/articles/?date_after=2016-01-01&sort=oldest&page=3",
        "Next page": "/articles/?date_after=2016-01-01&sort=oldest&page=3",
    }


def test_a_page_number_that_is_not_a_number_shows_the_first_page_with_a_message(client, long_list):
    html = get(client, "/articles/?page=abc")
    assert html.select_one(".notice").text.strip() == "“abc” is not a page number, so the first page is shown."
    assert result_titles(html)[0] == "Note 45"


def test_a_page_past_the_end_is_empty_with_a_way_back(client, long_list):
    html = get(client, "/articles/?page=9")
    assert result_titles(html) == []
    notice = html.select_one(".notice")
    assert " ".join(notice.text.split()) == "There is no page 9: this list has 3. Go to the last page."
    assert notice.a["href"] == "/articles/?page=3"


def test_a_search_highlights_the_words_in_an_escaped_snippet(client, make_article):
    make_article("Note", "2016-01-01", body=paragraphs_to_markdown(["The <b> tag and the arrests of activists."]))
    response = client.get("/articles/?q=arrested")
    assert b"<b>" not in response.content
    summary = BeautifulSoup(response.content, "html.parser").select_one(".item-summary")
    assert str(summary) == '<p class="item-summary">The &lt;b&gt; tag and the <mark>arrests</mark> of activists.</p>'


def test_a_search_finds_the_seed_item_by_either_spelling(client, seeded):
    for query in ["Статкевич", "Statkevich"]:
        html = get(client, f"/articles/?q={query}")
        assert result_titles(html) == ["Belarusian authorities resumed arrests of opposition"]


def test_a_relevance_page_past_the_ranked_depth_is_refused_with_a_way_to_sort_by_date(client, long_list, monkeypatch):
    """With 40 articles ranked, pages of 20 end at page 2; the 45 notes all match, and page 3 is not ranked."""
    monkeypatch.setattr(limits, "RELEVANCE_DEPTH", 40)

    html = get(client, "/articles/?q=note&page=3")

    assert result_titles(html) == []
    assert " ".join(html.select_one(".notice").text.split()) == (
        "There is no page 3 by relevance: only the 40 most relevant articles are ranked, on 2 pages. Sort by newest "
        "or oldest to reach every article. Go to the last page."
    )
    assert html.select_one(".notice a")["href"] == "/articles/?q=note&page=2"
    assert [a.text.strip() for a in html.select(".pagination a[href]")] == ["Previous page", "Page 1", "Page 2"]
    assert len(result_titles(get(client, "/articles/?q=note&page=2"))) == 20
    assert result_titles(get(client, "/articles/?q=note&sort=newest&page=3"))[-1] == "Note 01"
