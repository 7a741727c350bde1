"""Template helpers for the public pages: datelines as <time>, and language marks for Cyrillic text."""

import re

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html

from archive.text import cyrillic

register = template.Library()

PAGE_LANGUAGE = "en"
_LETTER = re.compile(r"[^\W\d_]")


@register.simple_tag
def dateline(article):
    """The publication day, and the Minsk time when the dateline had one; no time is ever invented."""
    published = article.published
    text = format_date(article.published_date, "j F Y")
    if article.published_time is not None:
        text = f"{text}, {article.published_time:%H:%M}"
    return format_html('<time datetime="{}">{}</time>', published.isoformat(), text)


@register.filter
def lang_attr(language):
    """` lang="ru"` for text in another language than the page's, nothing otherwise."""
    if not language or language == PAGE_LANGUAGE:
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def text_lang(text):
    """` lang="ru"` when most letters of a short text (a caption, a credit) are Cyrillic."""
    letters = len(_LETTER.findall(text or ""))
    return lang_attr("ru") if letters and cyrillic.letters(text) * 2 > letters else ""
