"""Persons, topics, date archives and the home page, on the small archive."""

from bs4 import BeautifulSoup

from archive.models import Article, RelatedLink
from archive.reading import charts


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(html, selector):
    return [" ".join(li.get_text(" ").split()) for li in html.select(selector)]


def result_titles(html):
    return [article.find("a").text for article in html.select(".results article")]


def test_the_persons_index_counts_public_mentions_only(client, small_archive):
    html = get(client, "/people/")
    assert listed(html, ".subject-index li") == ["Lukashenko 2 articles", "Putin 3 articles", "Statkevich 1 article"]


def test_the_topics_index_counts_articles(client, small_archive):
    html = get(client, "/topics/")
    assert listed(html, ".subject-index li") == [
        "Integration 2 articles",
        "Repression 1 article",
        "Sanctions 2 articles",
    ]


def test_a_persons_page_lists_their_articles_newest_first(client, small_archive):
    html = get(client, "/people/putin/")
    assert html.h1.text == "Putin"
    assert result_titles(html) == ["Union state", "Sochi visit", "Minsk talks"]
    assert html.select_one(".result-count a")["href"] == "/articles/?person=putin"


def test_a_persons_page_charts_articles_per_year_with_a_table(client, small_archive):
    html = get(client, "/people/putin/")
    svg = html.select_one("svg.chart-svg")
    assert svg.title.text == "Articles per year, 2016 to 2017: 3 in all, the most in 2016 (2)."
    assert len(svg.select("rect.chart-bar")) == 2
    assert listed(html, ".chart-data tbody tr") == ["2016 2", "2017 1"]


def test_a_persons_page_names_who_and_what_appears_alongside(client, small_archive):
    html = get(client, "/people/putin/")
    people = html.find(id="alongside-person").parent
    assert [(li.a.text, li.select_one(".count").text) for li in people.select("li")] == [("Lukashenko", "2")]
    assert people.select_one(".count")["href"] == "/articles/?person=lukashenko&person=putin"
    topics = html.find(id="alongside-topic").parent
    assert [(li.a.text, li.select_one(".count").text) for li in topics.select("li")] == [
        ("Integration", "2"),
        ("Sanctions", "2"),
    ]
    assert topics.select_one(".count")["href"] == "/articles/?person=putin&topic=integration"


def test_a_topics_page_lists_its_articles_and_its_people(client, small_archive):
    html = get(client, "/topics/integration/")
    assert result_titles(html) == ["Union state", "Sochi visit"]
    people = html.find(id="alongside-person").parent
    assert [(li.a.text, li.select_one(".count").text) for li in people.select("li")] == [
        ("Putin", "2"),
        ("Lukashenko", "1"),
    ]


def test_a_year_lists_its_months_with_counts_and_its_articles_in_time_order(client, small_archive):
    html = get(client, "/articles/2016/")
    assert listed(html, ".facets .counts li") == ["January 1", "February 1"]
    assert html.select_one(".facets .counts a")["href"] == "/articles/2016/01/"
    assert result_titles(html) == ["Minsk talks", "Sochi visit"]
    assert [a.text for a in html.select(".archive-nav a")] == ["2017"]


def test_a_month_lists_its_days_and_links_to_the_months_around_it(client, small_archive, make_article):
    make_article("Later that month", "2017-09-30")
    html = get(client, "/articles/2017/09/")
    assert listed(html, ".facets .counts li") == ["25 September 1", "30 September 1"]
    assert result_titles(html) == ["Arrests resume", "Later that month"]
    assert [(a.text, a["href"]) for a in html.select(".archive-nav a")] == [
        ("February 2016", "/articles/2016/02/"),
        ("December 2017", "/articles/2017/12/"),
    ]


def test_the_home_page_shows_the_latest_leads_and_the_most_written_about(client, small_archive):
    lead, item = Article.objects.get(title="Sochi visit"), Article.objects.get(title="Quiet month")
    RelatedLink.objects.create(lead=lead, related=item, position=0)
    html = get(client, "/")
    assert result_titles_home(html) == ["Sochi visit"]
    assert listed(html, "#persons-heading ~ ul li") == ["Putin 3", "Lukashenko 2", "Statkevich 1"]
    assert listed(html, "#years-heading ~ ul li") == ["2018 1", "2017 2", "2016 2"]


def result_titles_home(html):
    return [article.find("a").text for article in html.select(".home-latest article")]


def test_a_chart_keeps_empty_years_between_busy_ones():
    chart = charts.per_year("Articles per year", {2014: 4, 2016: 2})
    assert [(bar.label, bar.count, bar.height) for bar in chart.bars] == [
        ("2014", 4, 120.0),
        ("2015", 0, 0.0),
        ("2016", 2, 60.0),
    ]
    assert chart.summary == "Articles per year, 2014 to 2016: 6 in all, the most in 2014 (4)."
