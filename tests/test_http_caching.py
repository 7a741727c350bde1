"""What every public response tells browsers and caches in front: a validator checked before the page is built,
how long to keep it, and one address per page; the admin is never kept."""

import datetime
import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from archive.index import recording, store
from archive.models import Change
from tests.support.clock import NEW_YEARS_DAY, NEW_YEARS_EVE
from tests.support.importing import import_path
from tests.support.locations import PAGES

LEAD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
PAGE_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=60"

PUBLIC = {
    "home": "/",
    "list": "/articles/?person=alexander-lukashenko",
    "search": "/articles/?q=Statkevich",
    "article": LEAD,
    "bibtex": LEAD + "cite.bib",
    "ris": LEAD + "cite.ris",
    "csl-json": LEAD + "cite.json",
    "persons": "/people/",
    "person": "/people/alexander-lukashenko/",
    "topics": "/topics/",
    "topic": "/topics/economy/",
    "year": "/articles/2016/",
    "month": "/articles/2016/04/",
    "feed": "/feeds/articles.atom",
    "person feed": "/people/alexander-lukashenko/feed.atom",
    "topic feed": "/topics/economy/feed.atom",
    "sitemap": "/sitemap.xml",
    "sitemap section": "/sitemap-articles.xml",
    "robots": "/robots.txt",
    "csv export": "/articles/export.csv?person=alexander-lukashenko",
    "jsonl export": "/articles/export.jsonl",
}


@pytest.fixture
def archive(seeded):
    store.catch_up()


