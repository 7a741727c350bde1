"""The JSON Lines exchange format: one article a line, every field, editors' decisions included.

Writing and reading live together so that an export imported into an empty archive exports the same bytes.
"""

import datetime
import json
import re
from dataclasses import dataclass

from django.db.models import Prefetch

from archive import permalinks
from archive.importing import columns
from archive.importing.merge import Version
from archive.importing.parser import CONTROL
from archive.importing.versions import VersionError, parse_versions, read_published, to_entries, versions_prefetch
from archive.models import PUBLIC_DECISIONS, ArticleSource, ArticleTopic, Decision, Mention, RelatedLink

CHUNK = 500
LANGUAGES = {"en", "ru", "be"}
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")
SHA256 = re.compile(r"[0-9a-f]{64}")


def export_queryset(queryset, *, sources=True):
    """The queryset with everything a record needs fetched in a constant number of queries a chunk; without
    `sources`, the files the articles came from are not read (`export_sources` is then empty).

    Each relation lands in a plain list and brings only the columns a record shows: prefetching into managers
    builds a queryset for every article and relation, and whole rows bring every source file's text along; the
    two made a chunk hold some fifty megabytes.
    """
    return queryset.defer("body_html").prefetch_related(
        Prefetch(
            "related_links",
            queryset=RelatedLink.objects.select_related("related")
            .only("lead", "position", "related__slug", "related__published_date")
            .order_by("position"),
            to_attr="export_related",
        ),
        Prefetch(
            "listed_links",
            queryset=RelatedLink.objects.select_related("lead")
            .only("related", "lead__slug", "lead__published_date")
            .order_by("lead__published_date", "lead__slug"),
            to_attr="export_listed",
        ),
        Prefetch(
            "mentions",
            queryset=Mention.objects.select_related("person")
            .only("article", "decision", "pictured", "position", "person__slug", "person__name")
            .order_by("position", "person__slug"),
            to_attr="export_mentions",
        ),
        Prefetch(
            "article_topics",
            queryset=ArticleTopic.objects.select_related("topic")
            .only("article", "decision", "position", "topic__slug", "topic__name")
            .order_by("position", "topic__slug"),
            to_attr="export_topics",
        ),
        Prefetch(
            "sources",
            queryset=ArticleSource.objects.select_related("source")
            .only("article", "role", "source__name", "source__sha256")
            .order_by("source__name", "source__sha256", "role")
            if sources
            else ArticleSource.objects.none(),
            to_attr="export_sources",
        ),
        Prefetch("versions", queryset=versions_prefetch(), to_attr="export_versions"),
    )


def iter_records(queryset, *, hidden=False):
    """Yield a record for each article, reading the archive in chunks so memory stays flat; with `hidden`, the
    versions editors hid from the public too."""
    for article in export_queryset(queryset).iterator(chunk_size=CHUNK):
        yield to_record(article, hidden=hidden)


def published_value(article):
    return article.published.isoformat() if article.published_time else article.published_date.isoformat()


def to_record(article, *, hidden=False):
    """The export line of an article fetched through `export_queryset`; a hidden version only with `hidden`."""
    mentions = article.export_mentions
    topics = article.export_topics
    return {
        "url": article.get_absolute_url(),
        "title": article.title,
        "published": published_value(article),
        "language": article.language,
        "body": article.body,
        "photo": {"caption": article.photo_caption, "credit": article.photo_credit, "agency": article.photo_agency}
        if article.has_photo
        else None,
        "persons": [
            {"slug": m.person.slug, "name": m.person.name, "decision": m.decision, "pictured": m.pictured}
            for m in mentions
            if m.decision in PUBLIC_DECISIONS
        ],
        "topics": [
            {"slug": t.topic.slug, "name": t.topic.name, "decision": t.decision}
            for t in topics
            if t.decision in PUBLIC_DECISIONS
        ],
        "persons_rejected": [
            {"slug": m.person.slug, "name": m.person.name} for m in mentions if m.decision == Decision.REJECTED
        ],
        "topics_rejected": [
            {"slug": t.topic.slug, "name": t.topic.name} for t in topics if t.decision == Decision.REJECTED
        ],
        "related": [link.related.get_absolute_url() for link in article.export_related],
        "listed_under": [link.lead.get_absolute_url() for link in article.export_listed],
        "sources": [{"file": s.source.name, "sha256": s.source.sha256, "role": s.role} for s in article.export_sources],
        "versions": to_entries(article.export_versions, hidden=hidden),
    }


def dumps(record):
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


class RecordError(ValueError):
    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line


