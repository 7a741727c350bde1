"""Write parsed pages and JSON Lines exports into the archive: one transaction a file, never a duplicate.

The command line and the admin's import page both go through `import_file`.
"""

import datetime
import hashlib
import io
import os
import re
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from archive import bulk, tagging
from archive.importer.identity import slug_for, title_key
from archive.importer.merge import Version, merge
from archive.importer.parser import ParseError, decode, parse_page
from archive.index import changes
from archive.jsonl import RecordError, parse_record, read_lines
from archive.models import Article, ArticleSource, RelatedLink, SourceFile
from archive.rendering import paragraphs_to_markdown

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
IMPORTED, SKIPPED, REJECTED = "imported", "unchanged", "rejected"


@dataclass
class ArticleOutcome:
    title: str
    url: str
    status: str
    role: str
    changes: list = field(default_factory=list)
    article_id: int | None = None
    new_link: bool = False


@dataclass
class FileResult:
    name: str
    status: str
    articles: list = field(default_factory=list)
    error: str = ""
    line: int | None = None
    # An export's articles are only counted: an outcome for each of a hundred thousand would be held to the end.
    counted: Counter = field(default_factory=Counter)

    @property
    def counts(self):
        return Counter(outcome.status for outcome in self.articles) + self.counted


class DryRunRollback(Exception):
    pass


def import_file(name, data, *, user=None, dry_run=False):
    """Import one file (a `.txt` page or a `.jsonl` export) and say what it did.

    `data` is the file's bytes; an export may also be given by its path or as a binary file object that can seek,
    and is then read as a stream, never whole. A rejected file changes nothing. With dry_run, the work is done and
    then rolled back, so the result is exactly what a real import would do to the archive as it is now.
    """
    if name.lower().endswith(".jsonl"):
        return _import_export(name, data, user=user, dry_run=dry_run)
    sha256 = hashlib.sha256(data).hexdigest()
    if _already_imported(sha256):
        return FileResult(name=name, status=SKIPPED)
    try:
        text = decode(data)
        load = _page_loader(parse_page(text))
    except ParseError as error:
        return FileResult(name=name, status=REJECTED, error=error.message, line=error.line)

    def write(source, result):
        result.articles = load(source)
        # Every article of the file: an unchanged one may have gained a link, which shows on its page.
        changes.record(outcome.article_id for outcome in result.articles)
        return {
            **result.counts,
            "articles": [_history_entry(o) for o in result.articles if o.status != UNCHANGED or o.new_link],
        }

    return _write_file(name, sha256, write, original=data, raw_text=text, user=user, dry_run=dry_run)


def _already_imported(sha256):
    # A page known only by its hash from an export's record is imported all the same when it arrives, so a page
    # counts as imported once its text is kept; an export keeps no text (see `_import_export`), only its counts.
    kept = ~Q(raw_text="") | Q(summary__has_key="records")
    return SourceFile.objects.filter(Q(sha256=sha256) & kept).exists()


def _write_file(name, sha256, write, *, original, raw_text, user, dry_run):
    """Record the file and run write(source, result), which returns its history summary, in one transaction."""
    result = FileResult(name=name, status=IMPORTED)
    try:
        with transaction.atomic():
            # A row already there was only stated by an export (an imported file is skipped above): its bytes are
            # imported now, by whoever imports them.
            source, created = SourceFile.objects.update_or_create(
                sha256=sha256,
                defaults={
                    "name": name,
                    "original": original,
                    "raw_text": raw_text,
                    "imported_by": user,
                    "imported_at": timezone.now(),
                },
            )
            source.summary = write(source, result)
            source.save(update_fields=["summary"])
            if not created:
                _confirm_statements(source, result.articles)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    except RecordError as error:
        return FileResult(name=name, status=REJECTED, error=error.message, line=error.line)
    except IntegrityError:
        if _already_imported(sha256):
            # The same bytes were imported at the same moment by someone else.
            return FileResult(name=name, status=SKIPPED)
        raise
    return result


def _history_entry(outcome):
    """What the import history keeps of an article the file created or changed."""
    return {
        "title": outcome.title,
        "url": outcome.url,
        "status": outcome.status,
        "role": outcome.role,
        "changes": outcome.changes,
        "new_link": outcome.new_link,
    }


