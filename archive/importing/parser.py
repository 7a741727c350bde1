"""Parse a saved commentary page (see the format description in the README) into plain dataclasses.

Nothing here touches the database, so the parser can be tested and reused on its own.
"""

import datetime
import re
from dataclasses import dataclass, field

from archive.text.months import ENGLISH_MONTHS, RUSSIAN_MONTHS

SIMILAR_MARKER = "similar articles"

_TIME = r"(?:,?\s+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
_DATELINES = [
    (re.compile(r"(?P<month>[A-Za-z]+)\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})" + _TIME), ENGLISH_MONTHS),
    (
        re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[а-яё]+)\s+(?P<year>\d{4})(?:\s*(?:г\.|года))?" + _TIME),
        RUSSIAN_MONTHS,
    ),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[ T](?P<hour>\d{2}):(?P<minute>\d{2}))?"), None),
]
_PHOTO = re.compile(r"^(?P<caption>.*?)[\s.]*\b(?:Фото|Photo)\s*:\s*(?P<credit>.+)$", re.IGNORECASE)
PHOTO_LINE_MAX = 300
# The longest title and photo agency the archive stores (Article.title and photo_agency); a longer one must reject
# the page at its line here, not fail in the database (PostgreSQL refuses it, SQLite would keep it whole).
TITLE_MAX = 500
AGENCY_MAX = 200
# Text holding these is binary, whatever its name says; an export is read by the same rule (`jsonl`).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class ParseError(ValueError):
    """The page cannot be imported; says why and, where it can, at which line."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self):
        return f"line {self.line}: {self.message}" if self.line else self.message


class InvalidDate(ValueError):
    pass


@dataclass(frozen=True)
class Dateline:
    date: datetime.date
    time: datetime.time | None = None


@dataclass(frozen=True)
class Photo:
    caption: str
    credit: str = ""
    agency: str = ""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    dateline: Dateline
    paragraphs: tuple[str, ...]
    photo: Photo | None = None
    line: int = 0


@dataclass(frozen=True)
class ParsedPage:
    lead: ParsedArticle
    related: tuple[ParsedArticle, ...] = field(default_factory=tuple)

    @property
    def articles(self):
        return (self.lead, *self.related)


def parse_dateline(line):
    """Return the Dateline a whole line spells, or None when the line is not a dateline.

    Raises InvalidDate when the line has a dateline's shape but names no real day or time.
    """
    text = line.strip()
    for pattern, months in _DATELINES:
        match = pattern.fullmatch(text)
        if not match:
            continue
        parts = match.groupdict()
        if months is None:
            month = int(parts["month"])
        else:
            month = months.get(parts["month"].lower())
            if month is None:
                continue
        try:
            date = datetime.date(int(parts["year"]), month, int(parts["day"]))
            time = None
            if parts["hour"] is not None:
                time = datetime.time(int(parts["hour"]), int(parts["minute"]))
        except ValueError as error:
            raise InvalidDate(f"{text!r} is not a real date and time ({error})") from None
        return Dateline(date, time)
    return None


def is_dateline(line):
    try:
        return parse_dateline(line) is not None
    except InvalidDate:
        return True


def parse_photo(line):
    """Split a caption line into who is pictured, the photographer and, after the last comma, the agency."""
    text = line.strip()
    if len(text) > PHOTO_LINE_MAX:
        return None
    match = _PHOTO.match(text)
    if not match:
        return None
    caption = match["caption"].strip().rstrip(".").strip()
    credit, _, agency = match["credit"].strip().rpartition(",")
    if not credit:
        credit, agency = agency, ""
    return Photo(caption=caption, credit=credit.strip(), agency=agency.strip())


def decode(data):
    """Decode a file's bytes as UTF-8 text with LF line endings, or explain why it is not a page."""
    if not data.strip():
        raise ParseError("the file is empty")
    if b"\x00" in data:
        raise ParseError("the file is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(f"the text is not valid UTF-8 (byte {error.start + 1})", line=line) from None
    if CONTROL.search(text):
        raise ParseError("the file holds control characters: it is binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_page(text):
    """Parse a page's text (already decoded) into its lead and its similar articles."""
    lines = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)]
    content = [(number, line) for number, line in lines if line]
    if not content:
        raise ParseError("the file is empty")

    title_line, title = content[0]
    if is_dateline(title):
        raise ParseError("the page has no title: its first line is a dateline", line=title_line)
    _within_title_limit(title_line, title)
    if len(content) < 2:
        raise ParseError("the lead has no dateline after its title", line=title_line)
    dateline_line, dateline_text = content[1]
    dateline = _dateline_at(dateline_line, dateline_text, "the lead's title must be followed by its dateline")

    body_start = dateline_line  # index of the line after the dateline (lines are 1-based)
    marker = next(
        (i for i in range(body_start, len(lines)) if lines[i][1].casefold() == SIMILAR_MARKER),
        len(lines),
    )
    photo, paragraphs = _photo_and_paragraphs(lines[body_start:marker])
    if not paragraphs:
        raise ParseError("the lead has no text", line=dateline_line)
    lead = ParsedArticle(title=title, dateline=dateline, paragraphs=paragraphs, photo=photo, line=title_line)
    return ParsedPage(lead=lead, related=_related_items(lines[marker + 1 :]))


def _within_title_limit(number, title):
    if len(title) > TITLE_MAX:
        raise ParseError(f"the title is {len(title)} characters long; at most {TITLE_MAX} are kept", line=number)


def _dateline_at(number, text, problem):
    try:
        dateline = parse_dateline(text)
    except InvalidDate as error:
        raise ParseError(str(error), line=number) from None
    if dateline is None:
        raise ParseError(f"{problem}; found {text[:80]!r}", line=number)
    return dateline


def _photo_and_paragraphs(lines):
    """Read an optional caption line, then paragraphs separated by blank lines."""
    photo = None
    first = next((i for i, (_, line) in enumerate(lines) if line), None)
    if first is not None:
        photo = parse_photo(lines[first][1])
        if photo is not None:
            if len(photo.agency) > AGENCY_MAX:
                raise ParseError(
                    f"the photo agency is {len(photo.agency)} characters long; at most {AGENCY_MAX} are kept",
                    line=lines[first][0],
                )
            lines = lines[first + 1 :]
    paragraphs, current = [], []
    for _, line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return photo, tuple(paragraphs)


def _related_items(lines):
    """Split the "Similar articles" section at every title line directly followed by a dateline."""
    starts = [
        i
        for i in range(len(lines) - 1)
        if lines[i][1] and not is_dateline(lines[i][1]) and is_dateline(lines[i + 1][1])
    ]
    stray = next(((number, line) for number, line in lines[: starts[0] if starts else len(lines)] if line), None)
    if stray:
        raise ParseError(
            f"text under 'Similar articles' is not an item: an item is a title line directly followed by "
            f"a dateline; found {stray[1][:80]!r}",
            line=stray[0],
        )
    items = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        title_line, title = lines[start]
        _within_title_limit(title_line, title)
        dateline = _dateline_at(lines[start + 1][0], lines[start + 1][1], "a similar item needs a dateline")
        photo, paragraphs = _photo_and_paragraphs(lines[start + 2 : end])
        if not paragraphs:
            raise ParseError(f"the similar item {title[:80]!r} has no text", line=title_line)
        items.append(ParsedArticle(title=title, dateline=dateline, paragraphs=paragraphs, photo=photo, line=title_line))
    return tuple(items)
