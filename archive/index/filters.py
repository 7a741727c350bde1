"""Readers' filters and words as index queries, bounded whatever a reader types.

Words are read by `archive.index.syntax.parse` (words, "phrases", OR, a trailing * for a prefix) and cut into index
terms by the index's own analyzer, so a query stems exactly as the text it looks for.
"""

from dataclasses import dataclass

import tantivy

from archive.index import schema, syntax

# More terms than a reader types; enough to keep one query's work small.
MAX_TERMS = 12
# A shorter prefix would expand to a large part of the dictionary.
MIN_PREFIX = 3

_ANALYZER = schema.analyzer()
Occur = tantivy.Occur
Query = tantivy.Query


@dataclass(frozen=True)
class Words:
    """A reader's words as one index query, with what was left out of it and why."""

    query: object = None
    notes: tuple = ()
    # How many words and phrases the query holds: at most MAX_TERMS, whatever was typed.
    terms: int = 0


@dataclass(frozen=True)
class Filters:
    """What a list is narrowed to. Persons and topics must all match; dates are inclusive."""

    words: Words | None = None
    persons: tuple = ()
    topics: tuple = ()
    date_after: object = None
    date_before: object = None
    leads_only: bool = False


def words(text):
    """Parse a reader's query; a query with no word to look for gives `Words()` with no query: it matches nothing."""
    clauses, notes, terms, wanted = [], [], 0, False
    for group in syntax.parse(text):
        alternatives = []
        for term in group:
            if terms == MAX_TERMS:
                notes.append(f"Only the first {MAX_TERMS} words or phrases of the search were used.")
                break
            if (query := _term(term)) is not None:
                alternatives.append((Occur.Should, query))
                terms += 1
        if alternatives:
            excluded = group[0].excluded
            wanted = wanted or not excluded
            clauses.append((Occur.MustNot if excluded else Occur.Must, Query.boolean_query(alternatives)))
        if notes:
            break
    if not wanted:
        return Words(notes=tuple(notes))
    return Words(Query.boolean_query(clauses), tuple(notes), terms)


def _term(term):
    tokens = _ANALYZER.analyze(" ".join(term.words))
    if not tokens:
        return None
    prefix = term.prefix and len(term.words[-1]) >= MIN_PREFIX
    per_field = []
    for name, boost in schema.TEXT_FIELDS.items():
        if prefix:
            query = Query.phrase_prefix_query(schema.SCHEMA, name, tokens)
        elif len(tokens) == 1:
            query = Query.term_query(schema.SCHEMA, name, tokens[0])
        else:
            query = Query.phrase_query(schema.SCHEMA, name, tokens)
        per_field.append((Occur.Should, Query.boost_query(query, boost)))
    return Query.boolean_query(per_field)


def as_query(filters):
    """The index query of a list's filters."""
    clauses = [(Occur.Must, Query.term_query(schema.SCHEMA, "persons", slug)) for slug in filters.persons]
    clauses += [(Occur.Must, Query.term_query(schema.SCHEMA, "topics", slug)) for slug in filters.topics]
    if filters.date_after or filters.date_before:
        clauses.append((Occur.Must, days(filters.date_after, filters.date_before)))
    if filters.leads_only:
        clauses.append((Occur.Must, Query.term_query(schema.SCHEMA, "lead", True)))
    if filters.words is not None:
        if filters.words.query is None:
            return Query.empty_query()
        clauses.append((Occur.Must, filters.words.query))
    return Query.boolean_query(clauses) if clauses else Query.all_query()


def days(first=None, last=None):
    """Articles published from `first` to `last`, both included; either may be open."""
    return Query.range_query(
        schema.SCHEMA,
        "date",
        tantivy.FieldType.Unsigned,
        schema.day_number(first) if first else None,
        schema.day_number(last) if last else None,
    )