@pytest.mark.parametrize("url", PUBLIC.values(), ids=PUBLIC.keys())
def test_every_public_page_carries_a_validator_and_how_long_to_keep_it(client, archive, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert response["Cache-Control"] == PAGE_CACHE_CONTROL
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.parametrize("url", PUBLIC.values(), ids=PUBLIC.keys())
def test_a_matching_validator_gets_304_for_one_query_and_no_page(client, archive, url, django_assert_num_queries):
    """The one query reads the archive's generation; the view never runs."""
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(1):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_weak_validator_from_a_compressing_proxy_matches_too(client, archive):
    etag = client.get("/").get("ETag")
    assert client.get("/", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304


def test_a_committed_change_changes_every_validator(client, archive, django_capture_on_commit_callbacks):
    before = {url: client.get(url)["ETag"] for url in ("/", LEAD, "/feeds/articles.atom")}
    with django_capture_on_commit_callbacks(execute=True):
        import_path(PAGES / "russian_dateline.txt")
    for url, etag in before.items():
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_pages_that_show_todays_date_change_their_validator_at_midnight(client, archive, time_machine):
    """An article page says when it was accessed (its citation): its ETag holds the day, a list's does not. Both
    name their address, so that a tag copied from another page matches neither."""
    generation = store.generation()
    lead, articles = (hashlib.sha256(path.encode()).hexdigest()[:12] for path in (LEAD, "/articles/"))
    time_machine.move_to(NEW_YEARS_EVE, tick=False)
    before = client.get(LEAD)["ETag"], client.get("/articles/")["ETag"]
    time_machine.move_to(NEW_YEARS_DAY, tick=False)
    after = client.get(LEAD)["ETag"], client.get("/articles/")["ETag"]

    assert before == (f'"{generation}-{lead}-20251231"', f'"{generation}-{articles}"')
    assert after == (f'"{generation}-{lead}-20260101"', f'"{generation}-{articles}"')


@pytest.mark.parametrize("url", PUBLIC.values(), ids=PUBLIC.keys())
def test_every_public_pages_last_modified_is_the_archives_last_change(client, archive, url):
    """Not what the page shows: a feed's newest entry or a sitemap's newest date stays put when an older article
    arrives, though the page changed."""
    response = client.get(url)
    assert response["Last-Modified"] == http_date(Change.objects.newest()[1].timestamp())


def test_if_modified_since_the_last_change_gets_304(client, archive):
    modified = client.get("/people/")["Last-Modified"]
    assert client.get("/people/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    earlier = http_date(datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC).timestamp())
    assert client.get("/people/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_head_gets_the_headers_of_get_without_a_body(client, archive):
    response = client.head("/articles/export.jsonl")
    assert response.status_code == 200
    assert response["Cache-Control"] == PAGE_CACHE_CONTROL
    assert response["ETag"] == client.get("/articles/export.jsonl")["ETag"]


def test_a_missing_page_is_kept_only_a_minute(client, archive):
    response = client.get("/articles/2016/04/22/never-written/")
    assert response.status_code == 404
    assert response["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/", "/admin/archive/article/"])
def test_the_admin_is_never_kept(client, archive, url):
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/articles/?junk=1", "/articles/"),
        ("/articles/?page=1", "/articles/"),
        ("/articles/?sort=newest", "/articles/"),
        ("/articles/?person=b&person=a&person=a", "/articles/?person=a&person=b"),
        ("/articles/?sort=oldest&q=minsk", "/articles/?q=minsk&sort=oldest"),
        ("/articles/export.csv?page=2&person=a", "/articles/export.csv?person=a"),
        ("/?utm_source=x", "/"),
        (LEAD + "?ref=feed", LEAD),
        ("/people/alexander-lukashenko/?page=1", "/people/alexander-lukashenko/"),
        ("/people/alexander-lukashenko/?page=2&junk=1", "/people/alexander-lukashenko/?page=2"),
        ("/articles/2016/?x=1", "/articles/2016/"),
    ],
)
def test_an_address_not_in_canonical_form_gets_one_permanent_redirect_to_it(client, archive, url, canonical):
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (301, canonical)
    assert response["Cache-Control"] == "public, max-age=86400"
    assert client.get(canonical).status_code == 200


@pytest.mark.parametrize("url", ["/articles/?person=a&person=b", "/articles/?q=%D0%9C%D0%B8%D0%BD%D1%81%D0%BA"])
def test_the_canonical_address_itself_answers_200(client, archive, url):
    assert client.get(url).status_code == 200


def test_a_malformed_value_is_explained_on_the_page_not_redirected_away(client, archive):
    response = client.get("/articles/?date_after=2016-13-45&junk=1")
    assert response.status_code == 200
    assert "Enter a valid date" in response.text


def test_reading_the_generation_is_the_only_query_a_cached_page_costs(client, archive, settings):
    settings.ARCHIVE_PAGE_CACHE_SECONDS = 60
    client.get("/articles/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/articles/")
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["SELECT"]
    assert "archive_change" in queries.captured_queries[0]["sql"]


def test_a_change_recorded_makes_the_generation_move(archive):
    before = store.generation()
    recording.record()
    assert store.generation() == before + 1


def test_a_missing_page_is_never_not_modified_whatever_the_validators_sent(client, archive):
    """A 304 says "what you hold is still this resource": a resource that does not exist answers 404 to `*`, to a
    tag copied from another page, and to a date after the last change."""
    tag = client.get("/articles/")["ETag"]
    modified = client.get("/articles/")["Last-Modified"]
    missing = "/articles/2016/04/22/never-written/"

    assert client.get(missing, HTTP_IF_NONE_MATCH="*").status_code == 404
    assert client.get(missing, HTTP_IF_NONE_MATCH=tag).status_code == 404
    assert client.get(missing, HTTP_IF_MODIFIED_SINCE=modified).status_code == 404


def test_a_tag_copied_from_another_page_gets_the_whole_page(client, archive):
    response = client.get("/topics/", HTTP_IF_NONE_MATCH=client.get("/people/")["ETag"])

    assert response.status_code == 200
    assert response["ETag"] == client.get("/topics/")["ETag"]


def test_any_representation_of_a_page_that_exists_is_not_modified(client, archive):
    response = client.get("/articles/", HTTP_IF_NONE_MATCH="*")

    assert response.status_code == 304
    assert response["ETag"] == client.get("/articles/")["ETag"]
