"""The article list's current selection as data: every article it shows, as CSV or as JSON Lines.

A public export carries what the article pages show and nothing more: the editors' export (`export_articles`, and
the admin's action) also holds their decisions, the persons and topics they rejected, and the files the archive was
built from, which are theirs.

The index gives the ids in the list's order; the rows are read from the database a chunk at a time and
streamed, so an export uses about the same memory however many articles it holds. A narrowed list is exported a
part of `EXPORT_ROWS` at a time, so that one request costs seconds, not what the archive holds: each part names
the next in its `Link` header (`rel="next"`), which a CSV and a JSON Lines reader alike can follow without parsing
the body, and the whole archive's file (`rel="alternate"`), for whoever wants it all. An export of the whole
archive, asked for far more often than it changes and tens of megabytes long, is written to a file once per
generation of the archive and served from it; nothing is built before its body is read, so HEAD builds nothing.
"""

import csv
import functools
import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponseBadRequest, StreamingHttpResponse

from archive import files
from archive.importing import jsonl
from archive.index import lookup, store
from archive.lists import limits, paging
from archive.lists.query import ListQuery
from archive.models import Article

CSV_HEADER = ["url", "published", "title", "language", "persons", "topics", "summary"]
# Spreadsheet programs run a cell that begins with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows are sent in pieces of about this many characters, not one write a row.
PIECE = 64 * 1024
PUBLIC_FIELDS = (
    "url",
    "title",
    "published",
    "language",
    "body",
    "photo",
    "persons",
    "topics",
    "related",
    "listed_under",
    "versions",
)
# What a version page shows of each state: its number, moment, how it came, and its text; never the file or the
# editor behind it, nor a hidden version (left out by `to_record`).
PUBLIC_VERSION_FIELDS = ("number", "since", "cause", "title", "published", "language", "body", "photo")
# Part of a whole-archive file's name: changed whenever what an export holds changes, so that no file written by an
# earlier version is served for the rest of its generation.
FILE_FORMAT = "public-3"


class Line:
    """Lets csv.writer hand back each formatted row instead of writing it."""

    def write(self, text):
        return text


def selection(query, offset=0, limit=None):
    """Exactly the articles the list page shows for these parameters, in its order, unpaginated: from `offset`,
    `limit` of them (None: to the end)."""
    rows = jsonl.export_queryset(Article.objects.all(), sources=False)
    for ids in lookup.every_id(query.filters, query.ordering, offset, limit):
        for start in range(0, len(ids), jsonl.CHUNK):
            yield from rows.in_order(ids[start : start + jsonl.CHUNK])


def public_record(article):
    """The export line of an article as its public pages show it: persons and topics by slug and name only, and
    its versions as their pages show them."""
    record = jsonl.to_record(article)
    shown = {kind: [{"slug": s["slug"], "name": s["name"]} for s in record[kind]] for kind in ("persons", "topics")}
    shown["versions"] = [
        {name: entry[name] for name in PUBLIC_VERSION_FIELDS if name in entry} for entry in record["versions"]
    ]
    return {name: shown.get(name, record[name]) for name in PUBLIC_FIELDS}


def in_pieces(lines):
    piece, size = [], 0
    for line in lines:
        piece.append(line)
        size += len(line)
        if size >= PIECE:
            yield "".join(piece)
            piece, size = [], 0
    if piece:
        yield "".join(piece)


def inert(cell):
    """The cell as text a spreadsheet shows, never runs: a leading quote, as OWASP advises, where it would."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_lines(request, articles):
    writer = csv.writer(Line())
    yield writer.writerow(CSV_HEADER)
    for article in articles:
        record = public_record(article)
        row = [
            request.build_absolute_uri(record["url"]),
            record["published"],
            record["title"],
            record["language"],
            "; ".join(person["name"] for person in record["persons"]),
            "; ".join(topic["name"] for topic in record["topics"]),
            article.summary,
        ]
        yield writer.writerow([inert(cell) for cell in row])


def jsonl_lines(articles):
    for article in articles:
        yield jsonl.dumps(public_record(article)) + "\n"


def attachment(pieces, content_type, filename):
    response = StreamingHttpResponse(pieces, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export(request, lines, content_type, filename):
    """The export the request asks for: streamed when it is narrowed, from the generation's file when it is whole.

    `lines(articles)` writes the export's lines of those articles.
    """
    query = ListQuery.from_request(request)
    if query.narrowed:
        return part_of(request, query, lines, content_type, filename)
    generation = store.generation()
    path = whole_archive_file(request, generation, Path(filename).suffix)
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return attachment(built_then_read(path, generation, lambda: lines(selection(query))), content_type, filename)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)


def part_of(request, query, lines, content_type, filename):
    """One part of a narrowed list's export, `EXPORT_ROWS` articles at most, linked to the next and to the whole."""
    part = paging.from_request(request, "part")
    if not part.valid:
        return HttpResponseBadRequest("The part of an export is a whole number from 1.", content_type="text/plain")
    offset = (part.number - 1) * limits.EXPORT_ROWS
    if not query.reaches(offset + 1):
        return HttpResponseBadRequest(query.out_of_reach, content_type="text/plain")
    total, rows = lookup.count(query.filters), limits.EXPORT_ROWS
    if query.reach is not None:
        rows = min(rows, query.reach - offset)
    # A part past the end is empty, and never looked for.
    found = lines(selection(query, offset, rows)) if offset < total else lines([])
    response = attachment(in_pieces(found), content_type, filename)
    links = [f'<{request.build_absolute_uri(request.path)}>; rel="alternate"']
    if offset + rows < total and query.reaches(offset + rows + 1):
        following = f"{query.query_string()}&part={part.number + 1}"
        links.insert(0, f'<{request.build_absolute_uri(f"{request.path}?{following}")}>; rel="next"')
    response["Link"] = ", ".join(links)
    return response


def export_folder():
    # Empty by default: beside the read index, which is per host and outside what git tracks, as exports must be.
    return Path(settings.ARCHIVE_EXPORT_DIR or f"{settings.ARCHIVE_INDEX_DIR}-exports")


def whole_archive_file(request, generation, suffix):
    """The file of this export at this generation, named by its address (its order, scheme and host) and format."""
    address = hashlib.sha256(f"{FILE_FORMAT} {request.build_absolute_uri()}".encode()).hexdigest()[:16]
    return export_folder() / f"{generation}-{address}{suffix}"


def built_then_read(path, generation, lines):
    """Write the file if no other request has meanwhile, then yield its bytes, a piece at a time."""
    with _building_lock():
        if not path.exists():
            with lookup.at_generation(generation):
                _write_atomically(path, in_pieces(lines()))
            _remove_older_than(generation)
        # Opened before another build may remove it: an open file is read to its end all the same.
        file = path.open("rb")
    with file:
        yield from iter(lambda: file.read(PIECE), b"")


def _building_lock():
    """One build at a time across processes: whoever waited finds the file made and reads it."""
    return files.exclusive(export_folder() / "build.lock")


def _write_atomically(path, pieces):
    # Written aside and renamed into place: no reader ever opens half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".building-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.writelines(pieces)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _remove_older_than(generation):
    for path in export_folder().glob("[0-9]*-*"):
        if int(path.name.split("-", 1)[0]) < generation:
            path.unlink(missing_ok=True)


def export_csv(request):
    return export(request, functools.partial(csv_lines, request), "text/csv; charset=utf-8", "articles.csv")


def export_jsonl(request):
    return export(request, jsonl_lines, "application/jsonl; charset=utf-8", "articles.jsonl")
