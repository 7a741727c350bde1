"""The Jinja2 environment of the templates drawn most: an article's card, which every list renders twenty times, and
the article page's head metadata, citation and lists of persons and topics, a line for each person and topic.

Django's template engine spent about two thirds of a list page's time on its cards; Jinja2 compiles a template to
Python. Escaping is Django's (`conditional_escape`'s rule on every value written), not Jinja2's, so that the card's
bytes are those Django's templates wrote and Django's safe strings (a highlighted title) stay as they are.
"""

import html

from django.template.defaultfilters import date, truncatechars, truncatewords
from django.utils.translation import gettext
from jinja2 import Environment

from archive.models import article_url
from archive.reading import wording
from archive.research.coins import span as coins_span
from archive.templatetags.archive_pages import dateline, lang_attr
from archive.templatetags.article_cards import cards_markup


def escaped(value):
    """What `django.utils.html.conditional_escape` makes of a value, without its wrapper for lazy arguments, which
    cost a card a fifth of its time: twenty values a card are written."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def environment(**options):
    env = Environment(**{**options, "autoescape": False, "finalize": escaped, "keep_trailing_newline": True})
    env.globals.update(
        _=gettext,
        article_url=article_url,
        article_cards=cards_markup,
        as_table=wording.as_table,
        coins_span=coins_span,
        dateline=dateline,
        lang_attr=lang_attr,
        left_out=wording.left_out,
        not_in_archive=wording.not_in_archive,
    )
    env.filters.update(date=date, truncatechars=truncatechars, truncatewords=truncatewords)
    return env
