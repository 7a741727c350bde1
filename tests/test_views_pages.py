"""Every public page: answers on the seed archive, is read-only, and fails into the site's own 404."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from archive.models import Article, ArticleTopic, Mention, Person, SlugRedirect, Topic

LEAD_URL = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
ITEM_URL = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"


@pytest.fixture
def archive(seeded):
    """The seed page with a person and a topic of our own on its similar item."""
    item = Article.objects.get(title="Belarusian authorities resumed arrests of opposition")
    person = Person.objects.create(slug="mikola-statkevich-test", name="Mikola Statkevich", aliases=["Статкевич"])
    topic = Topic.objects.create(slug="arrests-test", name="Arrests")
    Mention.objects.create(article=item, person=person, pictured=True)
    ArticleTopic.objects.create(article=item, topic=topic)
    return item


PAGES = [
    "/",
    "/articles/",
    "/articles/?q=Statkevich",
    "/articles/?person=mikola-statkevich-test&date_after=2017-01-01&sort=oldest",
    "/articles/2016/",
    "/articles/2017/09/",
    LEAD_URL,
    ITEM_URL,
    "/people/",
    "/people/mikola-statkevich-test/",
    "/topics/",
    "/topics/arrests-test/",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_on_the_seed_archive_with_one_main(client, archive, url):
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert len(page.find_all("main")) == 1
    assert page.html["lang"] == "en"
    assert page.find("a", class_="skip-link")["href"] == "#content"
    assert page.find("main")["id"] == "content"
    assert len(page.find_all("h1")) == 1


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_head(client, archive, url):
    assert client.head(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_every_page_refuses_to_change_anything(client, archive, url):
    assert [getattr(client, method)(url).status_code for method in ["post", "put", "patch", "delete"]] == [405] * 4


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",
        "/articles/2016/04/22/no-such-slug/",
        "/articles/2016/02/30/an-impossible-day/",
        "/articles/2016/13/",
        "/articles/2016/00/",
        "/articles/2016/05/",
        "/articles/1999/",
        "/people/nobody/",
        "/topics/nothing/",
    ],
)
def test_unknown_addresses_get_the_sites_own_404(client, archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"This page is not in the archive" in response.content
    assert b'<main id="content"' in response.content


def test_a_changed_slug_answers_301_to_the_current_address(client, archive):
    SlugRedirect.objects.create(published_date=archive.published_date, old_slug="old-words", article=archive)
    response = client.get("/articles/2017/09/25/old-words/")
    assert response.status_code == 301
    assert response["Location"] == ITEM_URL


def test_a_former_slug_on_another_day_is_not_redirected(client, archive):
    SlugRedirect.objects.create(published_date=archive.published_date, old_slug="old-words", article=archive)
    assert client.get("/articles/2017/09/26/old-words/").status_code == 404


MALFORMED = [
    "date_after=2016-13-45",
    "date_before=yesterday",
    "date_after=0000-00-00",
    "person=",
    "person=<script>",
    "person=" + "x" * 500,
    "topic=%00",
    "page=abc",
    "page=0",
    "page=-1",
    "page=99999999999999999999999",
    "page=2.5",
    "sort=random",
    "sort=",
    "q=" + "Statkevich " * 100,
    'q="',
    "q=*",
    "q=AND+(",
    "q=%00",
    "q=NEAR(a+b)",
    "q=%E2%80%9C",
    "unknown=1",
    "person=a&person=a&person=b",
    "date_after=2016-01-01&date_after=2017-01-01",
]


@pytest.mark.parametrize("path", ["/articles/", "/people/mikola-statkevich-test/", "/articles/2017/", "/"])
def test_malformed_parameters_never_give_a_server_error(client, archive, path):
    """Each answers with the page, or with one redirect to the page's canonical form."""
    answers = {}
    for query in MALFORMED:
        response = client.get(f"{path}?{query}", follow=True)
        answers[query] = (response.status_code, len(response.redirect_chain) <= 1)
    assert answers == dict.fromkeys(MALFORMED, (200, True))


def test_the_500_page_stands_alone():
    page = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert page.find("h1").text == "Something went wrong on our side"
    assert page.find("main")["id"] == "content"


@pytest.mark.parametrize("url", ["/articles/0000/", "/articles/0000/01/", "/articles/0000/01/01/any-slug/"])
def test_year_zero_is_not_in_the_calendar(client, db, url):
    assert client.get(url).status_code == 404


def test_a_printed_page_carries_its_full_address(client, db):
    response = client.get("/articles/?person=nikolai-statkevich")
    assert '<p class="print-address">http://testserver/articles/?person=nikolai-statkevich</p>' in response.text
