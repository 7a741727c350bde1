"""The archive's suggestions for articles that changed, found against the read index as it stands and the changed
articles themselves, the way `suggestions` finds them for a whole build.

The articles to write again are the changed ones, those whose cards name one of them (so a suggestion never points
at a title that was, or at an article that went), and those the changed ones now suggest (so the pair shows from
both sides). Terms are weighed by the document frequencies of the last build: a word first met since then counts as
held by one article, until the next build.
"""

import datetime
import json
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
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
        # Entries read from the index, by id: the articles of one import are close in time, so each is found
        # among the candidates of many others, and decoding its card and vector was most of a refresh's time.
        self.read = {}
        self._by_term, self._by_day, self._counterparts = {}, {}, {}
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

    def use_fresh(self, entries):
        """Take the changed articles' entries as candidates too, found by the terms and days they hold: compared
        with each of a few thousand others, an import's refresh took its square."""
        self.fresh = entries
        self._by_term, self._by_day = defaultdict(list), defaultdict(list)
        for entry in entries.values():
            for term, weight in entry.vector.items():
                self._by_term[term].append((entry.pk, weight))
            self._by_day[entry.subjects.language].append((entry.day, entry.pk))
        for days in self._by_day.values():
            days.sort()

    def _fresh_around(self, entry, language, days):
        found = self._by_day.get(language, [])
        within = found[bisect_left(found, (entry.day - days,)) : bisect_right(found, (entry.day + days, math.inf))]
        return [self.fresh[pk] for _, pk in within]

    def _hits(self, query, limit):
        addresses = [address for _, address in self.searcher.search(query, limit).hits]
        for pk, address in zip(self.searcher.fast_field_values("id", addresses), addresses, strict=True):
            if pk in self.fresh or pk in self.changed:
                continue
            if pk not in self.read:
                self.read[pk] = self._entry_at(address)
            yield self.read[pk]

    def _entry_at(self, address):
        document = self.searcher.doc(address)
        card = cards.decode(document["card"][0])
        persons = [m.person.slug for m in card.public_mentions]
        topics = [t.topic.slug for t in card.public_topics]
        day = card.published_date.toordinal()
        subjects = likeness.Subjects(card.pk, card.language, day, frozenset(likeness.subject_terms(persons, topics)))
        linked = frozenset([card.pk, *card.related, *card.listed_under])
        return _Entry(card.pk, day, json.loads(document["vector"][0]), subjects, linked)

    def _indexed_around(self, entry, language, days, extra, limit):
        """Up to `limit` articles of `language` within `days` of the entry, from the index (`extra` clauses)."""
        first = datetime.date.fromordinal(entry.day - days)
        last = datetime.date.fromordinal(entry.day + days)
        clauses = [
            (Occur.Must, Query.term_query(schema.SCHEMA, "language", language)),
            (Occur.Must, filters.days(first, last)),
            *extra,
        ]
        return list(self._hits(Query.boolean_query(clauses), limit))

    def alike(self, entry):
        if not entry.vector:
            return {}
        terms = [(Occur.Should, Query.term_query(schema.SCHEMA, "likeness", term)) for term in entry.vector]
        extra = [(Occur.Must, Query.boolean_query(terms))]
        language = entry.subjects.language
        scores = {
            other.pk: likeness.likeness(entry.vector, other.vector, other.day - entry.day)
            for other in self._indexed_around(entry, language, likeness.WINDOW_DAYS, extra, CANDIDATES)
        }
        scores.update(self._fresh_alike(entry))
        scores.pop(entry.pk, None)
        return scores

    def _fresh_alike(self, entry):
        """The likeness of the fresh entries that share a term with this one, summed term by term over the lists
        of entries holding each: what `likeness` gives, without comparing every pair."""
        sums = defaultdict(float)
        for term, weight in entry.vector.items():
            for pk, other in self._by_term.get(term, ()):
                sums[pk] += weight * other
        scores = {}
        for pk, dot in sums.items():
            other = self.fresh[pk]
            apart = other.day - entry.day
            if other.subjects.language == entry.subjects.language and abs(apart) <= likeness.WINDOW_DAYS:
                scores[pk] = dot * likeness.decay(apart)
        return scores

    def counterpart(self, entry, hidden):
        """The best counterpart of the entry in the other language, if any; asked again of each candidate to keep
        only mutual pairs, so each entry's is kept."""
        if entry.pk not in self._counterparts:
            self._counterparts[entry.pk] = self._counterpart(entry, hidden)
        return self._counterparts[entry.pk]

    def _counterpart(self, entry, hidden):
        persons = [term[1:] for term in entry.subjects.terms if term[0] == "@"]
        if not persons:
            return None
        # A counterpart shares a person: only those are read.
        sharing = [(Occur.Should, Query.term_query(schema.SCHEMA, "persons", slug)) for slug in persons]
        extra = [(Occur.Must, Query.boolean_query(sharing))]
        candidates = []
        for language in likeness.LANGUAGES:
            if language != entry.subjects.language:
                candidates += self._indexed_around(entry, language, likeness.COUNTERPART_DAYS, extra, NEARBY)
                candidates += self._fresh_around(entry, language, likeness.COUNTERPART_DAYS)
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
    pool.use_fresh(entries)
    hidden = hidden_pairs(list(entries))
    _suggest(rows, entries, pool, hidden)
    named = {pk for row in rows for pk in (*row.suggested, *row.counterparts)} - set(entries)
    more = list(documents.rows_for(named))
    entries.update({row.pk: pool.entry(row) for row in more})
    pool.use_fresh(entries)
    hidden = hidden_pairs(list(entries))
    # The changed articles' suggestions stand: those they now name were among their candidates already.
    _suggest(more, entries, pool, hidden)
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
