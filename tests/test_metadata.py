"""What an article page tells machines, read with extruct and the way Zotero's Embedded Metadata translator reads it."""

import datetime
import re

import extruct
import lxml.html

BASE = "http://testserver"
STAMP = "%Y-%m-%dT%H:%M:%SZ"
LEAD_URL = f"{BASE}/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
DATELESS_URL = f"{BASE}/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"
LEAD_TITLE = "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
LEAD_SUMMARY = (
    "On February 21st, at a meeting with KGB Chairman Vladimir Vakulchik, President Lukashenko asked about "
    "progress in building constructive relationships with the West."
)


def page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def extract(html, url, syntax):
    return extruct.extract(html, base_url=url, syntaxes=[syntax], uniform=True)[syntax]


def test_json_ld_describes_a_news_article_with_its_offset_publisher_and_persons(client, research_archive):
    [data] = extract(page(client, research_archive.lead), LEAD_URL, "json-ld")

    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": LEAD_URL,
        "url": LEAD_URL,
        "mainEntityOfPage": LEAD_URL,
        "headline": LEAD_TITLE,
        "description": LEAD_SUMMARY,
        "datePublished": "2016-04-22T18:26:00+03:00",
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "author": {"@type": "Organization", "name": "Belarus Commentary Archive", "url": f"{BASE}/"},
        "isPartOf": {"@type": "Periodical", "name": "Belarus Commentary Archive", "url": f"{BASE}/"},
        "publisher": {"@type": "Organization", "name": "Belarus Commentary Archive", "url": f"{BASE}/"},
        "about": [
            {"@type": "Person", "name": "Alexander Lukashenko", "url": f"{BASE}/people/alexander-lukashenko/"},
            {"@type": "Person", "name": "Vladimir Putin", "url": f"{BASE}/people/vladimir-putin/"},
        ],
        "keywords": [],
        "version": "1",
        "dateModified": research_archive.lead.versions.get().valid_from.astimezone(datetime.UTC).strftime(STAMP),
    }


def test_json_ld_of_an_article_without_a_time_gives_the_day_and_leaves_out_rejected_persons(client, research_archive):
    [data] = extract(page(client, research_archive.dateless), DATELESS_URL, "json-ld")

    assert data["datePublished"] == "2020-05-12"
    assert data["headline"] == 'Opposition <leaders> & the "Vilnius" talks'
    assert [person["name"] for person in data["about"]] == ["Nikolai Statkevich", "Alexander Lukashenko"]


def test_json_ld_cannot_close_its_script_element_whatever_the_title_says(client, research_archive):
    research_archive.dateless.title = "Talks </script><script>alert(1)</script>"
    research_archive.dateless.save()

    html = page(client, research_archive.dateless)

    assert "Talks \\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E" in html
    assert "<script>alert(1)" not in html
    assert extract(html, DATELESS_URL, "json-ld")[0]["headline"] == "Talks </script><script>alert(1)</script>"


def test_open_graph_presents_an_article_with_its_publication_time(client, research_archive):
    [data] = extruct.extract(page(client, research_archive.lead), base_url=LEAD_URL, syntaxes=["opengraph"])[
        "opengraph"
    ]

    assert data["properties"] == [
        ("og:type", "article"),
        ("og:title", LEAD_TITLE),
        ("og:url", LEAD_URL),
        ("og:site_name", "Belarus Commentary Archive"),
        ("og:description", LEAD_SUMMARY),
        ("article:published_time", "2016-04-22T18:26:00+03:00"),
        ("article:tag", "Alexander Lukashenko"),
        ("article:tag", "Vladimir Putin"),
    ]


def test_dublin_core_names_the_type_title_day_publisher_and_subjects(client, research_archive):
    """Rejected Putin is no subject of the article."""
    [data] = extract(page(client, research_archive.dateless), DATELESS_URL, "dublincore")
    summary = "Opposition leaders met in Vilnius to discuss a common platform & a single candidate."

    assert data["@type"] == "News Item"
    assert [(element["name"], element["content"]) for element in data["elements"]] == [
        ("DC.title", 'Opposition <leaders> & the "Vilnius" talks'),
        ("DC.date", "2020-05-12"),
        ("DC.publisher", "Belarus Commentary Archive"),
        ("DC.language", "en"),
        ("DC.identifier", DATELESS_URL),
        ("DC.description", summary),
        ("DC.subject", "Nikolai Statkevich"),
        ("DC.subject", "Alexander Lukashenko"),
    ]


