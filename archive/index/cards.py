"""What a page shows of an article it names: kept in the article's index document, so the article page reads
its similar items, the leads that list it and its neighbours there rather than in five queries.

A card has the attributes the templates ask of an article (and of its mentions and topic links), so the same
templates show a card or a model instance.
"""

import datetime
import functools
import hashlib
import json
from dataclasses import dataclass, field

from archive.index.kept import Kept
from archive.models import PERSONS, TOPICS, article_url, published_moment, subject_url
from archive.models.subjects import Named


@dataclass(frozen=True)
class SubjectCard(Named):
    """A person or topic under every name it is shown under, so that a page in any language reads only the card."""

    slug: str
    name: str
    name_ru: str
    view: str

    def get_absolute_url(self):
        return subject_url(self.view, self.slug)


@dataclass(frozen=True)
class Mentioned:
    person: SubjectCard


@dataclass(frozen=True)
class Tagged:
    topic: SubjectCard


@dataclass(frozen=True)
class Card:
    pk: int
    title: str
    slug: str
    published_date: datetime.date
    published_time: datetime.time | None
    language: str
    summary: str
    # (slug, name, Russian name) of each public person and topic, as stored: an article's `persons` and `topics`
    # are its relations, which a card stands in for with `public_mentions` and `public_topics`.
    stored_persons: tuple
    stored_topics: tuple
    related: tuple
    listed_under: tuple
    # The archive's own suggestions, never the source's links: "More on this" and the other language's article.
    suggested: tuple = ()
    counterparts: tuple = ()
    # A digest of the stored bytes: whatever the card shows changes it, so a card drawn once can be kept under it.
    stamp: bytes = field(default=b"", compare=False)
    # When the article last changed, for the pages that say so (the feeds); not part of the stored card.
    updated_at: datetime.datetime | None = None

    def get_absolute_url(self):
        return article_url(self.published_date, self.slug)

    @property
    def published(self):
        return published_moment(self.published_date, self.published_time)

    # Made when first asked for: a card kept drawn, which most of a list's are, is never asked.
    @functools.cached_property
    def public_mentions(self):
        return tuple(Mentioned(SubjectCard(*person, PERSONS.view)) for person in self.stored_persons)

    @functools.cached_property
    def public_topics(self):
        return tuple(Tagged(SubjectCard(*topic, TOPICS.view)) for topic in self.stored_topics)


def encode(row):
    """The card of an `ArticleRow`, as the bytes its document stores."""
    return json.dumps(
        {
            "pk": row.pk,
            "title": row.title,
            "slug": row.slug,
            "date": row.published_date.isoformat(),
            "time": row.published_time.isoformat() if row.published_time else None,
            "language": row.language,
            "summary": row.summary,
            "persons": row.persons,
            "topics": row.topics,
            "related": row.related,
            "listed_under": row.listed_under,
            "suggested": row.suggested,
            "counterparts": row.counterparts,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


# Lists, article pages and OAI-PMH's records read the same cards again and again, and decoding one (its JSON,
# dates and tuples) took longer than finding it in the index. A card is never changed once made, and every
# change to what it holds changes its bytes, so the bytes are what it is kept under. A decoded card with its
# persons and topics made takes about 7 KB: 3,000 are some 20 MB a process, a hundred lists' worth.
KEPT_CARDS = 3_000
_decoded = Kept(KEPT_CARDS)


def decode(data):
    return _decoded.get(data, lambda: _decoded_afresh(data))


def _decoded_afresh(data):
    fields = json.loads(data)
    return Card(
        pk=fields["pk"],
        title=fields["title"],
        slug=fields["slug"],
        published_date=datetime.date.fromisoformat(fields["date"]),
        published_time=datetime.time.fromisoformat(fields["time"]) if fields["time"] else None,
        language=fields["language"],
        summary=fields["summary"],
        stored_persons=tuple(map(tuple, fields["persons"])),
        stored_topics=tuple(map(tuple, fields["topics"])),
        related=tuple(fields["related"]),
        listed_under=tuple(fields["listed_under"]),
        suggested=tuple(fields["suggested"]),
        counterparts=tuple(fields["counterparts"]),
        stamp=hashlib.blake2b(data, digest_size=16).digest(),
    )


def from_row(row):
    return decode(encode(row))
