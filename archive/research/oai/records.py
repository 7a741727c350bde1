"""Records: a header (identifier, datestamp, sets) and the article as simple Dublin Core (`oai_dc`)."""

import copy

from django.conf import settings

from archive.index import surroundings
from archive.index.kept import Kept
from archive.index.schema import sort_keys
from archive.research.oai import datestamps, envelope, identifiers, sets
from archive.research.oai.envelope import XSI, element

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def articles(entries):
    """[(card, datestamp)] of a window's (datestamp, id) entries, in its order, from the read index: no query. An
    article deleted since the datestamps were worked out is left out."""
    found = surroundings.cards_of([pk for _, pk in entries])
    return [(found[pk], stamp) for stamp, pk in entries if pk in found]


def header(parent, article, stamp):
    found = element(parent, "header")
    element(found, "identifier", identifiers.of(article))
    element(found, "datestamp", datestamps.text(stamp))
    for spec in sets.of(article):
        element(found, "setSpec", spec)
    return found


# A record is kept under all it is made of, its article's card among them: about 4 KB each.
KEPT = 5000
_kept = Kept(KEPT)


def record(parent, article, stamp, relations, absolute):
    """A whole record; `relations` are the paths of the articles it relates to, `absolute` makes a path a URL.

    Made once and kept under the card's digest, the datestamp, the relations and the host: a harvest, or the same
    records harvested again, then copies finished elements rather than making thirty each."""
    key = (article.stamp, stamp, tuple(relations.get(article.pk, ())), absolute("/"))
    made = _kept.get(key, lambda: _record(envelope.detached("ListRecords"), article, stamp, relations, absolute))
    parent.append(copy.deepcopy(made))


def _record(parent, article, stamp, relations, absolute):
    found = element(parent, "record")
    header(found, article, stamp)
    metadata = element(element(found, "metadata"), "dc", namespace=OAI_DC, nsmap={"oai_dc": OAI_DC, "dc": DC})
    metadata.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {OAI_DC_SCHEMA}")
    for tag, text, language in _fields(article, relations, absolute):
        dc = element(metadata, tag, text, namespace=DC)
        if language:
            dc.set(XML_LANG, language)
    return found


def _fields(article, relations, absolute):
    """(element, text, language) of every Dublin Core element of an article, in a fixed order."""
    yield "title", article.title, article.language
    for mention in article.public_mentions:
        yield "subject", mention.person.name, None
    for link in article.public_topics:
        yield "subject", link.topic.name, None
    if article.summary:
        yield "description", article.summary, article.language
    yield "publisher", settings.ARCHIVE_PUBLISHER, None
    yield "date", article.published_date.isoformat(), None
    yield "type", "Text", None
    yield "format", "text/html", None
    yield "identifier", absolute(article.get_absolute_url()), None
    yield "language", article.language, None
    for path in relations.get(article.pk, ()):
        yield "relation", absolute(path), None


def relations(found):
    """{article id: [paths]} of these cards: each one's similar items in page order, then the leads that list it,
    oldest first, from the cards of the articles they name (one search)."""
    linked = surroundings.cards_of([pk for card in found for pk in (*card.related, *card.listed_under)])
    return {
        card.pk: [linked[pk].get_absolute_url() for pk in card.related if pk in linked]
        + [
            lead.get_absolute_url()
            for lead in sorted((linked[pk] for pk in card.listed_under if pk in linked), key=_oldest_first)
        ]
        for card in found
    }


def _oldest_first(article):
    # The list pages' time order, as the read index keeps it.
    return sort_keys(article.published_date, article.published_time, article.slug)[0]
