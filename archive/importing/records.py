"""An export's records written into the archive in passes over the file, so that memory stays flat.

The first pass only checks every record, so that a bad line rejects the file before anything is written; the
second writes the articles a chunk at a time, the third their links, once every article they name exists.
All of it is one transaction, as for a page: an import interrupted at any point leaves nothing behind, and
running it again imports the whole file. (Committing chunk by chunk would make a file that fails at its
last link half imported, and a run that resumes would have to tell its own chunks from an editor's work.)
"""

import hashlib
import io
import os
from contextlib import nullcontext
from itertools import islice

from archive.importing import effects
from archive.importing.jsonl import RecordError, parse_record, read_lines
from archive.importing.links import plan_links
from archive.importing.provenance import source_ids
from archive.importing.upsert import Incoming, upsert
from archive.models import ArticleSource, ArticleVersion, RelatedLink
from archive.permalinks import article_ids

EXPORT_CHUNK = 500


def reopener(data):
    """A function that opens the export afresh for each pass: from its bytes, its path, or a file object."""
    if isinstance(data, bytes | bytearray | memoryview):
        return lambda: io.BytesIO(data)
    if isinstance(data, str | os.PathLike):
        return lambda: open(data, "rb")

    def rewound():
        data.seek(0)
        return nullcontext(data)

    return rewound


def records(reopen, sha256):
    """Yield the export's records one by one, then make sure the bytes read were the bytes first hashed."""
    digest = hashlib.sha256()
    with reopen() as stream:
        for number, line in read_lines(stream, digest):
            yield parse_record(line, number)
    if digest.hexdigest() != sha256:
        raise RecordError("the file changed while it was being imported")


def load_records(reopen, sha256, source, counts):
    """Write the export's articles, then their links; count in `counts` what happened to the articles."""
    remapped = {}
    for chunk in _chunks(records(reopen, sha256)):
        _write_chunk(chunk, source, counts, remapped)
    for chunk in _chunks(records(reopen, sha256)):
        _write_links(chunk, remapped)


def _chunks(items):
    """Yield the records EXPORT_CHUNK at a time, holding only one chunk at any moment."""
    while chunk := list(islice(items, EXPORT_CHUNK)):
        yield chunk
        # The caller's loop variable still holds this list while the next chunk is read: empty it first.
        chunk.clear()


def _write_chunk(chunk, source, counts, remapped):
    """Store the records' articles with their persons, topics and sources, and count what happened to each.

    Notes in `remapped` the URL of each record whose article is stored under another one, so that links to it
    still find it: one merged into an article the archive already held, or one whose slug was taken. Into an
    empty archive there is none; it holds only as many URLs as articles differ between the export and the archive.
    """
    articles, outcomes = upsert(
        [
            Incoming(r.published_date, r.version, language=r.language, slug=r.slug, versions=versions)
            for r, versions in zip(chunk, _versions(chunk), strict=True)
        ],
        source,
        ArticleVersion.Cause.EXPORT,
    )
    counts.update(outcome.status for outcome in outcomes)
    pairs = list(zip(articles, chunk, strict=True))
    remapped.update((record.url, article.pk) for article, record in pairs if article.slug != record.slug)
    effects.records_loaded(pairs)
    restore_sources(pairs, source)


def _versions(chunk):
    """Each record's versions with the file that caused each as a source's id, the archive making those it lacks."""
    files = {v["sha256"]: v["file"] for record in chunk for v in record.versions if v["sha256"]}
    ids = source_ids(files) if files else {}
    return [
        tuple(
            {name: value for name, value in v.items() if name not in ("file", "sha256")}
            | {"source_id": ids.get(v["sha256"])}
            for v in record.versions
        )
        for record in chunk
    ]


def _write_links(chunk, remapped):
    """Link each record's article to its similar articles, and note every article whose page shows a change."""
    urls = {url for record in chunk for url in (record.url, *record.related)}
    ids = article_ids(urls - remapped.keys()) | {url: remapped[url] for url in urls & remapped.keys()}
    lead_ids = [_lead_id(record, ids) for record in chunk]
    new, moved = plan_links(
        (lead_id, [ids[url] for url in record.related]) for lead_id, record in zip(lead_ids, chunk, strict=True)
    )
    RelatedLink.objects.bulk_create(new)
    RelatedLink.objects.bulk_update(moved, ["position"])
    # A new link also shows on the page of the article it leads to, which may be outside the file.
    effects.pages_changed([*lead_ids, *(link.related_id for link in new)])


def _lead_id(record, ids):
    if record.url not in ids:
        # Its article was written in the pass before; only another file in its place could lose it.
        raise RecordError("the file changed while it was being imported", record.line)
    missing = next((url for url in record.related if url not in ids), None)
    if missing:
        raise RecordError(f"the similar article {missing} is neither in this export nor in the archive", record.line)
    return ids[record.url]


def restore_sources(pairs, export):
    """Note the files each exported article came from, and in which role, as stated by the export: its records
    name them by a hash that nothing here has checked. A file not yet here is known by that hash; a sighting the
    file's own import showed stays a fact (the conflict keeps it)."""
    names = {}
    for _, record in pairs:
        for entry in record.sources:
            names.setdefault(entry["sha256"], entry["file"])
    ids = source_ids(names)
    roles = {(article.pk, ids[entry["sha256"]], entry["role"]) for article, record in pairs for entry in record.sources}
    ArticleSource.objects.bulk_create(
        [ArticleSource(article_id=a, source_id=s, role=role, stated_by=export) for a, s, role in sorted(roles)],
        ignore_conflicts=True,
    )
