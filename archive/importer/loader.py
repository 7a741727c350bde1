"""Write parsed pages and JSON Lines exports into the archive: one transaction a file, never a duplicate.

The command line and the admin's import page both go through `import_file`.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction

from archive import tagging
from archive.importer.identity import slug_for, title_key
from archive.importer.merge import Version, merge
from archive.importer.parser import ParseError, decode, parse_page
from archive.index import changes
from archive.jsonl import RecordError, parse_record
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

    @property
    def counts(self):
        return Counter(outcome.status for outcome in self.articles)


class DryRunRollback(Exception):
    pass


def import_file(name, data, *, user=None, dry_run=False):
    """Import one file's bytes (a `.txt` page or a `.jsonl` export) and say what it did.

    A rejected file changes nothing. With dry_run, the work is done and then rolled back, so the result
    is exactly what a real import would do to the archive as it is now.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    # A file known only by its hash from an export is imported all the same, so its text is kept.
    if SourceFile.objects.filter(sha256=sha256).exclude(raw_text="").exists():
        return FileResult(name=name, status=SKIPPED)
    try:
        text = decode(data)
        load = _export_loader(text) if name.lower().endswith(".jsonl") else _page_loader(parse_page(text))
    except ParseError as error:
        return FileResult(name=name, status=REJECTED, error=error.message, line=error.line)

    result = FileResult(name=name, status=IMPORTED)
    try:
        with transaction.atomic():
            source, _ = SourceFile.objects.update_or_create(
                sha256=sha256, defaults={"name": name, "raw_text": text, "imported_by": user}
            )
            result.articles = load(source)
            source.summary = {
                **result.counts,
                "articles": [_history_entry(o) for o in result.articles if o.status != UNCHANGED or o.new_link],
            }
            source.save(update_fields=["summary"])
            # Every article of the file: an unchanged one may have gained a link, which shows on its page.
            changes.record(outcome.article_id for outcome in result.articles)
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    except RecordError as error:
        return FileResult(name=name, status=REJECTED, error=error.message, line=error.line)
    except IntegrityError:
        if SourceFile.objects.filter(sha256=sha256).exclude(raw_text="").exists():
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


def _export_loader(text):
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                records.append(parse_record(line, number))
            except RecordError as error:
                raise ParseError(error.message, line=error.line) from None
    if not records:
        raise ParseError("the export holds no articles")

    def load(source):
        outcomes, by_url = [], {}
        for start in range(0, len(records), EXPORT_CHUNK):
            chunk = records[start : start + EXPORT_CHUNK]
            articles, chunk_outcomes = _upsert(
                [Incoming(r.published_date, r.version, language=r.language, slug=r.slug) for r in chunk], source
            )
            outcomes += chunk_outcomes
            for record, article in zip(chunk, articles, strict=True):
                by_url[record.url] = article.pk
                tagging.restore(article, record)
                _restore_sources(article, record.sources)
        for record in records:
            _link(by_url[record.url], [_resolve(url, by_url, record) for url in record.related])
        return outcomes

    return load


EXPORT_CHUNK = 500


@dataclass(frozen=True)
class Incoming:
    date: object
    version: Version
    role: str | None = None
    language: str | None = None
    slug: str | None = None


def _resolve(url, by_url, record):
    if url in by_url:
        return by_url[url]
    match = re.fullmatch(r"/articles/(\d{4})/(\d{2})/(\d{2})/([\w-]+)/", url)
    found = match and Article.objects.filter(
        published_date=f"{match[1]}-{match[2]}-{match[3]}", slug=match[4]
    ).values_list("pk", flat=True)
    if not found:
        raise RecordError(f"the similar article {url} is neither in this export nor in the archive", record.line)
    return found[0]


def _restore_sources(article, sources):
    for entry in sources:
        source, _ = SourceFile.objects.get_or_create(sha256=entry["sha256"], defaults={"name": entry["file"]})
        ArticleSource.objects.get_or_create(article=article, source=source, role=entry["role"])


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
    ArticleSource.objects.bulk_create(
        [
            ArticleSource(article=article, source=source, role=item.role)
            for article, item in zip(articles, incoming, strict=True)
            if item.role
        ],
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
            new.append(RelatedLink(lead_id=lead_id, related_id=related_id, position=position))
        elif position < link.position:
            link.position = position
            link.save(update_fields=["position"])
    RelatedLink.objects.bulk_create(new)
    return {link.related_id for link in new}


_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[а-яёіўА-ЯЁІЎ]")
_BELARUSIAN = re.compile(r"[іўІЎ]")


def _language(version):
    """English, Russian or Belarusian, by the script of most letters and the letters only Belarusian uses."""
    text = f"{version.title} {version.body[:2000]}"
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic <= len(_LATIN.findall(text)):
        return "en"
    return "be" if len(_BELARUSIAN.findall(text)) > cyrillic / 100 else "ru"