def test_the_page_names_its_permanent_url_as_canonical(client, research_archive):
    doc = lxml.html.fromstring(page(client, research_archive.lead))

    assert doc.xpath('//head/link[@rel="canonical"]/@href') == [LEAD_URL]


# The namespaces the translator knows without a declaration; an RDF statement is made for each meta tag in them.
KNOWN_PREFIXES = {"bib", "bibo", "dc", "dcterms", "prism", "foaf", "vcard", "link", "z", "eprint", "eprints"}
KNOWN_PREFIXES |= {"og", "article", "book", "music", "video", "so", "codemeta", "rdf"}
HIGHWIRE_TYPES = {
    "citation_journal_title": "journalArticle",
    "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper",
    "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection",
    "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
HIGHWIRE_GUESSES = {"citation_title": "journalArticle", "citation_series_title": "journalArticle"}
DC_TYPES = {"newsitem": "newspaperArticle", "journalarticle": "journalArticle", "article": "journalArticle"}
OG_TYPES = {"book": "book", "website": "webpage", "video.movie": "videoRecording", "music.song": "audioRecording"}
ZOTERO_ITEM_TYPES = {"newspaperArticle", "journalArticle", "magazineArticle", "webpage", "blogPost", "book"}


def meta_statements(doc):
    """The RDF statements of the page's `<meta>` tags, its Highwire type and its Highwire guess.

    Zotero's "Embedded Metadata" translator (zotero/translators, "Embedded Metadata.js", which hands RDF statements
    to "RDF.js") splits the name (or property) of every `<meta>` with a content at `.`, `:` and `_`. When the first
    part (or, for three parts or more, the second) is a known namespace prefix (`DC`, `dcterms`, `og`, `article`,
    `prism`, ...), the tag becomes an RDF statement. Other tags ending in a Highwire `citation_*` name set a
    "Highwire type": `citation_journal_title` makes it a journalArticle outright; `citation_title` alone only
    guesses journalArticle.
    """
    statements, highwire_type, highwire_guess = {}, None, None
    for meta in doc.iter("meta"):
        names, value = meta.get("name") or meta.get("property"), meta.get("content")
        if not names or not value:
            continue
        for tag in names.split():
            parts = re.split(r"[.:_]", tag)
            if len(parts) > 2 and parts[1].lower() in KNOWN_PREFIXES:
                prefix, prop = parts[1].lower(), tag[len(parts[0]) + len(parts[1]) + 2 :]
            else:
                prefix, prop = parts[0].lower(), tag[len(parts[0]) + 1 :]
            if prefix in KNOWN_PREFIXES:
                statements.setdefault((prefix, prop[:1].lower() + prop[1:]), value)
            else:
                short = tag[tag.rfind("citation_") :]
                highwire_type = HIGHWIRE_TYPES.get(short, highwire_type)
                highwire_guess = highwire_guess or HIGHWIRE_GUESSES.get(short)
    return statements, highwire_type, highwire_guess


def rdf(statements, *keys):
    return next((statements[key] for key in keys if key in statements), None)


def highwire(doc, name):
    values = doc.xpath(f'/html/head/meta[substring(@name, string-length(@name) - {len(name) - 1}) = "{name}"]')
    return values[0].get("content") if values else None


def highwire_last(doc, *names):
    return next((value for value in reversed([highwire(doc, name) for name in names]) if value), None)


def item_type(statements, highwire_type, highwire_guess):
    """The translator takes the Highwire type when there is one. Otherwise, when there are RDF statements, the RDF
    translator decides, first match wins: Zotero's own `z.itemType`; a definite `og:type` (book, website, video,
    music; `article` is only a weak guess that comes too late to count); `DC.type` as a Zotero item type name or a
    vocabulary word ("News Item" is a newspaperArticle, "Text" only a weak guess); then the Highwire guess; and
    finally webpage. Without RDF statements the Highwire guess is all there is. (PRISM aggregation types and
    genres are compared as lists in that code and never match: left out here.)"""
    if highwire_type or not statements:
        return highwire_type or highwire_guess
    dc_type = rdf(statements, ("dc", "type"), ("dcterms", "type")) or ""
    return (
        rdf(statements, ("z", "itemType"))
        or OG_TYPES.get(rdf(statements, ("og", "type")))
        or (dc_type if dc_type in ZOTERO_ITEM_TYPES else DC_TYPES.get(dc_type.lower().replace(" ", "")))
        or highwire_guess
        or "webpage"
    )


def zotero_embedded_metadata(html):
    """Read the page's head as Zotero's "Embedded Metadata" translator does, and return the item it saves.

    Highwire fields override the RDF ones: `citation_title` the title, `citation_publisher` the publisher,
    `citation_public_url` the URL, `citation_abstract` the abstract. The date is the last found of
    `citation_publication_date`, `citation_cover_date` and `citation_date`, in that order; Zotero keeps it as
    written, reading the day from it. The publication comes from `prism.publicationName`, `DC.source` or
    `og:site_name`, unless `citation_journal_title` is there. Without any URL, the canonical link is taken. The
    RDF abstract is `og:description` before `dcterms:abstract`, then `DC.description`; the last resort is
    `<meta name="description">`.
    """
    doc = lxml.html.fromstring(html)
    statements, highwire_type, highwire_guess = meta_statements(doc)
    return {
        "itemType": item_type(statements, highwire_type, highwire_guess),
        "title": highwire(doc, "citation_title")
        or rdf(statements, ("dc", "title"), ("dcterms", "title"), ("og", "title")),
        "date": highwire_last(doc, "citation_publication_date", "citation_cover_date", "citation_date")
        or rdf(
            statements, ("og", "published_time"), ("article", "published_time"), ("dc", "date"), ("dcterms", "date")
        ),
        "publicationTitle": highwire(doc, "citation_journal_title")
        or rdf(statements, ("prism", "publicationName"), ("dc", "source"), ("og", "site_name")),
        "publisher": highwire(doc, "citation_publisher") or rdf(statements, ("dc", "publisher")),
        "url": highwire(doc, "citation_public_url") or "".join(doc.xpath('//head/link[@rel="canonical"]/@href')),
        "abstractNote": highwire(doc, "citation_abstract")
        or rdf(statements, ("og", "description"), ("dcterms", "abstract"), ("dc", "description"))
        or "".join(doc.xpath('//meta[@name="description"]/@content'))
        or None,
    }


def test_zotero_saves_an_article_page_as_a_newspaper_article(client, research_archive):
    assert zotero_embedded_metadata(page(client, research_archive.lead)) == {
        "itemType": "newspaperArticle",
        "title": LEAD_TITLE,
        "date": "2016-04-22T18:26:00+03:00",
        "publicationTitle": "Belarus Commentary Archive",
        "publisher": "Belarus Commentary Archive",
        "url": LEAD_URL,
        "abstractNote": LEAD_SUMMARY,
    }


def test_zotero_keeps_the_whole_first_paragraph_as_the_abstract_though_link_previews_get_300_characters(
    client, research_archive
):
    html = page(client, research_archive.related)
    summary = research_archive.related.summary
    [og] = extruct.extract(html, base_url=LEAD_URL, syntaxes=["opengraph"])["opengraph"]

    assert len(summary) == 822
    assert zotero_embedded_metadata(html)["abstractNote"] == summary
    assert dict(og["properties"])["og:description"] == summary[:299] + "…"


def test_zotero_dates_an_article_without_a_time_by_its_day(client, research_archive):
    assert zotero_embedded_metadata(page(client, research_archive.dateless))["date"] == "2020-05-12"


def test_zotero_would_take_a_page_with_only_highwire_tags_for_a_journal_article():
    """The reason the page also says what it is: Highwire tags alone read as a journal article."""
    html = '<html><head><meta name="citation_title" content="A title"><meta property="og:type" content="article">'

    assert zotero_embedded_metadata(html + "</head></html>")["itemType"] == "journalArticle"
