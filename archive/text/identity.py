"""How the archive recognises an article it already holds, and how it names it in URLs.

A leaf: the models use it, so it imports nothing else of the project.
"""

import re
import unicodedata

from django.utils.text import slugify
from unidecode import unidecode

_QUOTES = str.maketrans({c: "'" for c in '’‘‚‛′`´«»“”„‟"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,;:!?…'"

SLUG_MAX = 80


def title_key(title):
    """Normalise a title so that spellings differing only in case, quotes, dashes or spacing match."""
    key = unicodedata.normalize("NFKC", title).casefold().translate(_QUOTES)
    key = _DASHES.sub("-", key)
    key = _SPACE.sub(" ", key)
    return key.strip(_EDGE_PUNCTUATION)


def slug_for(title):
    """A readable Latin slug: Cyrillic is transliterated, and long titles are cut at a word."""
    slug = slugify(unidecode(title.replace("’", "").replace("'", "")))
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug or "article"


def free_slug(base, taken):
    """The first of base, base-2, base-3, … that `taken` (a predicate) refuses, so that a name is never shared."""
    candidate, suffix = base, 2
    while taken(candidate):
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    return candidate