def read_lines(stream, digest=None):
    """Yield (line number, text) for every line of an export that holds anything, one line in memory at a time.

    `stream` gives the file's bytes. The text is checked as a page's is (`parser.decode`) and numbered the same
    way, a lone carriage return ending a line too, so that a line number means what it means for a page.
    `digest`, a hashlib object, is fed every byte on the way, so that a reading can tell whether the file it read
    is still the one that was checked.
    """
    number = offset = 0
    for raw in stream:
        if digest is not None:
            digest.update(raw)
        text = _decoded(raw, offset, number + 1)
        offset += len(raw)
        for piece in _pieces(text):
            number += 1
            if piece.strip():
                yield number, piece


def _decoded(raw, offset, line):
    try:
        # A byte-order mark can only open the file; a multi-byte character never spans a line feed.
        text = raw.decode("utf-8-sig" if offset == 0 else "utf-8")
    except UnicodeDecodeError as error:
        raise RecordError(f"the text is not valid UTF-8 (byte {offset + error.start + 1})", line) from None
    if "\x00" in text:
        raise RecordError("the file is binary, not text", line)
    if CONTROL.search(text):
        raise RecordError("the file holds control characters: it is binary, not text", line)
    return text


def _pieces(text):
    """The lines of one line-feed-terminated chunk, CRLF and lone CR taken as line ends as `parser.decode` does."""
    return text.removesuffix("\n").removesuffix("\r").split("\r")


@dataclass(frozen=True)
class Record:
    line: int
    url: str
    slug: str
    published_date: datetime.date
    language: str
    version: Version
    related: tuple
    persons: tuple
    topics: tuple
    persons_rejected: tuple
    topics_rejected: tuple
    sources: tuple
    versions: tuple = ()


def parse_record(text, line):
    """Read one export line, checking every field the archive relies on."""
    try:
        data = json.loads(text)
        address = permalinks.address(data["url"])
        if address is None:
            raise RecordError(f"{data['url']!r} is not an article URL", line)
        published = data["published"]
        date, time = read_published(published)
        if date != address[0]:
            raise RecordError(f"the URL {data['url']} does not match the publication date {published}", line)
        photo = data.get("photo") or {}
        record = Record(
            line=line,
            url=data["url"],
            slug=address[1],
            published_date=date,
            language=_choice(data["language"], LANGUAGES, "language", line),
            version=Version(
                title=_text(data, "title", line),
                body=_text(data, "body", line),
                published_time=time,
                photo_caption=photo.get("caption", ""),
                photo_credit=photo.get("credit", ""),
                photo_agency=photo.get("agency", ""),
            ),
            related=tuple(_entries(data, "related", str, line)),
            persons=tuple(_subjects(data, "persons", line)),
            topics=tuple(_subjects(data, "topics", line)),
            persons_rejected=tuple(_subjects(data, "persons_rejected", line)),
            topics_rejected=tuple(_subjects(data, "topics_rejected", line)),
            sources=tuple(_sources(data, line)),
            versions=parse_versions(data),
        )
        if found := columns.problem(data, record.slug):
            raise RecordError(found, line)
        return record
    except RecordError:
        raise
    except VersionError as error:
        raise RecordError(str(error), line) from None
    except json.JSONDecodeError as error:
        raise RecordError(f"not valid JSON ({error.msg})", line) from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise RecordError(f"not an article record ({type(error).__name__}: {error})", line) from None


def _entries(data, name, kind, line):
    entries = data.get(name, [])
    if not isinstance(entries, list) or not all(isinstance(entry, kind) for entry in entries):
        raise RecordError(f"the field {name!r} must be a list of {'texts' if kind is str else 'objects'}", line)
    return entries


def _choice(value, allowed, name, line):
    if value not in allowed:
        raise RecordError(f"{name} {value!r} is not one of {', '.join(sorted(allowed))}", line)
    return value


def _subjects(data, name, line):
    entries = _entries(data, name, dict, line)
    for entry in entries:
        if not (
            isinstance(entry.get("slug"), str) and SLUG.fullmatch(entry["slug"]) and isinstance(entry.get("name"), str)
        ):
            raise RecordError(f"every entry of {name!r} needs a slug and a name", line)
        _choice(entry.get("decision", Decision.FOUND), PUBLIC_DECISIONS, f"the decision in {name!r}", line)
        if not isinstance(entry.get("pictured", False), bool):
            raise RecordError(f"'pictured' in {name!r} must be true or false", line)
    return entries


def _sources(data, line):
    entries = _entries(data, "sources", dict, line)
    for entry in entries:
        if not (isinstance(entry.get("file"), str) and SHA256.fullmatch(str(entry.get("sha256")))):
            raise RecordError("every source needs a file name and a SHA-256", line)
        _choice(entry.get("role"), ArticleSource.Role.values, "the source role", line)
    return entries


def _text(data, name, line):
    value = data[name]
    if not isinstance(value, str) or not value.strip():
        raise RecordError(f"the field {name!r} must be non-empty text", line)
    return value
