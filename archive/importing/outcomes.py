"""What an import says it did: for each file, and for each article it brought."""

from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

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


def rejected(name, error):
    """The result of a file refused for a ParseError or a RecordError, at the line it names."""
    return FileResult(name=name, status=REJECTED, error=error.message, line=error.line)


def history_entry(outcome):
    """What the import history keeps of an article the file created or changed."""
    return {
        "title": outcome.title,
        "url": outcome.url,
        "status": outcome.status,
        "role": outcome.role,
        "changes": outcome.changes,
        "new_link": outcome.new_link,
    }


ERROR_LINE_MAX = 200


def line_text(data, number):
    """The text of the line an error names, as the parser counted lines; `data` is a page's bytes, or the path of an
    export, read only up to that line."""
    if not number:
        return ""
    if not isinstance(data, bytes):
        with open(data, "rb") as stream:
            line = next(islice(stream, number - 1, None), b"")
        return line.decode("utf-8", errors="replace").rstrip("\r\n")[:ERROR_LINE_MAX]
    lines = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[number - 1][:ERROR_LINE_MAX] if number <= len(lines) else ""
