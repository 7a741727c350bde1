"""The words of a page's interface: what a reader sees and hears of it that is not the archive's content.

Collected from a rendering rather than typed by hand, so that a word added to a template is checked as soon as it
is shown. The content a page shows (imported text, names, file names) is the same in every language and is left
out by giving it as `content`.
"""

import re

from bs4 import BeautifulSoup

# Read aloud or shown although not in the text of an element.
SPOKEN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
BUTTON_TYPES = {"submit", "button", "reset"}
# Latin words of two letters or more; letters after a dot name a file type (.txt, .zip), the same in every language.
WORD = re.compile(r"(?<![.\w])[A-Za-z]{2,}(?![\w])")


def page_text(html):
    """Everything a person perceives of the page as text: the text of its elements outside scripts and styles,
    the attributes read aloud, and the labels of its buttons."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    parts = [soup.get_text(" ")]
    for element in soup.find_all(True):
        parts += [element[name] for name in SPOKEN_ATTRIBUTES if element.has_attr(name)]
        if element.name == "input" and element.get("type") in BUTTON_TYPES and element.has_attr("value"):
            parts.append(element["value"])
    return " ".join(parts)


def words(text):
    return {word.casefold() for word in WORD.findall(text)}


def interface_words(html, content=()):
    """The Latin words of a rendering that are not words of the content it shows, lower-cased."""
    shown_content = set().union(*(words(text) for text in content))
    return words(page_text(html)) - shown_content


def remaining_words(english_html, translated_html, content=()):
    """The interface words of the English rendering that the translated one still shows, sorted."""
    return sorted(interface_words(english_html, content) & words(page_text(translated_html)))
