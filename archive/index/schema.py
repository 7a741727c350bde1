"""What one article's document in the read index holds, and how its text is cut into words."""

import datetime
import json

import tantivy

from archive.index import cards

# Raised whenever the fields below change, or what a build keeps beside them: a build made otherwise is then made
# again on first use.
VERSION = 6
TEXT = "archive_text"
# More buckets than the archive has persons or topics: counts are then exact, and ties can be broken by name.
EVERY = 65000
# Title, caption and names, body: how much a hit in each weighs when ranking.
TEXT_FIELDS = {"title": 10.0, "names": 5.0, "body": 1.0}
# Longer tokens are not words (URLs, runs of letters) and would only bloat the dictionary.
LONGEST_WORD = 40


def analyzer():
    """Words, lower-cased, stemmed as English and then as Russian: each stemmer leaves the other alphabet alone."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_WORD))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("english"))
        .filter(tantivy.Filter.stemmer("russian"))
        .build()
    )


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=TEXT, index_option="position")
    # Kept whole: filters and facets match and count them exactly.
    for name in ("persons", "topics", "language"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    # Sort keys: both orders of the list ascending, exact to the slug (see `sort_keys`).
    for name in ("oldest", "newest"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for name in ("date", "year", "month", "moment", "updated"):
        builder.add_unsigned_field(name, indexed=True, fast=True)
    builder.add_boolean_field("lead", indexed=True, fast=True)
    builder.add_bytes_field("card", stored=True)
    # The archive's suggestions: the articles a card names (to find the cards to make again when one changes),
    # the terms it was weighed by (to find alike articles later) and their weights.
    builder.add_unsigned_field("suggests", indexed=True)
    builder.add_text_field("likeness", tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("vector", stored=True)
    return builder.build()


SCHEMA = build_schema()


def day_number(day):
    """A day as the number YYYYMMDD, which sorts and ranges like the day itself."""
    return day.year * 10000 + day.month * 100 + day.day


def moment(day, time):
    """Day and time as one number; a day's articles without a time come before its timed ones."""
    seconds = 0 if time is None else time.hour * 3600 + time.minute * 60 + time.second + 1
    return day.toordinal() * 86401 + seconds


_COMPLEMENT = str.maketrans("0123456789", "9876543210")


def sort_keys(day, time, slug):
    """(oldest, newest): texts whose ascending order is the list's chronological order and its newest-first order.

    Oldest first: day, then untimed before timed, then time, then slug. Newest first: day and time reversed
    (untimed last in their day), slug still ascending; the digits are complemented so that order is ascending too.
    """
    day_text = day.strftime("%Y%m%d")
    if time is None:
        return f"{day_text}0{slug}", f"{day_text.translate(_COMPLEMENT)}1{slug}"
    clock = time.strftime("%H%M%S")
    return f"{day_text}1{clock}{slug}", f"{day_text.translate(_COMPLEMENT)}0{clock.translate(_COMPLEMENT)}{slug}"


def document(row):
    """The index document of one article, from an `ArticleRow`."""
    oldest, newest = sort_keys(row.published_date, row.published_time, row.slug)
    return tantivy.Document.from_dict(
        {
            "id": row.pk,
            "title": row.title,
            "names": " ".join([row.photo_caption, *row.names]),
            "body": row.body,
            "persons": [slug for slug, *_ in row.persons],
            "topics": [slug for slug, *_ in row.topics],
            "language": row.language,
            "oldest": oldest,
            "newest": newest,
            "date": day_number(row.published_date),
            "year": row.published_date.year,
            "month": row.published_date.year * 100 + row.published_date.month,
            "moment": moment(row.published_date, row.published_time),
            "updated": microseconds(row.updated_at),
            "lead": row.lead,
            "card": cards.encode(row),
            "suggests": [*row.suggested, *row.counterparts],
            "likeness": list(row.vector),
            "vector": json.dumps(row.vector, ensure_ascii=False, separators=(",", ":")).encode(),
        },
        SCHEMA,
    )


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def microseconds(moment):
    """An aware datetime as whole microseconds since 1970, which a fast column keeps exactly."""
    return (moment - EPOCH) // datetime.timedelta(microseconds=1)


def parse_microseconds(number):
    return EPOCH + datetime.timedelta(microseconds=int(number))


def parse_day(number):
    return datetime.date(number // 10000, number // 100 % 100, number % 100)


def parse_month(number):
    return datetime.date(number // 100, number % 100, 1)
