"""Citations say which text they cite: every format, the page's metadata and a Robust Link in the "cite this" block."""

import json

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from tests.support.versioned_archive import FIRST_TITLE, FIXED_TITLE, LEAD_URL

pytestmark = pytest.mark.django_db

ORIGINAL = f"http://testserver{LEAD_URL}"


def cited(client, path):
    return client.get(f"{LEAD_URL}{path}").content.decode()


def test_every_citation_format_of_a_version_names_its_date_and_address(versioned, client):
    bib = bibtexparser.parse_string(cited(client, "versions/1/cite.bib")).entries[0]
    ris = rispy.loads(cited(client, "versions/1/cite.ris"))[0]
    csl = json.loads(cited(client, "versions/1/cite.json"))[0]

    assert (bib["version"], bib["url"], bib["title"]) == (
        "version 1 of 2026-01-10T09:00:00Z",
        f"{ORIGINAL}versions/1/",
        FIRST_TITLE,
    )
    assert (ris["edition"], ris["urls"][0], ris["title"]) == (
        "version 1 of 2026-01-10T09:00:00Z",
        f"{ORIGINAL}versions/1/",
        FIRST_TITLE,
    )
    assert (csl["version"], csl["URL"], csl["title"]) == (
        "version 1 of 2026-01-10T09:00:00Z",
        f"{ORIGINAL}versions/1/",
        FIRST_TITLE,
    )


def test_the_articles_own_citations_name_the_present_text_and_its_version(versioned, client):
    bib = bibtexparser.parse_string(cited(client, "cite.bib")).entries[0]
    ris = rispy.loads(cited(client, "cite.ris"))[0]
    csl = json.loads(cited(client, "cite.json"))[0]

    assert (bib["url"], bib["version"], bib["title"]) == (ORIGINAL, "version 3 of 2026-06-01T08:15:00Z", FIXED_TITLE)
    assert ris["edition"] == csl["version"] == "version 3 of 2026-06-01T08:15:00Z"
    assert csl["note"] == f"The text of version 3 of 2026-06-01T08:15:00Z: {ORIGINAL}versions/3/"


@pytest.mark.parametrize(
    ("path", "href", "number", "date"),
    [
        ("", ORIGINAL, 3, "2026-06-01T08:15:00Z"),
        ("versions/2/", f"{ORIGINAL}versions/2/", 2, "2026-03-05T12:30:00Z"),
    ],
)
def test_the_cite_block_offers_a_robust_link(versioned, client, path, href, number, date):
    block = BeautifulSoup(cited(client, path), "html.parser").select_one("section.cite")
    link = block.select_one("a[data-versionurl]")

    assert (link["href"], link["data-originalurl"]) == (href, ORIGINAL)
    assert (link["data-versionurl"], link["data-versiondate"]) == (f"{ORIGINAL}versions/{number}/", date)
    assert f"version {number} of {date}" in block.get_text()
    downloads = [a["href"] for a in block.select(".downloads a")]
    assert downloads == [f"{LEAD_URL}{path}cite.{kind}" for kind in ("bib", "ris", "json")]


def test_a_version_pages_metadata_cites_that_version(versioned, client):
    page = BeautifulSoup(cited(client, "versions/1/"), "html.parser")

    def meta(name):
        return page.select_one(f'meta[name="{name}"], meta[property="{name}"]')["content"]

    assert page.select_one('link[rel="canonical"]')["href"] == f"{ORIGINAL}versions/1/"
    assert (meta("citation_title"), meta("citation_public_url")) == (FIRST_TITLE, f"{ORIGINAL}versions/1/")
    assert meta("og:url") == f"{ORIGINAL}versions/1/"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert (data["headline"], data["version"], data["dateModified"]) == (FIRST_TITLE, "1", "2026-01-10T09:00:00Z")
