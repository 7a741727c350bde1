"""The words of a page's interface, told apart from the archive's content, for checking a page's translation: the
public pages and the editors' screens alike.

A page's interface words are the words of its English rendering that are neither the archive's own content
(articles' titles, texts, captions and credits, persons' and topics' names, spellings and descriptions, and what a
test shows that the archive does not keep, such as a page previewed and not imported) nor the names of formats and
protocols written in capitals or in mixed case (API, JSON, BibTeX, TimeMap), nor code (`import_articles`,
`manage.py`, `.txt`). What the Russian catalogue itself writes in Latin letters (Atom, Python) is the translator's
choice of a name, not an English word left over. The words are collected from a rendering rather than typed by
hand, so that a word added to a template is checked as soon as it is shown.
"""

import re

import polib
from bs4 import BeautifulSoup

from archive.models import Article, Person, Topic
from tests.support.locations import ROOT

RUSSIAN_CATALOGUE = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"
# Text inside these is code or data, the same in every language, or is not shown at all.
VERBATIM = ["script", "style", "code", "pre", "template"]
READ_ATTRIBUTES = ["aria-label", "title", "placeholder", "alt"]
# Inputs whose value is the label a reader sees on them.
BUTTON_TYPES = {"submit", "button", "reset"}
_TOKENS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[A-Za-z][a-z]+")
# Addresses and paths, which are no words of any language.
_ADDRESS = re.compile(r"\S*/\S*")
# Names in code: with an underscore, or a dot between letters or before them (a command, a file, a file type).
_CODE = re.compile(r"[\w.]*(?:_|\.(?=[^\W\d_]))[\w.]*")
_MARKUP = re.compile(r"<[^>]+>")
# Code a message shows, which a page's reading leaves out as well.
_CODE_ELEMENT = re.compile(r"<code>.*?</code>", re.DOTALL)
# What a message's placeholders name (%(pages)s) is the code's word, never shown.
_PLACEHOLDER = re.compile(r"%\(\w+\)\w")


def latin_words(text):
    """The Latin-letter words of a text written as words are: all small letters, or one capital first."""
    tokens = _TOKENS.findall(_CODE.sub(" ", _ADDRESS.sub(" ", text)))
    return {token.lower() for token in tokens if _WORD.fullmatch(token)}


def page_words(html):
    """The words a reader meets in the page's own language: its text, labels and buttons, without what another
    `lang` attribute marks as in another language, and without code or what no reader is shown."""
    soup = BeautifulSoup(html, "html.parser")
    language = soup.html.get("lang")
    # Hidden from every reader (a COinS span's data for reference managers, say).
    for element in [*soup.find_all(VERBATIM), *soup.find_all(attrs={"aria-hidden": "true"})]:
        element.decompose()
    for element in soup.find_all(lang=True):
        if element is not soup.html and element.get("lang") != language:
            element.decompose()
    labels = [element[name] for name in READ_ATTRIBUTES for element in soup.find_all(attrs={name: True})]
    buttons = [button["value"] for button in soup.find_all("input", type=BUTTON_TYPES, value=True)]
    return latin_words(" ".join([soup.get_text(" "), *labels, *buttons]))


def content_words():
    """Every word the archive's content holds: what no translation of the interface changes."""
    texts = []
    for fields in Article.objects.values_list("title", "body", "photo_caption", "photo_credit", "photo_agency"):
        texts += fields
    for model, spellings in ((Person, "aliases"), (Topic, "terms")):
        for name, slug, description, others in model.objects.values_list("name", "slug", "description", spellings):
            texts += [name, slug.replace("-", " "), description, *others]
    return latin_words(" ".join(texts))


def translators_names():
    """Latin-letter words the Russian catalogue writes itself: names of formats and software."""
    text = " ".join(entry.msgstr for entry in polib.pofile(str(RUSSIAN_CATALOGUE)))
    return latin_words(_PLACEHOLDER.sub(" ", _MARKUP.sub(" ", _CODE_ELEMENT.sub(" ", text))))


def interface_words(english_html, address="", content=()):
    """The interface words of the page at `address` in English. What the address asks for (a slug, a search) is
    the reader's, not the interface's; so is `content`, the texts the page shows that the archive does not hold
    (a user's name, a page previewed and rolled back)."""
    asked = latin_words(re.sub(r"[^A-Za-z]+", " ", address))
    shown = latin_words(" ".join(content))
    return page_words(english_html) - content_words() - translators_names() - asked - shown


def remaining_words(english_html, translated_html, address="", content=()):
    """The interface words of the English rendering that the translated one still shows, sorted."""
    return sorted(interface_words(english_html, address, content) & page_words(translated_html))
