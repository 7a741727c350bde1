"""Memento (RFC 7089): version pages send Memento-Datetime and their relations, a TimeGate per article answers
Accept-Datetime, a TimeMap lists every public version; all of it read by the Memento project's own client."""

import datetime

import pytest
from django.utils.http import http_date
from memento_client import MementoClient

from archive.models import SlugRedirect
from tests.support.versioned_archive import FIXED, IMPORTED, LEAD_URL, LONGER

pytestmark = pytest.mark.django_db

ORIGINAL = f"http://testserver{LEAD_URL}"
TIMEGATE = f"{ORIGINAL}timegate/"
TIMEMAP = f"{ORIGINAL}timemap/"


def version(number):
    return f"{ORIGINAL}versions/{number}/"


def gmt(moment):
    return http_date(moment.timestamp())


def ask(client, moment=None, **headers):
    if moment is not None:
        headers["HTTP_ACCEPT_DATETIME"] = moment if isinstance(moment, str) else gmt(moment)
    return client.get(f"{LEAD_URL}timegate/", **headers)


@pytest.mark.parametrize(
    ("moment", "number"),
    [
        (IMPORTED - datetime.timedelta(days=400), 1),
        (IMPORTED, 1),
        (LONGER - datetime.timedelta(seconds=1), 1),
        (LONGER, 2),
        (LONGER + datetime.timedelta(days=30), 2),
        (FIXED, 3),
        (FIXED + datetime.timedelta(days=3000), 3),
    ],
)
def test_the_timegate_redirects_to_the_version_in_force_at_the_moment_asked(versioned, client, moment, number):
    """Before the first version, the first; inside an interval, the version that began it."""
    response = ask(client, moment)

    assert response.status_code == 302
    assert response["Location"] == version(number)
    assert response["Vary"] == "accept-datetime"
    links = MementoClient.parse_link_header(response["Link"])
    assert links[ORIGINAL]["rel"] == ["original"]
    assert links[TIMEMAP]["rel"] == ["timemap"]


def test_the_timegate_without_accept_datetime_redirects_to_the_present_text(versioned, client):
    assert ask(client)["Location"] == version(3)


@pytest.mark.parametrize("value", ["yesterday", "2026-03-05", "Thu, 35 Mar 2026 12:30:00 GMT", ""])
def test_an_unparseable_accept_datetime_is_a_400(versioned, client, value):
    response = ask(client, value)

    assert response.status_code == 400
    assert response["Vary"] == "accept-datetime"


