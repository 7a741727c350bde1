"""Two texts compared word by word, as HTML that says what changed in words, not in colour alone."""

import difflib
import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

# Words and the spaces between them, apart, so that a changed word leaves its spacing and paragraph breaks alone.
TOKENS = re.compile(r"\S+|\s+")


def words(old, new):
    """The new text with what it removed in <del> and what it added in <ins>, each with a text label that screen
    readers read out (the style sheet hides it from sight, where the lines through and under the words show)."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation in ("delete", "replace"):
            parts.append(_marked("del", pgettext("words of a text", "removed"), before[old_start:old_end]))
        if operation in ("insert", "replace"):
            parts.append(_marked("ins", pgettext("words of a text", "added"), after[new_start:new_end]))
        if operation == "equal":
            parts.append(escape("".join(after[new_start:new_end])))
    return mark_safe("".join(parts))


def _marked(element, label, tokens):
    return format_html(
        '<{0}><span class="visually-hidden">[{1}: </span>{2}<span class="visually-hidden">]</span></{0}>',
        mark_safe(element),
        label,
        "".join(tokens),
    )
