"""The Jinja2 environment of the one template every list renders twenty times: an article's card.

Django's template engine spent about two thirds of a list page's time on its cards; Jinja2 compiles a template to
Python. Escaping is Django's own (`conditional_escape` on every value written), not Jinja2's, so that the card's
bytes are those Django's templates wrote and Django's safe strings (a highlighted title) stay as they are.
"""

from django.template.defaultfilters import truncatewords
from django.utils.html import conditional_escape
from django.utils.translation import gettext
from jinja2 import Environment

from archive.models import article_url
from archive.research.coins import span as coins_span
from archive.templatetags.archive_pages import dateline, lang_attr


def environment(**options):
    env = Environment(**{**options, "autoescape": False, "finalize": conditional_escape, "keep_trailing_newline": True})
    env.globals.update(
        _=gettext, article_url=article_url, coins_span=coins_span, dateline=dateline, lang_attr=lang_attr
    )
    env.filters.update(truncatewords=truncatewords)
    return env
