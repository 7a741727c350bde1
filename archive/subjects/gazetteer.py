"""The persons and topics the archive knows, compiled into word tries, and what they find in a text.

The compiled gazetteer is built once per process and rebuilt when persons or topics change: a version stamp in
the shared cache tells every process that its copy is stale.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction

from archive.models import Person, Topic
from archive.subjects.inflection import name_forms, normalise, term_forms
from archive.subjects.words import words
from archive.text.months import ENGLISH_MONTHS

WORD = re.compile(r"\w+")
# A credit names who took the photo; whatever follows the marker on its line is never a subject.
CREDIT = re.compile(r"\b(?:photo|фото)(?:\s+by\b|\s*:)[^\n.!?]*", re.IGNORECASE)
END = None

# Words that introduce a person by office: the capitalised words after them are a name.
TITLES = words("titles") | {form for word in words("titles_russian") for form in name_forms(word)}

# Capitalised words that start sentences, qualify an office, name a month or a place: never a person after a title.
NOT_NAMES = words("not_names") | set(ENGLISH_MONTHS) | {form for word in words("places") for form in name_forms(word)}
NAME_WORDS_AFTER_TITLE = 3
TOPIC_TITLE_WEIGHT = 3
TOPIC_MIN_SCORE = 2
TOPIC_SHARE_OF_STRONGEST = 0.4
TOPICS_AT_MOST = 3


@dataclass
class Scan:
    """What one text names: persons by id with (rank of first appearance, pictured), topics strongest first, and
    names for editors to review."""

    persons: dict = field(default_factory=dict)
    topics: list = field(default_factory=list)
    unknown: set = field(default_factory=set)


def _insert(trie, paths, value):
    """Add value at the end of every path, where a path is a sequence of sets of word forms."""
    nodes = [trie]
    for forms in paths:
        nodes = [node.setdefault(form, {}) for node in nodes for form in forms]
    for node in nodes:
        node.setdefault(END, set()).add(value)


def _longest(trie, keys, start):
    """The longest entry of trie that the words from start spell: (end, values), or None."""
    node, best = trie, None
    for index in range(start, len(keys)):
        node = node.get(keys[index])
        if node is None:
            break
        if END in node:
            best = (index + 1, node[END])
    return best


def _without_credits(text):
    lowered = text.lower()
    return CREDIT.sub(" ", text) if "photo" in lowered or "фото" in lowered else text


def _keys(words):
    """The normalised words, lower-cased in one call: most words then need nothing more."""
    return [key if key.isascii() else normalise(key) for key in "\n".join(words).lower().split("\n")]


def _capitalised(word):
    return word[0].isupper() and not word.isupper()


class Gazetteer:
    def __init__(self, persons, topics, version=None):
        """persons: (id, name, aliases) triples; topics: (id, name, terms) triples."""
        self.version = version
        self.person_names = {pk: name for pk, name, _ in persons}
        self.topic_names = {pk: name for pk, name, _ in topics}
        self.names, self.terms, self.first_names, self.particles = {}, {}, set(), set()
        for pk, name, aliases in persons:
            for alias in [name, *aliases]:
                words = WORD.findall(alias)
                if words:
                    _insert(self.names, [name_forms(word) for word in words], pk)
                    if not _capitalised(words[0]):
                        self.particles.add(normalise(words[0]))
                if len(words) > 1:
                    self.first_names |= name_forms(words[0])
        for pk, _, terms in topics:
            for term in terms:
                words = WORD.findall(term)
                if words:
                    _insert(self.terms, [term_forms(word) for word in words], pk)

    @classmethod
    def from_database(cls, version=None):
        return cls(
            list(Person.objects.values_list("id", "name", "aliases")),
            list(Topic.objects.values_list("id", "name", "terms")),
            version,
        )

    def lookup(self, text):
        """The ids of the persons one of whose spellings is exactly this text."""
        keys = [normalise(word) for word in WORD.findall(text)]
        hit = keys and _longest(self.names, keys, 0)
        return set(hit[1]) if hit and hit[0] == len(keys) else set()

    def scan(self, title="", body="", caption=""):
        """Find persons and topics in an article's title, photo caption and body (Markdown source)."""
        result, scores, resolved, ambiguous = Scan(), Counter(), {}, []
        segments = [(title, False), (caption, True), (_without_credits(body), False)]
        offset = 0
        for number, (text, pictured) in enumerate(segments):
            words = WORD.findall(text)
            keys = _keys(words)
            matched = self._persons(words, keys, offset, pictured, resolved, ambiguous)
            weight = TOPIC_TITLE_WEIGHT if number == 0 else 1
            for pk in self._topics(keys):
                scores[pk] += weight
            if number:
                result.unknown |= self._unknown(words, keys, matched)
            offset += len(words)
        for position, surface, candidates in ambiguous:
            named = candidates & resolved.keys()
            if len(named) == 1:
                pk = named.pop()
                resolved[pk] = (min(resolved[pk][0], position), resolved[pk][1])
            elif not named:
                result.unknown.add(surface)
        pictured = {pk for pk, (_, seen_in_caption) in resolved.items() if seen_in_caption}
        for rank, pk in enumerate(sorted(resolved, key=lambda pk: resolved[pk][0])):
            result.persons[pk] = (rank, pk in pictured)
        result.topics = self._strongest(scores)
        return result

    def _persons(self, words, keys, offset, pictured, resolved, ambiguous):
        """Record the names found in one segment; return the indexes of the words they cover."""
        names, matched, end = self.names, set(), 0
        for index in [index for index, key in enumerate(keys) if key in names]:
            starts_name = _capitalised(words[index]) or keys[index] in self.particles
            hit = index >= end and starts_name and _longest(names, keys, index)
            if not hit:
                continue
            end, candidates = hit
            position = offset + index
            if len(candidates) == 1:
                (pk,) = candidates
                first = resolved.get(pk)
                resolved[pk] = (min(first[0], position), first[1] or pictured) if first else (position, pictured)
            else:
                ambiguous.append((position, " ".join(words[index:end]), frozenset(candidates)))
            matched.update(range(index, end))
        return matched

    def _topics(self, keys):
        terms, found, end = self.terms, [], 0
        for index in [index for index, key in enumerate(keys) if key in terms]:
            if index < end:
                continue
            node = terms[keys[index]]
            # Most terms are one word: their node holds nothing but its end, and no walk is needed.
            hit = (index + 1, node[END]) if len(node) == 1 and END in node else _longest(terms, keys, index)
            if hit:
                end = hit[0]
                found.extend(hit[1])
        return found

    def _strongest(self, scores):
        ranked = sorted(scores.items(), key=lambda item: (-item[1], self.topic_names[item[0]]))
        if not ranked or ranked[0][1] < TOPIC_MIN_SCORE:
            return []
        floor = max(TOPIC_MIN_SCORE, ranked[0][1] * TOPIC_SHARE_OF_STRONGEST)
        return [pk for pk, score in ranked[:TOPICS_AT_MOST] if score >= floor]

    def _unknown(self, words, keys, matched):
        """Name-like phrases no person matched: a known first name or an office followed by capitalised words."""
        names, first_names = set(), self.first_names
        triggers = [i for i, key in enumerate(keys) if (key in TITLES or key in first_names) and i not in matched]
        for index in triggers:
            key = keys[index]
            if key in TITLES:
                start = index + 1
            elif _capitalised(words[index]):
                start = index
            else:
                continue
            end = start
            while (
                end < len(words)
                and end - start < NAME_WORDS_AFTER_TITLE
                and end not in matched
                and _capitalised(words[end])
                and keys[end] not in TITLES
                and keys[end] not in NOT_NAMES
            ):
                end += 1
            if end - start > (1 if start == index else 0):
                names.add(" ".join(words[start:end])[:200])
        return names


VERSION_KEY = "archive:gazetteer-version"
_compiled = {}


def current():
    """The compiled gazetteer, rebuilt when another process or a change here made the stored one stale."""
    version = cache.get(VERSION_KEY)
    gazetteer = _compiled.get("gazetteer")
    if gazetteer is None or gazetteer.version != version:
        gazetteer = _compiled["gazetteer"] = Gazetteer.from_database(version)
    return gazetteer


def invalidate():
    _compiled.clear()
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def names_changed(**kwargs):
    """Signal receiver for persons and topics: a save or delete makes the compiled gazetteer stale."""
    # This process sees its own uncommitted change at once; other processes are told only once it is
    # committed, since one rebuilding earlier would keep the old persons under the new stamp.
    _compiled.clear()
    transaction.on_commit(invalidate)
