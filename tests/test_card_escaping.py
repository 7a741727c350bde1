"""A card writes an article's text as text on every page that lists it: nothing imported runs as markup."""

import pytest

from archive.index import store
from archive.models import Mention, Person

TITLE = 'Tanks & "talks" <script>alert(1)</script>'
# The summary is the body's first paragraph as plain text: its "<" and "&" are characters to escape.
BODY = "When 1 < 2 & the minister's aide says so."


@pytest.fixture
def hostile(make_article):
    article = make_article(TITLE, "2016-04-22", body=BODY)
    person = Person.objects.create(slug="someone", name="<b>Someone</b>", name_ru="<i>Некто</i>")
    Mention.objects.create(article=article, person=person)
    store.catch_up()


@pytest.mark.parametrize("url", ["/articles/", "/articles/2016/", "/people/someone/", "/ru/articles/"])
def test_a_cards_title_summary_and_names_are_escaped_as_djangos_templates_escape_them(client, hostile, url):
    html = client.get(url).text

    assert "<script>" not in html and "<b>Some" not in html and "<i>Не" not in html
    assert "Tanks &amp; &quot;talks&quot; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "When 1 &lt; 2 &amp; the minister&#x27;s aide says so." in html
    assert ("&lt;i&gt;Некто&lt;/i&gt;" if url.startswith("/ru/") else "&lt;b&gt;Someone&lt;/b&gt;") in html


def test_a_search_results_card_escapes_its_highlighted_title(client, hostile):
    html = client.get("/articles/?q=talks").text

    assert "<script>" not in html
    assert "&quot;<mark>talks</mark>&quot; &lt;script&gt;" in html
