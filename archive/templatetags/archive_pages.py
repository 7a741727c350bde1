"""Template helpers for the public pages: datelines as <time>, language marks for text in another language than the
interface's, and a page's links to itself in each language."""

import functools
import re

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join

from archive.serving.languages import in_language
from archive.text import cyrillic

register = template.Library()

# `E` is the month as a date names it: "22 April 2016", and in languages that decline it "22 апреля 2016".
DAY_FORMAT = "j E Y"
_LETTER = re.compile(r"[^\W\d_]")


@register.simple_tag
def dateline(article):
    """The publication day, and the Minsk time when the dateline had one; no time is ever invented."""
    published = article.published
    text = _day(article.published_date, translation.get_language())
    if article.published_time is not None:
        text = f"{text}, {article.published_time:%H:%M}"
    return format_html('<time datetime="{}">{}</time>', published.isoformat(), text)


@functools.lru_cache(maxsize=8192)
def _day(day, language):
    # Written in the active language, which is the key: a list's twenty datelines are mostly days seen before.
    return format_date(day, DAY_FORMAT)


@register.filter
def lang_attr(language, interface=None):
    """` lang="ru"` for text in another language than the interface's (by default the active one), nothing
    otherwise."""
    if not language or language == (interface or translation.get_language()):
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def text_lang(text):
    """The `lang` of a short text (a caption, a credit): Russian when most of its letters are Cyrillic, else
    English; nothing when that is the interface's language or the text has no letters."""
    letters = len(_LETTER.findall(text or ""))
    if not letters:
        return ""
    return lang_attr("ru" if cyrillic.letters(text) * 2 > letters else "en")


@register.simple_tag(takes_context=True)
def language_links(context, address):
    """The page's canonical link, at its address in the interface's language, and its address in every language
    (hreflang), the default language's also for readers of any other (x-default); nothing for a page without one."""
    if not address:
        return ""
    absolute = context["request"].build_absolute_uri
    languages = [(code, code) for code, _ in settings.LANGUAGES] + [("x-default", settings.LANGUAGE_CODE)]
    alternates = format_html_join(
        "\n",
        '<link rel="alternate" hreflang="{}" href="{}">',
        ((hreflang, absolute(in_language(address, code))) for hreflang, code in languages),
    )
    return format_html('<link rel="canonical" href="{}">\n{}', absolute(address), alternates)
