"""How alike two articles are: plain functions over words and subjects, no database and no index.

An article is a vector of at most `TOP_TERMS` terms, weighted by tf-idf and of unit length: the words of its title
and body cut to their first `STEM` letters (a stem cheap enough for 100,000 articles in seconds, and good enough for
Russian endings), and its persons and topics as terms of their own. Two articles of one language are alike by the
dot product of their vectors, less the farther apart they were published. An English and a Russian article are
counterparts when they are close in time, share a person and most of their persons and topics, and are each the
other's best match.
"""

import functools
import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass, field

TOP_TERMS = 24
STEM = 6
SHORTEST_WORD = 4
# A title word counts as this many words of the body; a person or a topic as this many again.
TITLE_WEIGHT = 3
SUBJECT_WEIGHT = 4
# A term in more than this share of the archive (and in more than COMMON_FLOOR articles) tells one article from no
# other: it is left out, which also keeps the lists of articles holding a term short.
COMMON_SHARE = 0.02
COMMON_FLOOR = 30
# Suggestions come from within a year either side; likeness halves at HALF_LIFE_DAYS apart.
WINDOW_DAYS = 365
HALF_LIFE_DAYS = 180
LEAST_LIKENESS = 0.12
SUGGESTIONS = 5
# Counterparts in the other language: published at most this many days apart, sharing a person and at least this
# share of their persons and topics (weighted by how rare each is).
COUNTERPART_DAYS = 3
LEAST_SHARED = 0.5
LANGUAGES = ("en", "ru")

# A run of letters of at least SHORTEST_WORD, captured up to its first STEM letters (the rest is matched and
# dropped), so that the regular expression alone makes the stems.
_STEM = re.compile(rf"(?<![^\W\d_])([^\W\d_]{{{SHORTEST_WORD},{STEM}}})[^\W\d_]*")


def words(title, body):
    """The stems of a text's words, a title word counted TITLE_WEIGHT times."""
    found = Counter(_stems(body))
    found.update(_stems(title) * TITLE_WEIGHT)
    return found


def _stems(text):
    return _STEM.findall(text.lower())


def subject_terms(persons, topics):
    """Persons and topics as terms apart from any word: `@slug` and `#slug`."""
    return [f"@{slug}" for slug in persons] + [f"#{slug}" for slug in topics]


def counts(title, body, persons, topics):
    """Every term of an article with its count: the terms `vector` weighs."""
    found = words(title, body)
    for term in subject_terms(persons, topics):
        found[term] = SUBJECT_WEIGHT
    return found


def common_limit(total):
    return max(COMMON_FLOOR, int(total * COMMON_SHARE))


# A term's count weighs 1 + log(count), counts above 255 as 255 (a build keeps each count in a byte).
MOST_COUNTED = 255
LOG_COUNT = [0.0, *(1 + math.log(count) for count in range(1, MOST_COUNTED + 1))]


def rarity(held, total):
    """Inverse document frequency of a term `held` by that many of `total` articles; 0 for one no other article
    holds or too many do, which is then left out."""
    return math.log(total / held) if 2 <= held <= common_limit(total) else 0.0


def unit(weights, terms):
    """{term: weight} of the TOP_TERMS heaviest of parallel lists, of unit length (weights of 0 left out)."""
    top = [place for place in heapq.nlargest(TOP_TERMS, range(len(weights)), key=weights.__getitem__) if weights[place]]
    norm = math.sqrt(sum(weights[place] ** 2 for place in top)) or 1.0
    return {terms[place]: weights[place] / norm for place in top}


def vector(term_counts, frequency, total):
    """The article's weighted terms, as {term: weight} of unit length. `frequency(term)` is how many articles hold
    it."""
    terms = list(term_counts)
    weights = [
        LOG_COUNT[min(count, MOST_COUNTED)] * rarity(frequency(term), total) for term, count in term_counts.items()
    ]
    return unit(weights, terms)


def decay(days_apart):
    return 0.5 ** (abs(days_apart) / HALF_LIFE_DAYS)


def likeness(one, other, days_apart):
    """How alike two vectors are, published `days_apart` days apart: 0 for nothing shared, at most 1."""
    if len(other) < len(one):
        one, other = other, one
    return sum(weight * other.get(term, 0.0) for term, weight in one.items()) * decay(days_apart)


def best(scores, excluded, count=SUGGESTIONS):
    """The `count` best-scored ids above LEAST_LIKENESS, best first (ties by id), leaving out `excluded`."""
    ranked = sorted(
        ((score, pk) for pk, score in scores.items() if score >= LEAST_LIKENESS and pk not in excluded),
        key=lambda item: (-item[0], item[1]),
    )
    return tuple(pk for _, pk in ranked[:count])


@dataclass(frozen=True)
class Subjects:
    """What a counterpart is judged on: its language, its day (ordinal) and its persons and topics."""

    pk: int
    language: str
    day: int
    terms: frozenset
    # The persons' terms alone, set apart once: `shared` asks of every pair of candidates whether they share one.
    persons: frozenset = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "persons", frozenset(term for term in self.terms if term[0] == "@"))


def shared(one, other, rarity):
    """The share of two articles' persons and topics they have in common, each weighed by `rarity(term)`; 0 unless
    they share a person (topics are tagged from words, which one language's text may lack where the other's has
    them; a person is named in both)."""
    if one.persons.isdisjoint(other.persons):
        return 0.0
    return sum(map(rarity, one.terms & other.terms)) / sum(map(rarity, one.terms | other.terms))


def counterpart_scores(article, candidates, rarity):
    """{id: shared share} of the candidates that may be the article's counterpart: the other language, close in
    time, sharing enough."""
    scores = {}
    for candidate in candidates:
        if candidate.language == article.language or abs(candidate.day - article.day) > COUNTERPART_DAYS:
            continue
        score = shared(article, candidate, rarity)
        if score >= LEAST_SHARED:
            scores[candidate.pk] = score
    return scores


def top(scores, excluded=frozenset()):
    """The best-scored id (ties by id) not excluded, or None."""
    ranked = [(-score, pk) for pk, score in scores.items() if pk not in excluded]
    return min(ranked)[1] if ranked else None


def rarity_of(frequency, total):
    """Inverse document frequency of a subject term, for `shared`; worked out once a term, as the few persons and
    topics are asked about for every pair of candidates."""
    return functools.cache(lambda term: math.log(1 + total / max(frequency(term), 1)))
