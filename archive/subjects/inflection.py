"""The forms a name or a term takes in running text: Russian and Belarusian case endings, English word endings.

Forms are generated from the spelling in the gazetteer rather than stripped from the text, so matching stays one
dictionary lookup a word. The endings are a union over both languages and all cases: a form that no grammar
would produce costs nothing, because only words the gazetteer knows are ever looked up.
"""

import unicodedata
from functools import lru_cache

from archive.text import cyrillic

_ADJECTIVE = ("ский", "цкий", "ской", "цкой", "ный", "ський", "цький", "скі", "цкі")


def normalise(word):
    """The key a word is compared by: lower case, ё as е, Latin letters without diacritics."""
    key = word.lower()
    return key if key.isascii() else _fold(key)


@lru_cache(maxsize=65536)
def _fold(key):
    key = key.replace("ё", "е")
    if cyrillic.letters(key):
        return key
    decomposed = unicodedata.normalize("NFKD", key.replace("ł", "l").replace("đ", "d").replace("ø", "o"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_forms(word):
    """Every form of a name's word that running text may use, the normalised word itself included."""
    key = normalise(word)
    if not cyrillic.letters(key):
        return {key}
    return {key} | _cyrillic_forms(key)


def term_forms(word):
    """Every form of a topic term's word: a name's forms, plus those of common nouns and adjectives."""
    key = normalise(word)
    if not cyrillic.letters(key):
        return _english_forms(key)
    return name_forms(key) | _cyrillic_common_forms(key)


def _swap(word, cut, endings):
    stem = word[: len(word) - cut]
    return {stem + ending for ending in endings}


def _cyrillic_forms(word):
    if word.endswith(("ая", "яя")):
        return _swap(word, 2, ["ая", "ой", "ую", "ою", "ай", "ей"])
    if word.endswith(_ADJECTIVE):
        cut = 1 if word.endswith("і") else 2
        return _swap(word, cut, ["ий", "ый", "ого", "ому", "им", "ым", "ом", "і", "ага", "аму", "ім"])
    if word.endswith(("ий", "ый", "ій", "й", "ь")):
        return _swap(word, 1, ["й", "я", "ю", "ем", "е", "и", "і", "ём"])
    if word.endswith("а"):
        return _swap(word, 1, ["а", "ы", "и", "і", "е", "у", "ой", "ою", "ай", "аю", "ам", "ом"])
    if word.endswith("я"):
        return _swap(word, 1, ["я", "и", "і", "е", "ю", "ей", "яй", "ею"])
    if word.endswith("ў"):
        return {word} | _swap(word[:-1] + "в", 0, ["а", "у", "ым", "ом", "е", "ам"])
    if word[-1] in "оеэиуюіы":
        return {word}
    return _swap(word, 0, ["", "а", "у", "ом", "ем", "ым", "е", "ам", "ы", "і"])


def _cyrillic_common_forms(word):
    if word.endswith(("ое", "ее")):
        return _swap(word, 2, ["ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем"])
    if word.endswith(("ые", "ие")):
        return _swap(word, 2, ["ые", "ие", "ых", "их", "ым", "им", "ыми", "ими"])
    if word.endswith(("ы", "и")):
        return _swap(word, 1, ["ы", "и", "ов", "ев", "ей", "ий", "й", "ам", "ям", "ами", "ями", "ах", "ях", ""])
    if word.endswith(("о", "е")):
        return _swap(word, 1, ["о", "е", "а", "я", "у", "ю", "ом", "ем", "и"])
    return set()


def _english_forms(word):
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    return forms
