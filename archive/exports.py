"""The article list's current selection as data: every article it shows, as CSV or as JSON Lines.

The index gives the ids in the list's order; the rows are read from the database a chunk at a time and
streamed, so an export of the whole archive uses about the same memory as an export of ten articles.
"""

import csv

from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from archive import jsonl
from archive.filters import ArticleFilter
from archive.index import lookup
from archive.models import Article

CSV_HEADER = ["url", "published", "title", "language", "persons", "topics", "summary"]
# Spreadsheet programs run a cell that begins with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows are sent in pieces of about this many characters, not one write a row.
PIECE = 64 * 1024


class Line:
    """Lets csv.writer hand back each formatted row instead of writing it."""

    def write(self, text):
        return text


def selection(request):
    """Exactly the articles the list page shows for these parameters, in its order, unpaginated."""
    article_filter = ArticleFilter(request.GET)
    rows = jsonl.export_queryset(Article.objects.all())
    for ids in lookup.every_id(article_filter.index_filters(), article_filter.ordering):
        for start in range(0, len(ids), jsonl.CHUNK):
            yield from rows.in_order(ids[start : start + jsonl.CHUNK])


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
        record = jsonl.to_record(article)
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
        yield jsonl.dumps(jsonl.to_record(article)) + "\n"


def attachment(lines, content_type, filename):
    response = StreamingHttpResponse(in_pieces(lines), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def export_csv(request):
    return attachment(csv_lines(request, selection(request)), "text/csv; charset=utf-8", "articles.csv")


@require_safe
def export_jsonl(request):
    return attachment(jsonl_lines(selection(request)), "application/jsonl; charset=utf-8", "articles.jsonl")
