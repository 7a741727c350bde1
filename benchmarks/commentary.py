"""One plainly synthetic commentary, for benchmarks only, in English or in Russian: a title ending in the article's
number, a dateline, a photo caption line on about half of them, and paragraphs of `vocabulary`'s words naming 5 to
12 persons of the gazetteer, spelled as the tagger finds them.

Everything about an article follows from its number and its kind (a lead is longer than an item), so that a page
showing it again shows the same text without anything keeping it.
"""

import datetime
import json
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from archive.text.months import ENGLISH_MONTHS, RUSSIAN_MONTHS
from benchmarks.vocabulary import PROSE, SENTENCES_AT_MOST

LEAD, ITEM = "lead", "item"
FIRST_DAY = datetime.date(2012, 1, 1)
ARTICLES_A_DAY = 7
PERSONS_AT_LEAST, PERSONS_AT_MOST = 5, 12
# The seed page's lead has six paragraphs, the first of 23 words, the others of 46 to 88; its item one of 123.
PARAGRAPHS = {LEAD: (4, 8), ITEM: (1, 3)}
FIRST_WORDS = {LEAD: (20, 50), ITEM: (60, 130)}
LATER_WORDS = (40, 95)
# An item shortened to its first paragraph still names this many persons, as a lede names whom it is about.
PERSONS_FIRST = {LEAD: 1, ITEM: 5}
PHOTO_SHARE = 0.5
RUSSIAN_SHARE = 0.5
# An English article spells one of its persons in Cyrillic this often, as a quoted original would.
CYRILLIC_NAME_SHARE = 0.3
# Persons named far more often than the others, with how often; benchmarks/pages.py searches for the first two.
REGULARS = {"alexander-lukashenko": 0.7, "nikolai-statkevich": 0.3, "vladimir-putin": 0.3}
PHOTOGRAPHERS = 40
TITLE_WORDS = 30
# Pages show recent articles again (saved_pages draws its repeats from the latest 1,000): this many stay written.
KEPT = 1024

MONTHS = {"en": [name.capitalize() for name in ENGLISH_MONTHS], "ru": list(RUSSIAN_MONTHS)}


@dataclass(frozen=True)
class Article:
    title: str
    dateline: str
    photo: str
    paragraphs: tuple


def _gazetteer():
    with open(Path(__file__).resolve().parents[1] / "fixtures" / "persons.json", encoding="utf-8") as stream:
        return {entry["slug"]: (entry["name"], entry["name_ru"]) for entry in json.load(stream)}


NAMES = _gazetteer()
OTHERS = tuple(slug for slug in NAMES if slug not in REGULARS)


@lru_cache(maxsize=KEPT)
def article(number, kind, shift=0, date_shift=None):
    """Article `number`, born a lead or an item; with a shift, its text under the title's number `number + shift`
    and the dateline of article `number + date_shift` (by default the same), as an archive grown by copies holds
    it (`benchmarks.copies`)."""
    rng = random.Random(number)
    prose = PROSE["ru" if rng.random() < RUSSIAN_SHARE else "en"]
    language = prose.language
    persons = _persons(rng)
    names = [NAMES[slug][language.code == "ru"] for slug in persons]
    if language.code == "en" and rng.random() < CYRILLIC_NAME_SHARE:
        spelled = int(rng.random() * len(persons))
        names[spelled] = NAMES[persons[spelled]][1]
    photo = f"{names[0]}. {language.photo.format(number % PHOTOGRAPHERS + 1)}" if rng.random() < PHOTO_SHARE else ""
    topic = [_pick(rng, language.common + language.words[:TITLE_WORDS]) for _ in range(2)]
    return Article(
        title=f"{language.title} {' '.join(topic)} {number + shift:07d}",
        dateline=dateline(number + (shift if date_shift is None else date_shift), language.code),
        photo=photo,
        paragraphs=_paragraphs(rng, kind, prose, names),
    )


def _pick(rng, choices):
    return choices[int(rng.random() * len(choices))]


def _between(rng, bounds):
    low, high = bounds
    return low + int(rng.random() * (high - low + 1))


def _persons(rng):
    """5 to 12 persons, the regulars among them placed anywhere."""
    count = _between(rng, (PERSONS_AT_LEAST, PERSONS_AT_MOST))
    regulars = [slug for slug, share in REGULARS.items() if rng.random() < share]
    chosen = []
    while len(chosen) < count - len(regulars):
        slug = _pick(rng, OTHERS)
        if slug not in chosen:
            chosen.append(slug)
    for slug in regulars:
        chosen.insert(int(rng.random() * (len(chosen) + 1)), slug)
    return chosen


def dateline(number, language):
    day = FIRST_DAY + datetime.timedelta(days=number // ARTICLES_A_DAY)
    time = f"{8 + number % 12:02d}:{(number * 7) % 60:02d}"
    month = MONTHS[language][day.month - 1]
    return f"{day.day} {month} {day.year} {time}" if language == "ru" else f"{month} {day.day}, {day.year} {time}"


def _paragraphs(rng, kind, prose, names):
    """The paragraphs, the persons shared out among them: the first names a few, the others the rest in turn."""
    count = _between(rng, PARAGRAPHS[kind])
    first = len(names) if count == 1 else PERSONS_FIRST[kind]
    shares = [names[:first]] + [names[first + index :: count - 1] for index in range(count - 1)]
    paragraphs = [f"{prose.language.marker} {_paragraph(rng, prose, FIRST_WORDS[kind], shares[0])}"]
    paragraphs += [_paragraph(rng, prose, LATER_WORDS, named) for named in shares[1:]]
    return tuple(paragraphs)


def _paragraph(rng, prose, words, names):
    """About as many words as `words` bounds, from the pools; each name opens a sentence of its own."""
    sentences = round(_between(rng, words) / prose.words_a_sentence) - len(names)
    parts = [f"{name} {_pick(rng, prose.after_names)}" for name in names]
    if sentences > 0:
        parts.insert(1, _pick(rng, prose.paragraphs[min(sentences, SENTENCES_AT_MOST)]))
    return " ".join(parts)
