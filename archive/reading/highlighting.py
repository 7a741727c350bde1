"""A search's words marked in the titles and snippets of the list of its results."""

import html
import re

from django.utils.safestring import mark_safe

from archive.index.syntax import parse, stem


def highlighter(text):
    """A function that marks a query's words in a piece of text, for titles and snippets."""
    stems = {stem(word) for group in parse(text) for term in group if not term.excluded for word in term.words}
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(stems, key=len, reverse=True))) + r")\w*", re.I)


def highlight(text, pattern):
    """Escape the text, then wrap the query's words in <mark>."""
    # The standard library's escape, which Django's wraps (the same text) in a lazy check costing more than it.
    if pattern is None:
        return mark_safe(html.escape(text))
    parts, end = [], 0
    for match in pattern.finditer(text):
        parts += [html.escape(text[end : match.start()]), "<mark>", html.escape(match.group()), "</mark>"]
        end = match.end()
    parts.append(html.escape(text[end:]))
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
