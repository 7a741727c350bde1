"""The Jinja2 environment of the templates drawn most: an article's card, which every list renders twenty times, and
the article page's head metadata, citation and lists of persons and topics, a line for each person and topic.

Django's template engine spent about two thirds of a list page's time on its cards; Jinja2 compiles a template to
Python. Escaping is Django's (`conditional_escape`'s rule on every value written), not Jinja2's, so that the card's
bytes are those Django's templates wrote and Django's safe strings (a highlighted title) stay as they are.
"""

import html
import itertools
import operator

from django.template.defaultfilters import date, truncatechars, truncatewords
from django.utils.translation import gettext
from jinja2 import Environment

from archive.models import article_url
from archive.models.versions import article_route
from archive.reading import wording
from archive.research.coins import span as coins_span
from archive.templatetags.archive_pages import dateline, lang_attr, text_lang
from archive.templatetags.article_cards import cards_markup, results_markup
from archive.templatetags.article_metadata import cite_markup
from archive.templatetags.article_versions import text_since


def escaped(value):
    """What `django.utils.html.conditional_escape` makes of a value, without its wrapper for lazy arguments, which
    cost a card a fifth of its time: twenty values a card are written."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def regrouped(items, key):
    """(value, [items]) of each run of consecutive items (dicts) with the same value under `key`, as Django's
    `regroup` gives them: Jinja2's `groupby` sorts them first."""
    return [(value, list(run)) for value, run in itertools.groupby(items, key=operator.itemgetter(key))]


def environment(**options):
    env = Environment(**{**options, "autoescape": False, "finalize": escaped, "keep_trailing_newline": True})
    env.globals.update(
        _=gettext,
        article_url=article_url,
        article_cards=results_markup,
        article_cite=cite_markup,
        article_route=article_route,
        cards=cards_markup,
        as_table=wording.as_table,
        coins_span=coins_span,
        dateline=dateline,
        lang_attr=lang_attr,
        left_out=wording.left_out,
        not_in_archive=wording.not_in_archive,
        regrouped=regrouped,
        text_lang=text_lang,
        text_since=text_since,
    )
    env.filters.update(date=date, truncatechars=truncatechars, truncatewords=truncatewords)
    return env
