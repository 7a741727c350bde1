"""Django's get_object_or_404 for what the archive finds by its address: an article, and what surrounds it."""

from django.http import Http404

from archive import permalinks
from archive.index import surroundings
from archive.models import Article


def article_or_404(year, month, day, slug):
    """(article, moved) for a permanent URL's parts (`permalinks.resolve`); the site's 404 for no article."""
    try:
        return permalinks.resolve(year, month, day, slug)
    except Article.DoesNotExist:
        raise Http404("No such article") from None


def surroundings_or_404(article):
    """What the article page shows around the article; the site's 404 when it was deleted meanwhile."""
    try:
        return surroundings.of(article)
    except Article.DoesNotExist:
        raise Http404("No such article") from None
