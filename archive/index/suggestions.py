"""The archive's own suggestions for every article at once, for a build of the read index: "More on this" (up to
five alike articles of its language) and its counterparts in the other language (`likeness` says how).

Each article's terms are read once and kept as numbers; the alike are then found through the lists of articles
holding each term, cut to the window of time around the article, so the cost grows with the archive, not with
its square. What an article's page already links to (its similar items, the leads listing it), the article
itself and the pairs editors hid are never suggested.
"""

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

from archive.index import likeness
from archive.models import hidden_pairs


@dataclass
class Found:
    """Suggestions of every article, and the document frequencies they were weighed by (kept with the build, so
    that articles changed later are weighed alike)."""

    suggested: dict = field(default_factory=dict)
    counterparts: dict = field(default_factory=dict)
    frequencies: dict = field(default_factory=dict)
    total: int = 0
    # Each article's weighted terms, as numbers into `names`: a few hundred bytes an article, not a dict.
    vectors: dict = field(default_factory=dict)
    names: list = field(default_factory=list)

    def attach(self, row):
        row.suggested = list(self.suggested.get(row.pk, ()))
        row.counterparts = list(self.counterparts.get(row.pk, ()))
        terms, weights = self.vectors.get(row.pk, ((), ()))
        row.vector = {self.names[term]: round(weight, 4) for term, weight in zip(terms, weights, strict=True)}


@dataclass
class _Article:
    pk: int
    language: str
    day: int
    terms: array
    counts: array
    subjects: likeness.Subjects
    linked: frozenset


def of_archive(rows):
    """Found for every article of `rows` (ArticleRows, each read once)."""
    # Each new term is given the next number as it is first met, without a Python call per term.
    vocabulary = defaultdict()
    vocabulary.default_factory = vocabulary.__len__
    frequency = Counter()
    articles = [_read(row, vocabulary, frequency) for row in rows]
    total = len(articles)
    hidden = hidden_pairs()
    found = Found(total=total, names=list(vocabulary))
    found.frequencies = {term: frequency[number] for term, number in vocabulary.items() if frequency[number] >= 2}
    by_language = defaultdict(list)
    for article in sorted(articles, key=lambda a: (a.day, a.pk)):
        by_language[article.language].append(article)
    subject_rarity = likeness.rarity_of(lambda term: frequency[vocabulary[term]], total)
    for language, group in by_language.items():
        others = [a for other, members in by_language.items() if other != language for a in members]
        others.sort(key=lambda a: (a.day, a.pk))
        best = _best_counterparts(group, others, hidden, subject_rarity)
        found.counterparts.update(best)
    _keep_mutual(found.counterparts)
    rarity = [likeness.rarity(frequency[number], total) for number in range(len(vocabulary))]
    for group in by_language.values():
        _suggest(group, rarity, hidden, found)
    return found


def _read(row, vocabulary, frequency):
    term_counts = likeness.counts(row.title, row.body, [s for s, *_ in row.persons], [s for s, *_ in row.topics])
    numbers = array("I", map(vocabulary.__getitem__, term_counts))
    frequency.update(numbers)
    subjects = likeness.subject_terms([s for s, *_ in row.persons], [s for s, *_ in row.topics])
    return _Article(
        pk=row.pk,
        language=row.language,
        day=row.published_date.toordinal(),
        terms=numbers,
        counts=array("B", map(min, term_counts.values(), repeat(likeness.MOST_COUNTED))),
        subjects=likeness.Subjects(row.pk, row.language, row.published_date.toordinal(), frozenset(subjects)),
        linked=frozenset([row.pk, *row.related, *row.listed_under]),
    )


def _best_counterparts(group, others, hidden, rarity):
    days = [a.day for a in others]
    best = {}
    for article in group:
        if not article.subjects.terms:
            continue
        start = bisect_left(days, article.day - likeness.COUNTERPART_DAYS)
        end = bisect_right(days, article.day + likeness.COUNTERPART_DAYS)
        candidates = [a.subjects for a in others[start:end] if a.pk not in hidden[article.pk]]
        chosen = likeness.top(likeness.counterpart_scores(article.subjects, candidates, rarity), article.linked)
        if chosen is not None:
            best[article.pk] = (chosen,)
    return best


def _keep_mutual(counterparts):
    """Only pairs each of which is the other's best."""
    best = {pk: chosen for pk, (chosen,) in counterparts.items()}
    for pk, chosen in best.items():
        if best.get(chosen) != pk:
            del counterparts[pk]


def _suggest(group, rarity, hidden, found):
    """Suggestions of one language's articles (in date order) among themselves."""
    days = [a.day for a in group]
    weigh = likeness.LOG_COUNT.__getitem__
    vectors = [
        likeness.unit(list(map(mul, map(rarity.__getitem__, a.terms), map(weigh, a.counts))), a.terms) for a in group
    ]
    postings = defaultdict(lambda: (array("I"), array("f")))
    for place, weights in enumerate(vectors):
        found.vectors[group[place].pk] = (array("I", weights), array("f", weights.values()))
        for term, weight in weights.items():
            places, values = postings[term]
            places.append(place)
            values.append(weight)
    for place, article in enumerate(group):
        start = bisect_left(days, article.day - likeness.WINDOW_DAYS)
        end = bisect_right(days, article.day + likeness.WINDOW_DAYS)
        sums = defaultdict(float)
        for term, weight in vectors[place].items():
            places, values = postings[term]
            for at in range(bisect_left(places, start), bisect_left(places, end)):
                sums[places[at]] += weight * values[at]
        scores = {group[other].pk: dot * likeness.decay(days[other] - article.day) for other, dot in sums.items()}
        excluded = article.linked | set(found.counterparts.get(article.pk, ())) | hidden[article.pk]
        chosen = likeness.best(scores, excluded)
        if chosen:
            found.suggested[article.pk] = chosen
