"""The one way into the archive: the command line and the admin's import page both go through `import_file`.

Each file is one transaction, recorded in the import history; a file already imported is skipped, never
imported twice.
"""

import hashlib

from archive.importing.jsonl import RecordError
from archive.importing.outcomes import SKIPPED, UNCHANGED, FileResult, history_entry, rejected
from archive.importing.parser import ParseError, decode, parse_page
from archive.importing.provenance import already_imported, record_file
from archive.importing.records import load_records, records, reopener
from archive.importing.saved_pages import load_page


def import_file(name, data, *, user=None, dry_run=False, job=None):
    """Import one file (a `.txt` page or a `.jsonl` export) and say what it did.

    `data` is the file's bytes; an export may also be given by its path or as a binary file object that can seek,
    and is then read as a stream, never whole. The history links the file to the background `job` importing it, if
    any. A rejected file changes nothing. With dry_run, the work is done and then rolled back, so the result is
    exactly what a real import would do to the archive as it is now.
    """
    if name.lower().endswith(".jsonl"):
        return _import_export(name, data, user=user, dry_run=dry_run, job=job)
    return _import_page(name, data, user=user, dry_run=dry_run, job=job)


def _import_page(name, data, *, user, dry_run, job):
    sha256 = hashlib.sha256(data).hexdigest()
    if already_imported(sha256):
        return FileResult(name=name, status=SKIPPED)
    try:
        text = decode(data)
        page = parse_page(text)
    except ParseError as error:
        return rejected(name, error)

    def write(source, result):
        result.articles = load_page(page, source)
        return {
            **result.counts,
            "articles": [history_entry(o) for o in result.articles if o.status != UNCHANGED or o.new_link],
        }

    return record_file(name, sha256, write, original=data, raw_text=text, user=user, dry_run=dry_run, job=job)


def _import_export(name, data, *, user, dry_run, job):
    """Import a JSON Lines export, checked whole before anything is written (see `records`)."""
    reopen = reopener(data)
    with reopen() as stream:
        sha256 = hashlib.file_digest(stream, "sha256").hexdigest()
    if already_imported(sha256):
        return FileResult(name=name, status=SKIPPED)
    try:
        count = sum(1 for _ in records(reopen, sha256))
        if not count:
            raise RecordError("the file is empty")
    except RecordError as error:
        return rejected(name, error)

    def write(source, result):
        load_records(reopen, sha256, source, result.counted)
        return {**result.counted, "records": count}

    # The export's bytes and text are not kept, unlike a page's. They add nothing: every article it brings is stored
    # in full, the pages it came from are named by their hashes, and exporting gives its bytes again. And a
    # whole-archive export runs to hundreds of megabytes, which one row would take whole into memory each time it is
    # written or read (the import history shows a file's text), and which PostgreSQL refuses in one value beyond 1 GB.
    return record_file(name, sha256, write, original=b"", raw_text="", user=user, dry_run=dry_run, job=job)
