"""The archive's suggestions for articles that changed, found against the read index as it stands and the changed
articles themselves, the way `suggestions` finds them for a whole build.

The articles to write again are the changed ones, those whose cards name one of them (so a suggestion never points
at a title that was, or at an article that went), and those the changed ones now suggest (so the pair shows from
both sides). Terms are weighed by the document frequencies of the last build: a word first met since then counts as
held by one article, until the next build.
"""

import datetime
import json
from dataclasses import dataclass

import tantivy

from archive.index import cards, documents, filters, likeness, schema
from archive.models import hidden_pairs

Occur = tantivy.Occur
Query = tantivy.Query
# Alike candidates asked of the index for each article, then scored exactly.
CANDIDATES = 50
NEARBY = 200


@dataclass
class _Entry:
    pk: int
    day: int
    vector: dict
    subjects: likeness.Subjects
    linked: frozenset


class _Pool:
    def __init__(self, searcher, frequencies, changed):
        self.searcher = searcher
        # The index's documents of changed articles are out of date, or of articles that went: never read.
        self.changed = frozenset(changed)
        self.fresh = {}
        total = frequencies.get("total", 0)
        table = frequencies.get("terms", {})
        self.frequency = lambda term: table.get(term, 1)
        self.total = max(total, 1)
        self.rarity = likeness.rarity_of(self.frequency, self.total)

    def entry(self, row):
        persons, topics = [slug for slug, *_ in row.persons], [slug for slug, *_ in row.topics]
        term_counts = likeness.counts(row.title, row.body, persons, topics)
        row.vector = {t: round(w, 4) for t, w in likeness.vector(term_counts, self.frequency, self.total).items()}
        day = row.published_date.toordinal()
        terms = frozenset(likeness.subject_terms(persons, topics))
        linked = frozenset([row.pk, *row.related, *row.listed_under])
        return _Entry(row.pk, day, row.vector, likeness.Subjects(row.pk, row.language, day, terms), linked)

    def _hits(self, query, limit):
        for _, address in self.searcher.search(query, limit).hits:
            document = self.searcher.doc(address)
            card = cards.decode(document["card"][0])
            if card.pk in self.fresh or card.pk in self.changed:
                continue
            persons = [m.person.slug for m in card.public_mentions]
            topics = [t.topic.slug for t in card.public_topics]
            day = card.published_date.toordinal()
            subjects = likeness.Subjects(
                card.pk, card.language, day, frozenset(likeness.subject_terms(persons, topics))
            )
            linked = frozenset([card.pk, *card.related, *card.listed_under])
            yield _Entry(card.pk, day, json.loads(document["vector"][0]), subjects, linked)

    def _around(self, entry, language, days, extra, limit):
        first = datetime.date.fromordinal(entry.day - days)
        last = datetime.date.fromordinal(entry.day + days)
        clauses = [
            (Occur.Must, Query.term_query(schema.SCHEMA, "language", language)),
            (Occur.Must, filters.days(first, last)),
            *extra,
        ]
        found = list(self._hits(Query.boolean_query(clauses), limit))
        fresh = [e for e in self.fresh.values() if e.subjects.language == language and abs(e.day - entry.day) <= days]
        return found + fresh

    def alike(self, entry):
        if not entry.vector:
            return {}
        terms = [(Occur.Should, Query.term_query(schema.SCHEMA, "likeness", term)) for term in entry.vector]
        extra = [(Occur.Must, Query.boolean_query(terms))]
        around = self._around(entry, entry.subjects.language, likeness.WINDOW_DAYS, extra, CANDIDATES)
        return {
            other.pk: likeness.likeness(entry.vector, other.vector, other.day - entry.day)
            for other in around
            if other.pk != entry.pk
        }

    def counterpart(self, entry, hidden):
        persons = [term[1:] for term in entry.subjects.terms if term[0] == "@"]
        if not persons:
            return None
        # A counterpart shares a person: only those are read.
        sharing = [(Occur.Should, Query.term_query(schema.SCHEMA, "persons", slug)) for slug in persons]
        extra = [(Occur.Must, Query.boolean_query(sharing))]
        candidates = []
        for language in likeness.LANGUAGES:
            if language != entry.subjects.language:
                candidates += self._around(entry, language, likeness.COUNTERPART_DAYS, extra, NEARBY)
        candidates = [c for c in candidates if c.pk not in hidden.get(entry.pk, ())]
        scores = likeness.counterpart_scores(entry.subjects, [c.subjects for c in candidates], self.rarity)
        chosen = likeness.top(scores, entry.linked)
        return next((c for c in candidates if c.pk == chosen), None)


def refreshed_rows(searcher, changed, frequencies):
    """The ArticleRows to write for these changed article ids, their suggestions found."""
    rows = list(documents.rows_for(changed))
    rows += list(documents.rows_for(set(_named_by(searcher, changed)) - set(changed)))
    pool = _Pool(searcher, frequencies, changed)
    entries = {row.pk: pool.entry(row) for row in rows}
    pool.fresh = entries
    hidden = hidden_pairs(list(entries))
    _suggest(rows, entries, pool, hidden)
    named = {pk for row in rows for pk in (*row.suggested, *row.counterparts)} - set(entries)
    more = list(documents.rows_for(named))
    entries.update({row.pk: pool.entry(row) for row in more})
    hidden = hidden_pairs(list(entries))
    _suggest([*rows, *more], entries, pool, hidden)
    return [*rows, *more]


def _named_by(searcher, ids):
    """The ids of the articles whose cards suggest any of the given ones."""
    any_of = [(Occur.Should, Query.term_query(schema.SCHEMA, "suggests", pk)) for pk in ids]
    hits = searcher.search(Query.boolean_query(any_of), max(searcher.num_docs, 1)).hits
    return [searcher.doc(address)["id"][0] for _, address in hits]


def _suggest(rows, entries, pool, hidden):
    for row in rows:
        entry = entries[row.pk]
        counterpart = pool.counterpart(entry, hidden)
        mutual = counterpart is not None and getattr(pool.counterpart(counterpart, hidden), "pk", None) == row.pk
        row.counterparts = [counterpart.pk] if mutual else []
        excluded = entry.linked | set(row.counterparts) | hidden.get(row.pk, set())
        row.suggested = list(likeness.best(pool.alike(entry), excluded))