def test_the_timegate_is_never_served_from_the_page_cache_or_a_validator(versioned, client, settings):
    """The page cache keys on the address alone and the ETag on the generation: neither may hand one client's
    redirect to another asking for another moment."""
    settings.ARCHIVE_PAGE_CACHE_SECONDS = 3600
    etag = client.get(LEAD_URL)["ETag"]

    assert ask(client, IMPORTED)["Location"] == version(1)
    assert ask(client, FIXED)["Location"] == version(3)
    assert ask(client, IMPORTED, HTTP_IF_NONE_MATCH=etag)["Location"] == version(1)
    assert ask(client, IMPORTED)["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_a_version_page_sends_its_memento_datetime_and_its_relations(versioned, client):
    response = client.get(f"{LEAD_URL}versions/2/")

    assert response["Memento-Datetime"] == "Thu, 05 Mar 2026 12:30:00 GMT"
    links = MementoClient.parse_link_header(response["Link"])
    assert links[ORIGINAL]["rel"] == ["original"]
    assert links[TIMEGATE]["rel"] == ["timegate"]
    assert links[TIMEMAP] == {"rel": ["timemap"], "type": ["application/link-format"]}
    assert links[version(1)] == {"rel": ["first", "memento"], "datetime": ["Sat, 10 Jan 2026 09:00:00 GMT"]}
    assert links[version(2)] == {"rel": ["memento"], "datetime": ["Thu, 05 Mar 2026 12:30:00 GMT"]}
    assert links[version(3)] == {"rel": ["last", "memento"], "datetime": ["Mon, 01 Jun 2026 08:15:00 GMT"]}


def test_the_timemap_lists_all_three_versions_for_a_memento_client(versioned, client):
    response = client.get(f"{LEAD_URL}timemap/")

    assert response["Content-Type"] == "application/link-format; charset=utf-8"
    links = MementoClient.parse_link_header(response.content.decode())
    mementos = {uri: link for uri, link in links.items() if "memento" in link["rel"]}
    assert {uri: link["datetime"] for uri, link in mementos.items()} == {
        version(1): ["Sat, 10 Jan 2026 09:00:00 GMT"],
        version(2): ["Thu, 05 Mar 2026 12:30:00 GMT"],
        version(3): ["Mon, 01 Jun 2026 08:15:00 GMT"],
    }
    found = MementoClient.get_uri_dt_for_rel(links, ["original", "timegate", "self", "first", "last"])
    assert {rel: found[rel]["uri"] for rel in found} == {
        "original": ORIGINAL,
        "timegate": TIMEGATE,
        "self": TIMEMAP,
        "first": version(1),
        "last": version(3),
    }
    assert links[TIMEMAP]["from"] == ["Sat, 10 Jan 2026 09:00:00 GMT"]
    assert links[TIMEMAP]["until"] == ["Mon, 01 Jun 2026 08:15:00 GMT"]


def test_the_timemap_in_json_says_the_same(versioned, client):
    data = client.get(f"{LEAD_URL}timemap.json").json()

    assert (data["original_uri"], data["timegate_uri"]) == (ORIGINAL, TIMEGATE)
    assert data["mementos"]["list"] == [
        {"datetime": "2026-01-10T09:00:00Z", "uri": version(1), "number": 1},
        {"datetime": "2026-03-05T12:30:00Z", "uri": version(2), "number": 2},
        {"datetime": "2026-06-01T08:15:00Z", "uri": version(3), "number": 3},
    ]
    assert (data["mementos"]["first"]["uri"], data["mementos"]["last"]["uri"]) == (version(1), version(3))


def test_the_article_page_advertises_its_timegate_and_timemap(versioned, client):
    links = MementoClient.parse_link_header(client.get(LEAD_URL)["Link"])

    assert links[TIMEGATE]["rel"] == ["timegate"]
    assert links[TIMEMAP]["rel"] == ["timemap"]


@pytest.fixture
def served(transactional_db, django_db_serialized_rollback, live_server, client, gazetteer, editor):
    """The three versions committed, for a server in another thread; the database is put back afterwards."""
    from tests.support.versioned_archive import build_versioned_archive

    build_versioned_archive(client, editor)
    return live_server


def test_the_memento_client_negotiates_a_version_with_the_live_site(served):
    """Over HTTP, as a reader's tool would: the article page names its TimeGate, which names the version."""
    live_server = served
    original = f"{live_server.url}{LEAD_URL}"
    info = MementoClient().get_memento_info(original, datetime.datetime(2026, 4, 1, 12, 0))

    assert info["timegate_uri"] == f"{original}timegate/"
    assert info["mementos"]["closest"]["uri"] == [f"{original}versions/2/"]
    assert info["mementos"]["closest"]["datetime"] == datetime.datetime(2026, 3, 5, 12, 30)
    assert info["mementos"]["first"]["uri"] == [f"{original}versions/1/"]
    assert info["mementos"]["last"]["uri"] == [f"{original}versions/3/"]


@pytest.mark.parametrize("suffix", ["versions/", "versions/2/", "versions/1/compare/3/", "timemap/", "timegate/"])
def test_a_former_slug_redirects_for_every_version_address(versioned, client, suffix):
    SlugRedirect.objects.create(published_date=versioned.published_date, old_slug="old-slug", article=versioned)

    response = client.get(f"/articles/2016/04/22/old-slug/{suffix}")

    assert (response.status_code, response["Location"]) == (301, f"{LEAD_URL}{suffix}")
