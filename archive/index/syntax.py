"""Readers' search syntax: what the words typed into a search box ask for.

Queries are parsed here, never handed to a search engine's own syntax, so quotes, `*` or a stray `(` cannot
raise: words, "quoted phrases", a trailing `*` for a prefix and `OR` between terms are understood, the rest
is ignored. The read index (`archive.index.filters`) turns the parsed terms into its queries.
"""

import re
from dataclasses import dataclass

from archive.text import cyrillic


@dataclass(frozen=True)
class Term:
    words: tuple
    prefix: bool = False
    # `-word`: the articles must not contain it.
    excluded: bool = False


# A minus counts only at the start of a term, so that hyphenated words stay words.
_TOKEN = re.compile(r'(?:(?<!\w)(?P<minus>-))?(?:"(?P<phrase>[^"]*)"?|(?P<word>\w+)(?P<star>\*)?)')
_WORD = re.compile(r"\w+")
# Inflectional endings, longest first, stripped from Russian words so that a prefix query finds every form.
_RUSSIAN_ENDINGS = (
    *("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ах", "ях", "ов", "ев"),
    *("ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их"),
    *("а", "я", "о", "е", "у", "ю", "ы", "и", "ь", "й"),
)
_ENGLISH_ENDINGS = ("ing", "ed", "es", "s")


def parse(text):
    """Read a reader's query as groups that must all match, each a list of alternative terms.

    An excluded term is a group of its own, never an alternative.
    """
    groups, joined = [], False
    for match in _TOKEN.finditer(text or ""):
        if match["word"] in {"AND", "NOT"}:
            continue
        if match["word"] == "OR":
            joined = bool(groups)
            continue
        words = tuple(_WORD.findall(match["phrase"] or "") if match["word"] is None else [match["word"]])
        if not words:
            continue
        term = Term(words=tuple(w.casefold() for w in words), prefix=bool(match["star"]), excluded=bool(match["minus"]))
        if joined and not term.excluded and not groups[-1][0].excluded:
            groups[-1].append(term)
        else:
            groups.append([term])
        joined = False
    return groups


def stem(word):
    """Cut a common inflectional ending, keeping at least four letters of the word."""
    endings = _RUSSIAN_ENDINGS if cyrillic.letters(word) else _ENGLISH_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