def iter_files(paths):
    """Yield the importable files named by paths, folders walked in name order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in {".txt", ".jsonl"})
        else:
            yield path


def _page_loader(page):
    def load(source):
        sightings = [(page.lead, ArticleSource.Role.LEAD)] + [
            (item, ArticleSource.Role.RELATED) for item in page.related
        ]
        incoming = [
            Incoming(
                date=item.dateline.date,
                version=Version(
                    title=item.title,
                    body=paragraphs_to_markdown(item.paragraphs),
                    published_time=item.dateline.time,
                    photo_caption=item.photo.caption if item.photo else "",
                    photo_credit=item.photo.credit if item.photo else "",
                    photo_agency=item.photo.agency if item.photo else "",
                ),
                role=role,
            )
            for item, role in sightings
        ]
        articles, outcomes = _upsert(incoming, source)
        created = {a.pk for a, o in zip(articles, outcomes, strict=True) if o.status == CREATED}
        linked = _link(articles[0].pk, [article.pk for article in articles[1:]], lead_is_new=articles[0].pk in created)
        for outcome in outcomes[1:]:
            outcome.new_link = outcome.article_id in linked
        changed = [a for a, o in zip(articles, outcomes, strict=True) if o.status != UNCHANGED]
        tagging.tag_articles(changed, created=created)
        return outcomes

    return load


def _import_export(name, data, *, user, dry_run):
    """Import a JSON Lines export in passes over the file, so that memory stays flat however long it is.

    The first pass only checks every record, so that a bad line rejects the file before anything is written; the
    second writes the articles a chunk at a time, the third their links, once every article they name exists.
    All of it is one transaction, as for a page: an import interrupted at any point leaves nothing behind, and
    running it again imports the whole file. (Committing chunk by chunk would make a file that fails at its
    last link half imported, and a run that resumes would have to tell its own chunks from an editor's work.)
    """
    reopen = _reopener(data)
    with reopen() as stream:
        sha256 = hashlib.file_digest(stream, "sha256").hexdigest()
    if _already_imported(sha256):
        return FileResult(name=name, status=SKIPPED)
    try:
        records = sum(1 for _ in _records(reopen, sha256))
        if not records:
            raise RecordError("the file is empty")
    except RecordError as error:
        return FileResult(name=name, status=REJECTED, error=error.message, line=error.line)

    def write(source, result):
        remapped = _write_articles(_records(reopen, sha256), source, result.counted)
        _write_links(_records(reopen, sha256), remapped)
        return {**result.counted, "records": records}

    # The export's bytes and text are not kept, unlike a page's. They add nothing: every article it brings is stored
    # in full, the pages it came from are named by their hashes, and exporting gives its bytes again. And a
    # whole-archive export runs to hundreds of megabytes, which one row would take whole into memory each time it is
    # written or read (the import history shows a file's text), and which PostgreSQL refuses in one value beyond 1 GB.
    return _write_file(name, sha256, write, original=b"", raw_text="", user=user, dry_run=dry_run)


def _reopener(data):
    """A function that opens the export afresh for each pass: from its bytes, its path, or a file object."""
    if isinstance(data, bytes | bytearray | memoryview):
        return lambda: io.BytesIO(data)
    if isinstance(data, str | os.PathLike):
        return lambda: open(data, "rb")

    def rewound():
        data.seek(0)
        return nullcontext(data)

    return rewound


def _records(reopen, sha256):
    """Yield the export's records one by one, then make sure the bytes read were the bytes first hashed."""
    digest = hashlib.sha256()
    with reopen() as stream:
        for number, line in read_lines(stream, digest):
            yield parse_record(line, number)
    if digest.hexdigest() != sha256:
        raise RecordError("the file changed while it was being imported")


def _chunks(records):
    """Yield the records EXPORT_CHUNK at a time, holding only one chunk at any moment."""
    while chunk := list(islice(records, EXPORT_CHUNK)):
        yield chunk
        # The caller's loop variable still holds this list while the next chunk is read: empty it first.
        chunk.clear()


def _write_articles(records, source, counts):
    """Store the records' articles with their persons, topics and sources; count what happened to each.

    Returns the URL of each record whose article is stored under another one, so that links to it still find it:
    one merged into an article the archive already held, or one whose slug was taken. Into an empty archive
    there is none; it holds only as many URLs as articles differ between the export and the archive.
    """
    remapped = {}
    for chunk in _chunks(records):
        _write_chunk(chunk, source, counts, remapped)
    return remapped


def _write_chunk(chunk, source, counts, remapped):
    articles, outcomes = _upsert(
        [Incoming(r.published_date, r.version, language=r.language, slug=r.slug) for r in chunk], source
    )
    counts.update(outcome.status for outcome in outcomes)
    pairs = list(zip(articles, chunk, strict=True))
    remapped.update((record.url, article.pk) for article, record in pairs if article.slug != record.slug)
    tagging.restore(pairs)
    _restore_sources(pairs, source)


EXPORT_CHUNK = 500


def _write_links(records, remapped):
    """Link each record's article to its similar articles, and note every article whose page shows a change."""
    for chunk in _chunks(records):
        ids = _article_ids({url for record in chunk for url in (record.url, *record.related)}, remapped)
        lead_ids = [_lead_id(record, ids) for record in chunk]
        new, moved = _links(zip(lead_ids, chunk, strict=True), ids)
        RelatedLink.objects.bulk_create(new)
        RelatedLink.objects.bulk_update(moved, ["position"])
        # A new link also shows on the page of the article it leads to, which may be outside the file.
        changes.record([*lead_ids, *(link.related_id for link in new)])


def _lead_id(record, ids):
    if record.url not in ids:
        # Its article was written in the pass before; only another file in its place could lose it.
        raise RecordError("the file changed while it was being imported", record.line)
    missing = next((url for url in record.related if url not in ids), None)
    if missing:
        raise RecordError(f"the similar article {missing} is neither in this export nor in the archive", record.line)
    return ids[record.url]


def _links(leads, ids):
    """The links to create and those to move up, as `_link` would make them for each (lead id, record) in turn."""
    leads = list(leads)
    stored = {
        (link.lead_id, link.related_id): link
        for link in RelatedLink.objects.filter(lead_id__in={lead_id for lead_id, _ in leads}).order_by()
    }
    new, moved = {}, {}
    for lead_id, record in leads:
        seen = set()
        for position, url in enumerate(record.related):
            key = (lead_id, ids[url])
            if key[1] == lead_id or key[1] in seen:
                continue
            seen.add(key[1])
            link = new.get(key) or stored.get(key)
            if link is None:
                new[key] = RelatedLink(lead_id=lead_id, related_id=key[1], position=position)
            elif position < link.position:
                link.position = position
                if key not in new:
                    moved[key] = link
    return list(new.values()), list(moved.values())


_ARTICLE_URL = re.compile(r"/articles/(\d{4})/(\d{2})/(\d{2})/([\w-]+)/")


def _article_ids(urls, remapped):
    """The id of the article at each of these URLs that the archive holds, looked up in one query."""
    wanted = {}
    for url in urls - remapped.keys():
        match = _ARTICLE_URL.fullmatch(url)
        try:
            wanted[(datetime.date(int(match[1]), int(match[2]), int(match[3])), match[4])] = url
        except (TypeError, ValueError):
            continue  # not an article URL, or no such day: no article is there
    found = Article.objects.filter(
        published_date__in={date for date, _ in wanted}, slug__in={slug for _, slug in wanted}
    ).values_list("published_date", "slug", "pk")
    ids = {wanted[(date, slug)]: pk for date, slug, pk in found if (date, slug) in wanted}
    return ids | {url: remapped[url] for url in urls & remapped.keys()}


@dataclass(frozen=True)
class Incoming:
    date: object
    version: Version
    role: str | None = None
    language: str | None = None
    slug: str | None = None


def _restore_sources(pairs, export):
    """Note the files each exported article came from, and in which role, as stated by the export: its records
    name them by a hash that nothing here has checked. A file not yet here is known by that hash; a sighting the
    file's own import showed stays a fact (the conflict keeps it)."""
    names = {}
    for _, record in pairs:
        for entry in record.sources:
            names.setdefault(entry["sha256"], entry["file"])
    ids = _source_ids(names)
    roles = {(article.pk, ids[entry["sha256"]], entry["role"]) for article, record in pairs for entry in record.sources}
    ArticleSource.objects.bulk_create(
        [ArticleSource(article_id=a, source_id=s, role=role, stated_by=export) for a, s, role in sorted(roles)],
        ignore_conflicts=True,
    )


def _confirm_statements(source, outcomes):
    """The sightings of a file that exports only stated and its bytes now show: facts from here on."""
    shown = Q()
    for outcome in outcomes:
        shown |= Q(article_id=outcome.article_id, role=outcome.role)
    if shown:
        ArticleSource.objects.filter(shown, source=source).update(stated_by=None)


def _source_ids(names):
    """The id of each source file by its SHA-256, making those the archive lacks (names: sha256 -> file name)."""
    ids = dict(SourceFile.objects.filter(sha256__in=names).values_list("sha256", "pk"))
    missing = [SourceFile(sha256=sha256, name=name) for sha256, name in names.items() if sha256 not in ids]
    if missing:
        # Another import may make some of them meanwhile; theirs stand, as with get_or_create.
        SourceFile.objects.bulk_create(missing, ignore_conflicts=True)
        ids |= dict(SourceFile.objects.filter(sha256__in=[s.sha256 for s in missing]).values_list("sha256", "pk"))
    return ids


def _upsert(incoming, source):
    """Create or merge each incoming article; return the articles and what happened to each."""
    keys = [(title_key(item.version.title), item.date) for item in incoming]
    same_days = Article.objects.filter(published_date__in={date for _, date in keys})
    taken = set(same_days.values_list("published_date", "slug"))
    wanted = set(keys)
    stored = {
        (a.title_key, a.published_date): a
        for a in same_days.filter(title_key__in={key for key, _ in keys})
        if (a.title_key, a.published_date) in wanted
    }

    articles, outcomes, new = [], [], {}
    for item, key in zip(incoming, keys, strict=True):
        article = stored.get(key)
        changes = []
        if article is None:
            article = Article(published_date=item.date)
            item.version.apply_to(article)
            article.slug = _free_slug(item.slug or slug_for(item.version.title), item.date, taken)
            article.language = item.language or _language(item.version)
            article.render()
            stored[key] = new[key] = article
            status = CREATED
        elif key in new:
            merge(Version.of(article), item.version).apply_to(article)
            article.render()
            status = UNCHANGED
        else:
            before = Version.of(article)
            merged = merge(before, item.version)
            changes = [name for name in before.__dict__ if getattr(before, name) != getattr(merged, name)]
            if changes:
                merged.apply_to(article)
                article.language = item.language or _language(merged)
                article.save()
            status = UPDATED if changes else UNCHANGED
        articles.append(article)
        outcomes.append(
            ArticleOutcome(title=article.title, url="", status=status, role=item.role or "", changes=changes)
        )
    Article.objects.bulk_create(new.values())
    for article, outcome in zip(articles, outcomes, strict=True):
        outcome.url = article.get_absolute_url()
        outcome.article_id = article.pk
    bulk.insert(
        ArticleSource,
        ("article", "source", "role"),
        [(article.pk, source.pk, item.role) for article, item in zip(articles, incoming, strict=True) if item.role],
        ignore_conflicts=True,
    )
    return articles, outcomes


def _free_slug(slug, date, taken):
    candidate, suffix = slug, 2
    while (date, candidate) in taken:
        candidate, suffix = f"{slug}-{suffix}", suffix + 1
    taken.add((date, candidate))
    return candidate


def _link(lead_id, related_ids, lead_is_new=False):
    """Add lead → related links in page order; a link seen before keeps the earliest position.

    Returns the ids of the articles newly linked.
    """
    existing = {} if lead_is_new else {link.related_id: link for link in RelatedLink.objects.filter(lead_id=lead_id)}
    new, seen = [], set()
    for position, related_id in enumerate(related_ids):
        if related_id == lead_id or related_id in seen:
            continue
        seen.add(related_id)
        link = existing.get(related_id)
        if link is None:
            new.append((lead_id, related_id, position))
        elif position < link.position:
            link.position = position
            link.save(update_fields=["position"])
    bulk.insert(RelatedLink, ("lead", "related", "position"), new)
    return {related_id for _, related_id, _ in new}


_NOT_LATIN_LETTERS = bytes(byte for byte in range(128) if not chr(byte).isalpha())
_BELARUSIAN = "іўІЎ"


def _language(version):
    """English, Russian or Belarusian, by the script of most letters and the letters only Belarusian uses.

    Letters are counted on the UTF-8 bytes, where every basic Cyrillic letter (U+0400 to U+047F) starts with the
    byte D0 or D1 and a Latin letter is one ASCII byte: counted in C, where a regular expression match per letter
    cost a tenth of the import.
    """
    text = f"{version.title} {version.body[:2000]}"
    data = text.encode()
    cyrillic = data.count(b"\xd0") + data.count(b"\xd1")
    latin = len(text.encode("ascii", "ignore").translate(None, _NOT_LATIN_LETTERS))
    if cyrillic <= latin:
        return "en"
    return "be" if sum(map(text.count, _BELARUSIAN)) > cyrillic / 100 else "ru"
