"""Identifiers: `oai:<repository id>:<the article's path without its slashes at either end>`, for example
`oai:archive.example.org:articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter`.

The article's address is read straight from its identifier, which changes only when an editor changes the address.
"""

from archive import permalinks
from archive.models import Article
from archive.research.oai import conf


def of(article):
    return f"oai:{conf.repository_id()}:{article.get_absolute_url().strip('/')}"


def sample():
    return f"oai:{conf.repository_id()}:articles/2016/04/22/an-article"


def article(identifier, queryset=None):
    """The article an identifier names, or None: an identifier of another repository, or of no current address."""
    prefix = f"oai:{conf.repository_id()}:"
    if not identifier.startswith(prefix):
        return None
    key = permalinks.address(f"/{identifier.removeprefix(prefix)}/")
    if key is None:
        return None
    found = queryset if queryset is not None else Article.objects
    return found.filter(published_date=key[0], slug=key[1]).first()
