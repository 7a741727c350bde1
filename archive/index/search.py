"""Readers' search syntax, and how its hits are marked in titles and snippets.

Queries are parsed here, never handed to a search engine's own syntax, so quotes, `*` or a stray `(` cannot
raise: words, "quoted phrases", a trailing `*` for a prefix and `OR` between terms are understood, the rest
is ignored. The read index (`archive.index.query`) turns the parsed terms into its queries.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

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


def highlighter(text):
    """A function that marks a query's words in a piece of text, for titles and snippets."""
    stems = {stem(word) for group in parse(text) for term in group if not term.excluded for word in term.words}
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(stems, key=len, reverse=True))) + r")\w*", re.I)


def highlight(text, pattern):
    """Escape the text, then wrap the query's words in <mark>."""
    if pattern is None:
        return escape(text)
    parts, end = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[end : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))


def snippet(text, pattern, words=36):
    """About `words` words of the text around the first hit, marked; the opening words when nothing hits."""
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if pattern and pattern.search(token)), 0)
    start = max(0, first - words // 3)
    window = " ".join(tokens[start : start + words])
    lead = "… " if start > 0 else ""
    tail = " …" if start + words < len(tokens) else ""
    return mark_safe(lead + highlight(window, pattern) + tail)
