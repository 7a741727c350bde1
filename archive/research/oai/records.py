"""Records: a header (identifier, datestamp, sets) and the article as simple Dublin Core (`oai_dc`)."""

from django.conf import settings

from archive.index.schema import sort_keys
from archive.models import Article, RelatedLink
from archive.research.oai import datestamps, identifiers, sets
from archive.research.oai.envelope import XSI, element

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# What an article's address and its place in time are made of: all a relation reads of the linked article.
URL_FIELDS = ("slug", "published_date", "published_time")


def articles(entries):
    """[(article, datestamp)] of a window's (datestamp, id) entries, in its order: three queries however many.
    An article deleted since the datestamps were worked out is left out."""
    stamps = {pk: stamp for stamp, pk in entries}
    found = Article.objects.with_subjects().in_order([pk for _, pk in entries])
    return [(article, stamps[article.pk]) for article in found]


def header(parent, article, stamp):
    found = element(parent, "header")
    element(found, "identifier", identifiers.of(article))
    element(found, "datestamp", datestamps.text(stamp))
    for spec in sets.of(article):
        element(found, "setSpec", spec)
    return found


def record(parent, article, stamp, relations, absolute):
    """A whole record; `relations` are the paths of the articles it relates to, `absolute` makes a path a URL."""
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


def relations(ids):
    """{article id: [paths]}: its similar items in page order, then the leads that list it, oldest first.

    Two queries, one a side: each finds its links through its own column's index. One query asking for either
    column (`lead IN … OR related IN …`) is read by PostgreSQL as a scan of every link, however few the ids.
    """
    similar, listed_under = {}, {}
    for link in _links(lead_id__in=ids).select_related("related").only("lead", "position", *_of("related")):
        similar.setdefault(link.lead_id, []).append(link.related)
    for link in _links(related_id__in=ids).select_related("lead").only("related", *_of("lead")):
        listed_under.setdefault(link.related_id, []).append(link.lead)
    return {
        pk: [a.get_absolute_url() for a in similar.get(pk, [])]
        + [a.get_absolute_url() for a in sorted(listed_under.get(pk, []), key=_oldest_first)]
        for pk in ids
    }


def _links(**side):
    return RelatedLink.objects.filter(**side).order_by("position")


def _of(side):
    return [f"{side}__{name}" for name in URL_FIELDS]


def _oldest_first(article):
    # The list pages' time order, as the read index keeps it.
    return sort_keys(article.published_date, article.published_time, article.slug)[0]
