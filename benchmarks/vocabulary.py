"""The synthetic commentaries' fixed vocabulary (vocabulary.json), in English and in Russian, made once into pools of
sentences and paragraphs, so that writing an article is a few picks from them.

In each language, `common` holds the words that most articles hold (the benchmarks' common searches) and `words`
the rest, topic terms of the gazetteer among them. None is an office ("president", "политик" and their forms):
the tagger takes the capitalised word after one for a name it does not know.
"""

import json
import random
from dataclasses import dataclass
from pathlib import Path

# A common word is drawn this many times as often as another.
COMMON_WEIGHT = 3
CLAUSES = 2048
PARAGRAPHS_A_LENGTH = 256
# Enough for the longest paragraph an article has (130 words).
SENTENCES_AT_MOST = 16


@dataclass(frozen=True)
class Language:
    code: str
    title: str
    marker: str
    photo: str
    verbs: list
    common: list
    words: list


@dataclass(frozen=True)
class Prose:
    """A language's pools: what follows a name in a sentence (a verb and a clause), and paragraphs by their number
    of sentences."""

    language: Language
    after_names: tuple
    paragraphs: dict
    words_a_sentence: float


def _pools(language, seed):
    rng = random.Random(seed)
    vocabulary = language.common + language.words
    weights = [COMMON_WEIGHT] * len(language.common) + [1] * len(language.words)
    clauses = []
    for _ in range(CLAUSES):
        words = rng.choices(vocabulary, weights, k=rng.randint(5, 13))
        if len(words) > 8:
            words[3] += ","
        clauses.append(" ".join(words) + ".")
    sentences = [clause[0].upper() + clause[1:] for clause in clauses]
    paragraphs = {
        length: tuple(" ".join(rng.choices(sentences, k=length)) for _ in range(PARAGRAPHS_A_LENGTH))
        for length in range(1, SENTENCES_AT_MOST + 1)
    }
    after_names = tuple(f"{rng.choice(language.verbs)} {clause}" for clause in clauses)
    return Prose(language, after_names, paragraphs, sum(len(clause.split()) for clause in clauses) / CLAUSES)


def _languages():
    with open(Path(__file__).with_name("vocabulary.json"), encoding="utf-8") as stream:
        entries = json.load(stream)
    return {code: Language(code=code, **entry) for code, entry in entries.items()}


LANGUAGES = _languages()
PROSE = {code: _pools(language, seed) for seed, (code, language) in enumerate(LANGUAGES.items(), start=2016)}
